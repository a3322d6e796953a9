import { isLanguage, type Language } from '../domain/languages.js';
import { SHARED_WORDS } from './lang/shared.js';

/** A full date (day, month and year all written on the page) found in a text. */
export interface FoundDate {
  iso: string;
  index: number;
  end: number;
}

/** How the page writes numeric dates: day first (fr, en-GB), month first (en-US), or unknown. */
export type NumericOrder = 'dmy' | 'mdy' | null;

const DAY_FIRST_REGIONS = new Set(['gb', 'uk', 'ie', 'au', 'nz', 'in', 'za', 'sg', 'hk']);

/** The numeric date order a page's `<html lang>` and reading language imply. */
export function numericOrderOf(htmlLang: string | null, language: Language): NumericOrder {
  // A language that always writes the day first (French) says it alone.
  const implied = SHARED_WORDS[language].numericOrder;
  if (implied !== null) return implied;
  const [tag, region] = (htmlLang ?? '').toLowerCase().split(/[-_]/);
  if (isLanguage(tag) && SHARED_WORDS[tag].numericOrder !== null) return SHARED_WORDS[tag].numericOrder;
  if (region === 'us' || region === 'ca' || region === 'ph') return 'mdy';
  if (region !== undefined && DAY_FIRST_REGIONS.has(region)) return 'dmy';
  return null;
}

const YEAR = /(?:19|20)\d{2}/;
const NUMERIC = /^(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})$/;
// "2026Archive": a year glued to the next element's text hides the year from the parser.
const GLUED_YEAR = /((?:19|20)\d{2})(?=\p{L})/gu;

function toIso(year: number, month: number, day: number): string | null {
  if (!(year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 31 June and the like
  return d.toISOString().slice(0, 10);
}

function numericIso(m: RegExpExecArray, order: NumericOrder): string | null {
  const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let resolved = order;
  if (resolved === null) {
    if (a === b) resolved = 'dmy';
    else if (a > 12) resolved = 'dmy';
    else if (b > 12) resolved = 'mdy';
    else return null; // "03/04/2025" with no language cue: no date rather than a guess
  }
  return resolved === 'dmy' ? toIso(year, b, a) : toIso(year, a, b);
}

/** Splits glued years apart, remembering where each inserted space went. */
function unglue(text: string): { text: string; inserted: number[] } {
  const inserted: number[] = [];
  let shift = 0;
  const out = text.replace(GLUED_YEAR, (year: string, _g: string, at: number) => {
    inserted.push(at + year.length + shift);
    shift += 1;
    return `${year} `;
  });
  return { text: out, inserted };
}

function originalIndex(index: number, inserted: readonly number[]): number {
  let shift = 0;
  for (const at of inserted) if (at < index) shift += 1;
  return index - shift;
}

/**
 * Every full date written in a text, read in the given languages: the day and the year must be
 * written (a year is never guessed, "July 2026" is no date), relative dates are never dates.
 */
export function parseDates(text: string, languages: readonly Language[], order: NumericOrder): FoundDate[] {
  if (!YEAR.test(text)) return [];
  const { text: spaced, inserted } = unglue(text);
  const found: FoundDate[] = [];
  for (const language of languages) {
    for (const result of SHARED_WORDS[language].dateParser.parse(spaced, undefined, { forwardDate: false })) {
      const start = result.start;
      if (!start.isCertain('year') || !start.isCertain('day') || !start.isCertain('month')) continue;
      const written = result.text.trim();
      if (!YEAR.test(written)) continue; // "2 weeks ago", "il y a 3 semaines"
      const numeric = NUMERIC.exec(written);
      const iso = numeric
        ? numericIso(numeric, order)
        : toIso(start.get('year')!, start.get('month')!, start.get('day')!);
      if (iso === null) continue;
      const index = originalIndex(result.index + result.text.indexOf(written), inserted);
      const end = originalIndex(result.index + result.text.indexOf(written) + written.length, inserted);
      found.push({ iso, index, end });
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  return found.filter((d, i) => i === 0 || d.index >= found[i - 1]!.end);
}
