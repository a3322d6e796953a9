import type { Source } from '../domain/source.js';
import type { FactsDocument } from '../domain/facts.js';

export type SourcePageReading =
  | { kind: 'failed'; status: 'blocked' | 'error'; reason: string }
  | { kind: 'read'; document: FactsDocument; read: { text: string } };

/**
 * Reads a page's facts with the source's filters: the one place a fetched page and a stored one
 * (re-extraction) are read, so both read alike.
 */
export async function readSourcePage(source: Source, raw: string): Promise<SourcePageReading> {
  // Loaded on first use: a cycle of unchanged pages never parses, and the extractor (cheerio)
  // costs ~190 ms and ~20 MB to load.
  const { extractFacts } = await import('../extract/extract-facts.js');
  const { document, page: read } = extractFacts(raw, { url: source.url, kind: source.kind, language: source.language ?? 'auto', select: typeof source.select === 'string' ? source.select : undefined });
  if (read.signInWall) return { kind: 'failed', status: 'blocked', reason: 'sign-in wall served instead of the page' };
  if (!read.mainFound || read.text.trim() === '') {
    return { kind: 'failed', status: 'error', reason: source.select ? `main content missing (no text in "${source.select}")` : 'main content missing' };
  }
  // Only the text: the reading crosses a worker boundary in re-extraction.
  return { kind: 'read', document, read: { text: read.text } };
}

