import { loadHtml } from './load-html.js';
import type { CheerioAPI } from 'cheerio';
import { emptyFacts, type FactName, type Facts, type FactsDocument, type SourceKind } from '../domain/facts.js';
import { readLoadedPage, type LoadedPage, type ReadPage } from './read-page.js';
import { detectLanguage, readingLanguage, readingTables, type ReadingTables } from './detect-language.js';
import { inferKind } from './infer-kind.js';
import { buildUnits } from './units.js';
import { extractDates, findDates } from './dates.js';
import { numericOrderOf } from './parse-dates.js';
import { extractRegions } from './regions.js';
import { extractDataCategories } from './data-categories.js';
import { extractMinors, extractOptOutPath, extractTrainingDefault } from './settings-and-minors.js';
import { extractProviders } from './providers.js';
import { extractLegalBasis } from './legal-basis.js';
import type { Found } from './evidence.js';
import type { LanguageTable } from './lang/table.js';
import { normalizeSpace } from './dom.js';
import { compileFilters, type FilterOptions, type PageFilters } from './compile-filters.js';
import { selfNames } from './self-names.js';

export interface ExtractOptions {
  /** The page's URL, copied into the document (and used to guess `kind` when absent). Default null. */
  url?: string | null;
  /** The source kind; default: guessed from a LinkedIn URL, else null. */
  kind?: SourceKind | null;
  /** Default `auto`: `<html lang>` when English or French, else the page's words. */
  language?: 'en' | 'fr' | 'auto';
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

const BLOG_KINDS: ReadonlySet<SourceKind | null> = new Set<SourceKind | null>(['blog-post', null]);

function contentTimes($: CheerioAPI, tables: readonly LanguageTable[]): Array<{ iso: string; text: string }> {
  const out: Array<{ iso: string; text: string }> = [];
  $('time').each((_, el) => {
    const time = $(el);
    if (time.closest('nav, footer, aside, [role=navigation], [role=contentinfo]').length > 0) return;
    const text = normalizeSpace(time.text());
    const iso = /^\d{4}-\d{2}-\d{2}/.exec(time.attr('datetime') ?? '')?.[0] ?? findDates(text, tables)[0]?.iso;
    if (iso) out.push({ iso, text });
  });
  return out;
}

function factsOf(page: LoadedPage, $: CheerioAPI, reading: ReadingTables, kind: SourceKind | null, ownNames: readonly string[]): Partial<{ [K in FactName]: Found<NonNullable<Facts[K]>> | null }> {
  const tables = reading.cues;
  const units = buildUnits(page.blocks, tables, reading.names);
  const dates = extractDates({
    blocks: page.blocks, units, tables: reading.names, times: contentTimes($, reading.names), bareDateIsPublished: BLOG_KINDS.has(kind),
    order: numericOrderOf(page.htmlLang, reading.cues[0]!.language),
  });
  const minors = extractMinors(units, tables);
  return {
    ...dates,
    ...extractRegions(units, tables, page.blocks),
    ...extractDataCategories(units, tables, ownNames),
    aiTrainingDefault: extractTrainingDefault(units, tables),
    minorsExcluded: minors.minorsExcluded,
    minimumAge: minors.minimumAge,
    optOutPath: extractOptOutPath(units, reading.names),
    legalBasis: extractLegalBasis(units, page.blocks, tables),
    aiProviders: extractProviders(units, tables, ownNames),
  };
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
  if (!page.signInWall && page.errorPage === null) {
    const reading = readingTables(readingLanguage(options.language, language, page.text));
    const found = factsOf(page, $, reading, kind, selfNames($, page.blocks, url, options.serviceName));
    for (const [name, value] of Object.entries(found) as Array<[FactName, Found<unknown> | null]>) {
      if (value === null || value === undefined) continue;
      (facts as unknown as Record<FactName, unknown>)[name] = value.value;
      evidence[name] = value.evidence;
    }
  }
  const { blocks: _blocks, ...readPage } = page;
  return { document: { url, language, kind, title: page.title, facts, evidence }, page: readPage };
}
