const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;

/**
 * A case-insensitive Unicode regex whose `\b` works around accented letters (JavaScript's `\b`
 * only knows ASCII). Each `\b` becomes a one-sided check: a word start when a word follows it in
 * the pattern, a word end otherwise — cheaper than a two-sided boundary at every position.
 */
export function ure(source: string, flags = 'i'): RegExp {
  const withU = flags.includes('u') ? flags : `${flags}u`;
  const converted = source.replace(/\\b(?=(.?))/g, (_m, next: string) => (/^[\p{L}\p{N}(\[\\]$/u.test(next) ? START : END));
  return new RegExp(converted, withU);
}
