import { createRequire } from 'node:module';
import { LANGUAGES, type Language } from '../domain/languages.js';
import { SHARED_WORDS } from './lang/shared.js';

// The library's main entry registers ~80 locales; its core plus the readers' languages is all we read.
const require = createRequire(import.meta.url);
type Library = {
  registerLocale(data: unknown): void;
  getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
};
const library = require('i18n-iso-countries/index.js') as Library;
for (const language of LANGUAGES) library.registerLocale(require(`i18n-iso-countries/langs/${SHARED_WORDS[language].countryLocale}.json`));

/** Names that are mostly something else on policy pages. */
const NOT_COUNTRIES = new Set(['Georgia', 'Jersey', 'Jordan', 'Chad', 'Turkey', 'Guinea', 'Man', 'Niger', 'Maurice']);

// A country name, not part of a longer word, nor the end of "New Jersey" / "New Mexico", nor
// the "US" of a capitalised heading ("CONTACT US").
const BEFORE = String.raw`(?<![\p{L}\p{N}])(?<!\bNew )(?<![A-Z]{2} )`;
const AFTER = String.raw`(?![\p{L}\p{N}$-])`;

interface CountryTable { re: RegExp; codes: Map<string, string> }
const tables = new Map<Language, CountryTable>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tableFor(language: Language): CountryTable {
  let table = tables.get(language);
  if (table !== undefined) return table;
  const codes = new Map<string, string>();
  for (const [code, names] of Object.entries(library.getNames(SHARED_WORDS[language].countryLocale, { select: 'all' }))) {
    for (const name of names) if (!NOT_COUNTRIES.has(name) && !codes.has(name)) codes.set(name, code);
  }
  for (const [name, code] of Object.entries(SHARED_WORDS[language].countryAliases)) codes.set(name, code);
  const names = [...codes.keys()].sort((a, b) => b.length - a.length).map(escape);
  // Names as the page capitalises them: "china" (porcelain) or "turkey" are not countries.
  table = { re: new RegExp(`${BEFORE}(?:${names.join('|')})${AFTER}`, 'gu'), codes };
  tables.set(language, table);
  return table;
}

export interface CountryMention { code: string; index: number; end: number }

/** Every country named in a text, by its name in one of the languages or a usual alias (ISO alpha-2 codes). */
export function countryMentions(text: string, languages: readonly Language[]): CountryMention[] {
  const found: CountryMention[] = [];
  for (const language of languages) {
    const { re, codes } = tableFor(language);
    for (const m of text.matchAll(re)) {
      const code = codes.get(m[0]);
      if (code !== undefined) found.push({ code, index: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  return found.filter((m, i) => i === 0 || m.index >= found[i - 1]!.end);
}
