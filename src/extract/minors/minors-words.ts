import type { Language } from '../../domain/languages.js';
import { ure } from '../lang/unicode-regex.js';

const r = String.raw;

/** The words the minors reader looks for, in every language it reads. */
export interface MinorsWords {
  /** Captures an age in group 1. */
  minorAge: RegExp;
  minorWord: RegExp;
  minorExclusion: RegExp;
  /** Verbs that keep data out ("exclude", "filter"): a regex alternation. */
  excludingVerb: string;
  /** What opens a definition in a parenthesis ("i.e."): a regex alternation of words each ending in a space. */
  definitionLead: string;
  /** "under" in "(under 16)": a regex alternation. */
  definitionAge: string;
}

export const MINORS_WORDS: Record<Language, MinorsWords> = {
  en: {
    minorAge: /\b(?:under|younger than|below|less than|under the age of|below the age of|aged under)\s+(?:the age of\s+)?(\d{1,2})\b|\bunder[- ](\d{1,2})s?\b/i,
    minorWord: /\bminors?\b|\bsecondary school\b|\bhigh school\b|\bchildren\b|\bteen(?:ager)?s\b/i,
    minorExclusion: /\b(?:not|never|no|exclud\w*|won't|don't|doesn't|do not|does not|will not|filter\w* out|remov\w*|screen\w* out)\b|n't\b/i,
    excludingVerb: String.raw`exclu\p{L}*|filter\p{L}*|remov\p{L}*|screen\p{L}*`,
    definitionLead: String.raw`i\.e\.,? |meaning |that is,? `,
    definitionAge: 'under|younger than|below|aged under',
  },
  fr: {
    minorAge: ure(r`\b(?:moins de|âgée?s? de moins de|en dessous de|de moins de)\s+(\d{1,2})\s+ans\b`),
    minorWord: ure(r`\bmineur\p{L}*|\benseignement secondaire\b|\blycée\p{L}*|\benfants?\b|\badolescent\p{L}*`),
    minorExclusion: ure(r`\bn'|\b(?:ne|pas|jamais|aucune?|exclu\p{L}*|écart\p{L}*|filtr\p{L}*|retir\p{L}*)\b`),
    excludingVerb: String.raw`écart\p{L}*|retir\p{L}*|filtr\p{L}*`,
    definitionLead: "c'est-à-dire ",
    definitionAge: 'moins de|de moins de|âgés? de moins de',
  },
};
