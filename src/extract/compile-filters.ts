import * as cheerio from 'cheerio';
import type { RangeSelector, Selector } from '../domain/source.js';
import { PolicyWatchError } from '../domain/errors.js';

/** A source's filters as written in config (`Source.select`, `remove`, `ignore`). */
export interface FilterOptions {
  /** One CSS selector, or a list of selectors and ranges whose matches are joined in order. */
  select?: string | Selector[];
  /** Selectors (or ranges) dropped before reading. */
  remove?: Selector[];
  /** Regular expressions (source text): matching text is dropped from every line of the text. */
  ignore?: string[];
}

/** The same filters, checked and ready to apply. */
export interface PageFilters {
  select: Selector[] | null;
  remove: Selector[];
  ignore: RegExp[];
}

/** A filter that cannot be used; `field` names it as in config (`select[1].startBefore`). */
export class FilterError extends PolicyWatchError {
  constructor(readonly field: string, message: string) {
    super('filter', `${field}: ${message}`);
    this.name = 'FilterError';
  }
}

let probe: cheerio.CheerioAPI | null = null;

function checkCss(css: unknown, field: string): void {
  if (typeof css !== 'string' || css.trim() === '') throw new FilterError(field, 'expected a non-empty CSS selector');
  probe ??= cheerio.load('<html><body></body></html>');
  try {
    probe(css);
  } catch (error) {
    throw new FilterError(field, `invalid CSS selector "${css}" (${(error as Error).message})`);
  }
}

function checkRange(range: RangeSelector, field: string): void {
  const keys = Object.keys(range);
  const unknown = keys.filter((k) => !['startBefore', 'startAfter', 'endBefore', 'endAfter'].includes(k));
  if (unknown.length > 0) throw new FilterError(field, `unknown range key ${unknown.map((k) => `"${k}"`).join(', ')} (expected startBefore or startAfter, and endBefore or endAfter)`);
  const starts = (['startBefore', 'startAfter'] as const).filter((k) => range[k] !== undefined);
  const ends = (['endBefore', 'endAfter'] as const).filter((k) => range[k] !== undefined);
  if (starts.length !== 1) throw new FilterError(field, 'a range needs exactly one of startBefore and startAfter');
  if (ends.length !== 1) throw new FilterError(field, 'a range needs exactly one of endBefore and endAfter');
  for (const key of [...starts, ...ends]) checkCss(range[key], `${field}.${key}`);
}

function checkSelector(selector: unknown, field: string): Selector {
  if (typeof selector === 'string') {
    checkCss(selector, field);
    return selector;
  }
  if (selector === null || typeof selector !== 'object' || Array.isArray(selector)) {
    throw new FilterError(field, 'expected a CSS selector or a range {startBefore|startAfter, endBefore|endAfter}');
  }
  checkRange(selector as RangeSelector, field);
  return selector as RangeSelector;
}

/** `ignore` patterns match case-insensitively, anywhere in a line, every occurrence. */
export function compileIgnore(pattern: unknown, field: string): RegExp {
  if (typeof pattern !== 'string' || pattern === '') throw new FilterError(field, 'expected a non-empty regular expression');
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'gi');
  } catch (error) {
    throw new FilterError(field, `invalid regular expression "${pattern}" (${(error as Error).message})`);
  }
  if (re.test('')) throw new FilterError(field, `regular expression "${pattern}" matches empty text`);
  return re;
}

/**
 * Checks and prepares a source's filters; throws a FilterError naming the field (`select`,
 * `remove[0]`, `ignore[2]`, `select[1].endBefore`) for a bad selector, range or regular expression.
 * Config validation calls it with the source's fields; reading calls it once per page.
 */
export function compileFilters(options: FilterOptions, prefix = ''): PageFilters {
  const at = (name: string) => `${prefix}${name}`;
  let select: Selector[] | null = null;
  if (options.select !== undefined) {
    if (typeof options.select === 'string') select = [checkSelector(options.select, at('select'))];
    else if (Array.isArray(options.select)) {
      if (options.select.length === 0) throw new FilterError(at('select'), 'expected at least one selector');
      select = options.select.map((s, i) => checkSelector(s, at(`select[${i}]`)));
    } else {
      select = [checkSelector(options.select, at('select'))];
    }
  }
  const remove = (options.remove ?? []).map((s, i) => checkSelector(s, at(`remove[${i}]`)));
  const ignore = (options.ignore ?? []).map((p, i) => compileIgnore(p, at(`ignore[${i}]`)));
  return { select, remove, ignore };
}

/** True when no filter is set: the page is read with the defaults. */
export function hasFilters(options: FilterOptions): boolean {
  return options.select !== undefined || (options.remove?.length ?? 0) > 0 || (options.ignore?.length ?? 0) > 0;
}
