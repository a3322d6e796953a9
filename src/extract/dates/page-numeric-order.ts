import type { NumericOrder } from '../parse-dates.js';

const NUMERIC = /(?<![\d./-])(\d{1,2})[./](\d{1,2})[./](?:19|20)\d{2}(?![\d./-])/g;

/**
 * How the page writes numeric dates when its language tag does not say: from the dates it
 * writes unambiguously ("21/03/2025" is day first, "03/21/2025" month first). A page that
 * writes both ways, or neither, says nothing (its ambiguous dates stay null).
 */
export function pageNumericOrder(text: string, given: NumericOrder): NumericOrder {
  if (given !== null) return given;
  let dayFirst = false;
  let monthFirst = false;
  for (const m of text.matchAll(NUMERIC)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst = true;
    if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst ? 'dmy' : 'mdy';
}
