import type { Language } from '../../domain/languages.js';
import { parseDates, type FoundDate, type NumericOrder } from '../parse-dates.js';

export type { FoundDate } from '../parse-dates.js';

const cache = new Map<string, FoundDate[]>();
const CANDIDATE = /(?:19|20)\d{2}/;
const NONE: FoundDate[] = [];
const CACHE_LIMIT = 4000;

/**
 * Every full date (day, month, year) written in the text, in any of the languages;
 * numeric dates are read in the page's order (`dmy`/`mdy`), ambiguous ones without it are none.
 */
export function findDates(text: string, languages: readonly Language[], order: NumericOrder = null): FoundDate[] {
  // Only lines that hold a year are candidates for the parser.
  if (!CANDIDATE.test(text)) return NONE;
  const key = `${languages.join()}\u0000${order ?? ''}\u0000${text}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = parseDates(text, languages, order);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/** Parses one date written in any of the languages; null when it is not a full date. */
export function parseDate(text: string, languages: readonly Language[], order: NumericOrder = null): string | null {
  return findDates(text, languages, order)[0]?.iso ?? null;
}
