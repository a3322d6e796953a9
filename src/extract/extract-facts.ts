import { loadHtml } from './load-html.js';
import { emptyFacts, type FactName, type Facts, type FactsDocument, type SourceKind } from '../domain/facts.js';
import type { LanguageChoice } from '../domain/languages.js';
import { readLoadedPage, type ReadPage } from './read-page.js';
import { detectLanguage, readingLanguage } from './detect-language.js';
import { inferKind } from './infer-kind.js';
import { buildUnits } from './units.js';
import type { Found } from './evidence.js';
import { compileFilters, type FilterOptions, type PageFilters } from './compile-filters.js';
import { selfNames } from './self-names.js';
import { readingOf } from './reading.js';
import { FACT_READERS } from './fact-readers.js';

export interface ExtractOptions {
  /** The page's URL, copied into the document (and used to guess `kind` when absent). Default null. */
  url?: string | null;
  /** The source kind; default: guessed from a LinkedIn URL, else null. */
  kind?: SourceKind | null;
  /** Default `auto`: `<html lang>` when a known language, else the page's words. */
  language?: LanguageChoice;
  /** The source's filters: `select` (one selector or a list, ranges included), `remove`, `ignore`. */
  select?: FilterOptions['select'];
  remove?: FilterOptions['remove'];
  ignore?: FilterOptions['ignore'];
  /** The same, already checked by `compileFilters`. */
  filters?: PageFilters;
  /** Length of the last snapshot's text, to tell a page that collapsed into an error page. */
  previousTextChars?: number | null;
  /** The service's name (a source's `name`): a provider by that name is the service itself. */
  serviceName?: string | null;
}

export interface ExtractResult {
  document: FactsDocument;
  page: ReadPage;
}

/**
 * The Facts document of one page, parsed once. A fact the page does not state is null; every
 * stated fact carries the short page text it was read from. A sign-in wall or an error page
 * states nothing.
 */
export function extractFacts(html: string, options: ExtractOptions = {}): ExtractResult {
  const $ = loadHtml(html);
  const url = options.url ?? null;
  const kind = options.kind ?? inferKind(url);
  const filters = options.filters ?? compileFilters(options);
  const page = readLoadedPage($, { filters, linkIndex: kind === 'blog', previousTextChars: options.previousTextChars ?? null });
  const language = detectLanguage(options.language, page.htmlLang, page.text);
  const facts: Facts = emptyFacts();
  const evidence: FactsDocument['evidence'] = {};
  const readIn = readingLanguage(options.language, language, page.text);
  if (!page.signInWall && page.errorPage === null && readIn !== null) {
    const reading = readingOf(readIn);
    const units = buildUnits(page.blocks, reading.cues, reading.names);
    const input = { page, $, units, reading, kind, ownNames: selfNames($, page.blocks, url, options.serviceName) };
    for (const reader of FACT_READERS) {
      for (const [name, value] of Object.entries(reader.read(input)) as Array<[FactName, Found<unknown> | null]>) {
        if (value === null || value === undefined) continue;
        (facts as unknown as Record<FactName, unknown>)[name] = value.value;
        evidence[name] = value.evidence;
      }
    }
  }
  const { blocks: _blocks, ...readPage } = page;
  return { document: { url, language, kind, title: page.title, facts, evidence }, page: readPage };
}
