const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;

/**
 * A case-insensitive Unicode regex whose `\b` works around accented letters (JavaScript's `\b`
 * only knows ASCII). Each `\b` becomes a one-sided check: a word start when a word follows it in
 * the pattern, a word end otherwise — cheaper than a two-sided boundary at every position.
 */
export function ure(source: string, flags = 'i'): RegExp {
  const withU = flags.includes('u') ? flags : `${flags}u`;
  const converted = source.replace(/\\b(?=(.{0,3}))/g, (_m, next: string) => (startsWord(next) ? START : END));
  return new RegExp(converted, withU);
}

/** Whether a `\b` followed by this pattern text opens a word (else it closes one). */
function startsWord(next: string): boolean {
  if (next.startsWith('(?=') || next.startsWith('(?!')) return false; // a lookahead after a word
  return /^(?:[\p{L}\p{N}[(]|\\[pdw])/u.test(next);
}
