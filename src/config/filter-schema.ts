import { z } from 'zod';
import { cssSelectorError } from './css-selector-error.js';

/** The per-source filters (`select`, `remove`, `ignore`), shared by our config, packs and OTA declarations. */

export const cssSelector = z.string().superRefine((value, ctx) => {
  const error = cssSelectorError(value);
  if (error) ctx.addIssue({ code: 'custom', message: `invalid CSS selector "${value}": ${error}` });
});

const START_KEYS = ['startBefore', 'startAfter'] as const;
const END_KEYS = ['endBefore', 'endAfter'] as const;

/** An Open Terms Archive range selector: one start and one end, each a CSS selector. */
export const rangeSelector = z.strictObject({
  startBefore: cssSelector.optional(),
  startAfter: cssSelector.optional(),
  endBefore: cssSelector.optional(),
  endAfter: cssSelector.optional(),
}).superRefine((range, ctx) => {
  const starts = START_KEYS.filter((key) => range[key] !== undefined);
  const ends = END_KEYS.filter((key) => range[key] !== undefined);
  if (starts.length !== 1 || ends.length !== 1) {
    ctx.addIssue({ code: 'custom', message: 'a range selector takes exactly one of startBefore/startAfter and one of endBefore/endAfter' });
  }
});

export const selector = z.union([cssSelector, rangeSelector], {
  error: 'expected a CSS selector or a range selector {startBefore|startAfter, endBefore|endAfter}',
});

/** `select`: one selector, or a list of selectors and ranges joined in order. */
export const selectField = z.union([cssSelector, z.array(selector).min(1)], {
  error: 'expected a CSS selector or a non-empty list of selectors and range selectors',
});

/** `remove`: a list of selectors and ranges dropped before reading. */
export const removeField = z.array(selector).min(1);

/** A regular expression, checked in Unicode mode (stricter, so it also compiles without it). */
export const regexSource = z.string().min(1).superRefine((value, ctx) => {
  if (value === '') return; // said by min(1)
  try {
    // A pattern that matches empty text would be cut everywhere (the reader refuses it too).
    if (new RegExp(value, 'u').test('')) ctx.addIssue({ code: 'custom', message: `regular expression "${value}" matches empty text` });
  } catch (error) {
    const why = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    ctx.addIssue({ code: 'custom', message: `invalid regular expression "${value}": ${why}` });
  }
});

/** `ignore`: regular expressions whose matching text is dropped before hashing and diffing. */
export const ignoreField = z.array(regexSource).min(1);
