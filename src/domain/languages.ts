/**
 * The languages whose words the fact readers know. Everything else that names languages (the
 * Language type, the config's `language` enum, `extract --lang`) is derived from this list, and
 * each fact family's words are a `Record<Language, ...>`: adding a language here makes the
 * compiler name every word still missing.
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a source or `--lang` may ask for: a known language, or `auto` (detected from the page). */
export const LANGUAGE_CHOICES = [...LANGUAGES, 'auto'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export function isLanguage(code: string | null | undefined): code is Language {
  return (LANGUAGES as readonly string[]).includes(code ?? '');
}

/** What `check`, `sources`, `extract` and the web page say of a page whose facts were not read: null when they were. */
export function factsNotReadNote(language: string | null | undefined): string | null {
  return language === null || language === undefined || isLanguage(language) ? null : `facts not read: page language ${language}`;
}
