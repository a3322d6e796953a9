import { francAll } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';
import { isLanguage, LANGUAGES, type Language, type LanguageChoice } from '../domain/languages.js';

/** Below this many characters of text, franc's guess is not trusted (a short English line can read as Portuguese). */
const MIN_DETECT_CHARS = 200;

/** franc's ISO 639-3 code of each known language. */
const KNOWN_3 = Object.entries(iso6393To1).filter(([, two]) => isLanguage(two)).map(([three]) => three);

/** A language code as ISO 639-1 where it has one ("deu" -> "de"), else as franc gave it. */
function toIso1(code: string): string {
  return iso6393To1[code] ?? code;
}

/** franc reads this much of a long page: a policy's language is plain long before its end. */
const MAX_DETECT_CHARS = 20_000;

/** The last text detected and its answer: a page's text is asked twice (document and reading language). */
let last: { text: string; language: string | null } | null = null;

/** The language the page's words are in, when there are enough of them to tell; else null. */
export function wordsLanguage(text: string): string | null {
  if (text.length < MIN_DETECT_CHARS) return null;
  if (last?.text === text) return last.language;
  const [best] = francAll(text.slice(0, MAX_DETECT_CHARS))[0] ?? ['und'];
  const language = best === 'und' ? null : toIso1(best);
  last = { text, language };
  return language;
}

/** How far behind the best the runner-up must score for a short page's guess to count. */
const CLEAR_LEAD = 0.85;

/**
 * Of the known languages, the one the words are clearly closest to (a short page's best guess);
 * null without words or when the guess is a near tie (a few English headings can score French first).
 */
function closestKnownLanguage(text: string): Language | null {
  const [[best, _score] = ['und', 0], [, runnerUp] = ['und', 0]] = francAll(text, { only: KNOWN_3 });
  const two = toIso1(best);
  return isLanguage(two) && runnerUp < CLEAR_LEAD ? two : null;
}

/**
 * The page's language (ISO 639-1): as asked; else `<html lang>` when it is a known language
 * (unless the words are clearly in a language the readers do not know); else what the words
 * are in (franc); on a page too short to tell, `<html lang>`, then the closest known language,
 * then English.
 */
export function detectLanguage(requested: LanguageChoice | undefined, htmlLang: string | null, text: string): string {
  if (isLanguage(requested)) return requested;
  const tag = (htmlLang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const words = wordsLanguage(text);
  if (isLanguage(tag)) return words !== null && !isLanguage(words) ? words : tag;
  if (words !== null) return words;
  if (/^[a-z]{2,3}$/.test(tag)) return tag;
  return closestKnownLanguage(text) ?? LANGUAGES[0];
}

/**
 * The language to read the facts in: as asked, else what the words clearly are (a French page
 * served with `lang="en"` still reads as French), else the document's language; null when that
 * is a language the readers do not know (its facts are not read).
 */
export function readingLanguage(requested: LanguageChoice | undefined, documentLanguage: string, text: string): Language | null {
  if (isLanguage(requested)) return requested;
  if (!isLanguage(documentLanguage)) return null;
  const words = wordsLanguage(text);
  return isLanguage(words) ? words : documentLanguage;
}
