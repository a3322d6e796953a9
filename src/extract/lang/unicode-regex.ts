/** JavaScript's `\b` only knows ASCII letters; French words start and end with accents. */
const BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))`;

/** A case-insensitive Unicode regex whose `\b` works around accented letters. */
export function ure(source: string, flags = 'i'): RegExp {
  const withU = flags.includes('u') ? flags : `${flags}u`;
  return new RegExp(source.replaceAll(String.raw`\b`, BOUNDARY), withU);
}
