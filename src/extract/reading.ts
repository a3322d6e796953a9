import type { CheerioAPI } from 'cheerio';
import { LANGUAGES, type Language } from '../domain/languages.js';
import type { FactName, Facts, SourceKind } from '../domain/facts.js';
import type { LoadedPage } from './read-page.js';
import type { Unit } from './units.js';
import type { Found } from './evidence.js';

/**
 * The languages a page is read in: `cues` (topic, negation, regions, data categories) only in
 * the page's language, since words like "publications" mean different things in English and
 * French; `names` (dates, menu labels) in every language, the page's first, since pages quote
 * the other languages' names.
 */
export interface Reading {
  cues: readonly Language[];
  names: readonly Language[];
}

export function readingOf(language: Language): Reading {
  return { cues: [language], names: [language, ...LANGUAGES.filter((l) => l !== language)] };
}

/** What every fact reader is given: the page, its sentences with their topic, and how to read it. */
export interface ReaderInput {
  page: LoadedPage;
  $: CheerioAPI;
  units: readonly Unit[];
  reading: Reading;
  kind: SourceKind | null;
  /** The names the page's own operator goes by. */
  ownNames: readonly string[];
}

export type FoundFacts = Partial<{ [K in FactName]: Found<NonNullable<Facts[K]>> | null }>;

/** One fact family's reader: the facts it states, read from a page. */
export interface FactReader {
  facts: readonly FactName[];
  read(input: ReaderInput): FoundFacts;
}
