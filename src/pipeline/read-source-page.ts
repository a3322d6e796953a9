import type { Source } from '../domain/source.js';
import type { FactsDocument } from '../domain/facts.js';

export type SourcePageReading =
  | { kind: 'failed'; status: 'blocked' | 'error'; reason: string }
  | { kind: 'read'; document: FactsDocument; read: { text: string } };

/**
 * Reads a page's facts with the source's filters: the one place a fetched page and a stored one
 * (re-extraction) are read, so both read alike. `raw` is HTML text, or the stored bytes (a PDF is
 * kept as its bytes). `previousTextChars`: the length of the last snapshot's text, so that a page
 * whose text collapsed while reading like an error page is told apart.
 */
export async function readSourcePage(source: Source, raw: string | Uint8Array, previousTextChars: number | null = null): Promise<SourcePageReading> {
  // Loaded on first use: a cycle of unchanged pages never parses, and the extractor (cheerio)
  // costs ~190 ms and ~20 MB to load.
  const { extractFacts } = await import('../extract/extract-facts.js');
  const html = typeof raw === 'string' ? raw : await (await import('../extract/read-pdf.js')).readBody(raw);
  const { document, page: read } = extractFacts(html, {
    url: source.url, kind: source.kind, language: source.language ?? 'auto',
    select: source.select, remove: source.remove, ignore: source.ignore, previousTextChars,
    serviceName: source.name ?? null,
  });
  if (read.signInWall) return { kind: 'failed', status: 'blocked', reason: 'sign-in wall served instead of the page' };
  // An error page is not a version: no snapshot, and on a first check no baseline either.
  if (read.errorPage !== null) return { kind: 'failed', status: 'error', reason: read.errorPage };
  if (!read.mainFound || read.text.trim() === '') {
    const select = typeof source.select === 'string' ? `"${source.select}"` : 'the selected content';
    return { kind: 'failed', status: 'error', reason: source.select ? `main content missing (no text in ${select})` : 'main content missing' };
  }
  // Only the text: the reading crosses a worker boundary in re-extraction.
  return { kind: 'read', document, read: { text: read.text } };
}
