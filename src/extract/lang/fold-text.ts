const MARKS = /\p{M}+/gu;
const FOLDED = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;
/** Runs of capitals, and every other character outside ASCII (astral ones whole, kept as they are). */
const FOLDABLE = /[A-Z]+|[^\x00-\x7f]/gu;

/** One character lower-cased and stripped of its accents, or itself when that would change its length. */
function foldChar(c: string): string {
  let folded = FOLDED.get(c);
  if (folded === undefined) {
    const bare = c.toLowerCase().normalize('NFD').replace(MARKS, '');
    folded = bare.length === c.length ? bare : c.toLowerCase().length === c.length ? c.toLowerCase() : c;
    if (folded === '’' || folded === 'ʼ') folded = "'";
    FOLDED.set(c, folded);
  }
  return folded;
}

/**
 * A lower-cased copy of the text without accents, with curly apostrophes made straight, of the
 * same length (offsets found in it hold in the original): so that words written in capitals
 * without their accents ("MISE A JOUR", "ENTREE EN VIGUEUR") match the same patterns as the
 * usual spelling. Patterns matched on it are written lower-case and without accents.
 */
export function foldText(text: string): string {
  // Plain ASCII (most of a page) folds by lower-casing alone: the character map is for the rest.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.replace(FOLDABLE, (c) => (c.length === 1 ? foldChar(c) : c.charCodeAt(0) < 0x80 ? c.toLowerCase() : c));
}
