import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FactsDocument } from '../../src/domain/facts.js';
import { extractFacts } from '../../src/extract/extract-facts.js';

/** The fixture pages every extractor reading is measured on. */
export const FIXTURE_ROOT = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
/** The per-page digests of the output recorded with the current EXTRACTOR_VERSION. */
export const OUTPUT_SNAPSHOT = fileURLToPath(new URL('../fixtures/extractor-output.json', import.meta.url));

export interface OutputSnapshot {
  version: number;
  digest: string;
  pages: Record<string, string>;
}

interface FixturePage { name: string; html: string; url: string | null; kind: FactsDocument['kind'] }

/** Every fixture page, with the url and kind its `.facts.json` gives (as the fixture tests read them). */
function fixturePages(): FixturePage[] {
  const out: FixturePage[] = [];
  for (const folder of readdirSync(FIXTURE_ROOT).sort()) {
    if (!statSync(join(FIXTURE_ROOT, folder)).isDirectory()) continue;
    for (const file of readdirSync(join(FIXTURE_ROOT, folder)).filter((f) => f.endsWith('.html')).sort()) {
      const expected = JSON.parse(readFileSync(join(FIXTURE_ROOT, folder, file.replace(/\.html$/, '.facts.json')), 'utf8')) as FactsDocument;
      out.push({ name: `${folder}/${file.replace(/\.html$/, '')}`, html: readFileSync(join(FIXTURE_ROOT, folder, file), 'utf8'), url: expected.url, kind: expected.kind });
    }
  }
  return out;
}

/** JSON with object keys sorted at every level, so the digest does not depend on insertion order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What the extractor reads from every fixture page: a digest per page and one over them all. */
export function extractorOutput(): { digest: string; pages: Record<string, string> } {
  const pages: Record<string, string> = {};
  for (const page of fixturePages()) {
    const { document } = extractFacts(page.html, { url: page.url, kind: page.kind });
    pages[page.name] = sha256(canonicalJson({ facts: document.facts, evidence: document.evidence, language: document.language, title: document.title }));
  }
  return { digest: sha256(canonicalJson(pages)), pages };
}

/** The recorded snapshot; an empty one before any was recorded. */
export function readOutputSnapshot(): OutputSnapshot {
  if (!existsSync(OUTPUT_SNAPSHOT)) return { version: 0, digest: '', pages: {} };
  return JSON.parse(readFileSync(OUTPUT_SNAPSHOT, 'utf8')) as OutputSnapshot;
}

/** Pages whose reading differs from the snapshot's (added and removed pages included). */
export function changedPages(recorded: Record<string, string>, now: Record<string, string>): string[] {
  const names = new Set([...Object.keys(recorded), ...Object.keys(now)]);
  return [...names].filter((n) => recorded[n] !== now[n]).sort();
}
