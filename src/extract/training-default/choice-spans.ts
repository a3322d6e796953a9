import type { Language } from '../../domain/languages.js';
import { globalOf } from '../global-of.js';
import { TRAINING_DEFAULT_WORDS } from './training-default-words.js';

/**
 * "There is no way to opt out", "your profile cannot be excluded": the negation denies the
 * choice, not the use, so it says nothing about whether the data is used. Blanks those spans
 * (same length, so offsets into the text still hold) before a reader looks at the text's polarity.
 */
export function maskDeniedChoices(text: string, languages: readonly Language[]): string {
  let out = text;
  for (const l of languages) {
    out = out.replace(globalOf(TRAINING_DEFAULT_WORDS[l].deniedChoice), (span) => ' '.repeat(span.length));
  }
  return out;
}

/** Where a text makes the user's own choice the only exception to a refusal ("unless you tell us to"), if it does. */
export function consentExceptionAt(text: string, languages: readonly Language[]): number | null {
  for (const l of languages) {
    const m = TRAINING_DEFAULT_WORDS[l].consentException.exec(text);
    if (m !== null) return m.index;
  }
  return null;
}
