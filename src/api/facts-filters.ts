import type { SourceFacts, SourceRecord } from '../domain/records.js';
import { sourceName } from './web-home.js';

/** The `/facts` page's filters, which its CSV link carries to `/facts.csv`. */
export interface FactsFilters {
  /** Only sources of this kind. */
  kind?: string;
  /** Only sources whose name, id or address contains this text (any case). */
  service?: string;
}

const NAMES = ['kind', 'service'] as const;

/** The filters of a request's query (`?kind=&service=`); empty values are no filter. */
export function readFactsFilters(query: (name: string) => string | undefined): FactsFilters {
  const filters: FactsFilters = {};
  for (const name of NAMES) {
    const value = query(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The filters as a query string (`?kind=blog&service=acme`), or '' with none. */
export function factsFiltersQuery(filters: FactsFilters): string {
  const query = new URLSearchParams();
  for (const name of NAMES) if (filters[name]) query.set(name, filters[name]!);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The sources the facts view shows: those with recorded facts that match the filters. The one
 * place that decides, for the `/facts` page and for `/facts.csv`, so the CSV is what the page shows.
 */
export function sourcesMatching(sources: readonly SourceRecord[], current: ReadonlyMap<string, SourceFacts>, filters: FactsFilters): SourceRecord[] {
  const text = filters.service?.toLowerCase();
  return sources.filter((source) => {
    const facts = current.get(source.id);
    if (!facts) return false;
    if (filters.kind && source.kind !== filters.kind) return false;
    if (!text) return true;
    return [sourceName(source, source.id, facts.title), source.id, source.url].some((v) => v.toLowerCase().includes(text));
  });
}
