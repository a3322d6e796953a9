import { LANGUAGES, type Language } from '../../domain/languages.js';
import type { SharedWords } from './shared-words.js';
import { en } from './en.js';
import { fr } from './fr.js';

/** The shared words of every language the readers know: a language is one file here. */
export const SHARED_WORDS: Record<Language, SharedWords> = { en, fr };

/** One value per known language. */
export function perLanguage<T>(make: (language: Language) => T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, make(l)])) as Record<Language, T>;
}

/** The regex alternation of every language's words, in the order of LANGUAGES. */
export function alternatives(pick: (language: Language) => string): string {
  return LANGUAGES.map(pick).join('|');
}

/** A family's words merged with the shared words, once per language (stable objects, so caches keyed by them hold). */
export function withSharedWords<W extends object>(words: Record<Language, W>): Record<Language, SharedWords & W> {
  return perLanguage((l) => ({ ...SHARED_WORDS[l], ...words[l] }));
}

/** Whether a pattern that `pick` takes from any of the tables (any of a list of them) matches the text. */
export function tablesMatch<T>(tables: readonly T[], pick: (t: T) => RegExp | RegExp[], text: string): boolean {
  return tables.some((t) => {
    const re = pick(t);
    return Array.isArray(re) ? re.some((r) => r.test(text)) : re.test(text);
  });
}
