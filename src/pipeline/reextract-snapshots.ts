import { gunzipSync } from 'node:zlib';
import type { Db } from '../store/open-database.js';
import type { Source } from '../domain/source.js';
import { emptyFacts, type FactChange, type Facts, type FactsDocument, type SourceKind } from '../domain/facts.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';
import { diffFacts } from '../diff/diff-facts.js';
import { decompressText } from '../store/compress.js';
import { listSourceRows, type SourceRow } from '../store/source-rows.js';
import {
  getContentHtml, isLatestReading, listCurrentReadings, listLatestReadings, listSourcesWithSnapshots,
  moveCurrentSnapshot, type ReadingRow,
} from '../store/revision-rows.js';
import { sha256 } from './sha256.js';
import { createPageReader, type PageReader } from './create-page-reader.js';
import { recordReading } from './record-reading.js';

export interface ReextractOptions {
  db: Db;
  /** How sources are read (their current filters): the configured ones and their posts (see `selectSources`). */
  sources: readonly Source[];
  /** The version new readings record; default EXTRACTOR_VERSION (tests simulate an upgrade with it). */
  extractorVersion?: number;
  /** Every stored page version (its latest reading), not only each source's current snapshot. */
  all?: boolean;
  /** Only these sources; default every source with a snapshot (retired ones included). */
  sourceIds?: readonly string[];
  /**
   * Only readings by an extractor older than `extractorVersion` (what `check` and `run` do on
   * start). Default false: re-read them all (`reextract`, e.g. after a source's `select` changed).
   */
  staleOnly?: boolean;
  now?: () => number;
  /** Worker threads that parse pages (default: the available cores, at most 4; 1: in this thread). */
  workers?: number;
  /** Where a newly read announced date is judged reached (the config's `timezone`); default UTC. */
  timezone?: string;
  /** Called after each technical change is recorded. */
  onTechnicalChange?: (change: TechnicalChange) => void;
}

export interface TechnicalChange {
  sourceId: string;
  changeId: number;
  /** The reading re-read, and the revision now holding the new reading. */
  fromSnapshotId: number;
  toSnapshotId: number;
  facts: FactChange[];
  textChanged: boolean;
}

export interface ReextractResult {
  /** Stored page versions re-read. */
  read: number;
  /** Revisions written (with or without a technical change). */
  revisions: number;
  technical: TechnicalChange[];
  /** Stored pages the current extractor cannot read (left as they were). */
  unreadable: { sourceId: string; snapshotId: number; reason: string }[];
  sources: number;
  durationMs: number;
}

interface Decision {
  reading: ReadingRow;
  /** The facts the reading held (the stored JSON, with facts added since as null). */
  before: Facts;
  doc: FactsDocument;
  text: string;
  textHash: string;
  factChanges: FactChange[];
  textChanged: boolean;
  /** The stored page could not be read: the old reading is kept. */
  kept?: boolean;
}

/**
 * Re-reads stored pages with the current extractor. A reading whose facts or text differ becomes
 * a technical revision: a new snapshot (`revision_of` the page version first recorded, same stored
 * page) and a change marked technical, never alerted; the current snapshot moves to it, so the
 * next real change diffs like with like. A reading that differs in nothing but the version (or
 * the evidence) is a revision without a change, so it is not re-read again; one that differs in
 * nothing, by the same version, writes nothing. One transaction per source.
 */
export async function reextractSnapshots(options: ReextractOptions): Promise<ReextractResult> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const started = now();
  const version = options.extractorVersion ?? EXTRACTOR_VERSION;
  const below = options.staleOnly ? version : Number.POSITIVE_INFINITY;
  const result: ReextractResult = { read: 0, revisions: 0, technical: [], unreadable: [], sources: 0, durationMs: 0 };
  const wanted = options.sourceIds ? new Set(options.sourceIds) : null;

  const bySource = new Map<string, ReadingRow[]>();
  if (options.all) {
    for (const id of listSourcesWithSnapshots(db)) {
      if (wanted && !wanted.has(id)) continue;
      const readings = listLatestReadings(db, id, below);
      if (readings.length > 0) bySource.set(id, readings);
    }
  } else {
    for (const reading of listCurrentReadings(db, below)) {
      if (!wanted || wanted.has(reading.sourceId)) bySource.set(reading.sourceId, [reading]);
    }
  }
  if (bySource.size === 0) return { ...result, durationMs: now() - started };

  const sources = sourcesFor(db, options.sources);
  const reader = createPageReader({ pages: [...bySource.values()].reduce((n, r) => n + r.length, 0), workers: options.workers });
  const queue = [...bySource];
  const one = async (sourceId: string, readings: ReadingRow[]): Promise<void> => {
    const source = sources.get(sourceId);
    if (!source) return;
    result.sources++;
    // Parse outside the transaction: a slow parse must not hold the write lock.
    const decisions: Decision[] = [];
    for (const reading of readings) {
      result.read++;
      const decision = await reread(db, reader, source, reading);
      if ('reason' in decision) {
        result.unreadable.push({ sourceId, snapshotId: reading.id, reason: decision.reason });
        // The old reading stands, marked as seen by this version, so it is not re-parsed at every start.
        decisions.push(keepReading(source, reading));
      } else {
        decisions.push(decision);
      }
    }
    const at = now();
    db.$client.transaction(() => {
      for (const d of decisions) {
        const sameEvidence = d.kept === true || (JSON.stringify(d.doc.evidence) === d.reading.evidence && d.doc.title === d.reading.title && d.doc.language === d.reading.language);
        const differs = d.factChanges.length > 0 || d.textChanged;
        if (!differs && sameEvidence && d.reading.extractorVersion >= version) continue;
        // Another process re-read it meanwhile: its reading stands.
        if (!isLatestReading(db, d.reading)) continue;
        const recorded = recordReading({ db, config: { timezone: options.timezone ?? 'UTC' } }, {
          source, at, contentId: d.reading.contentId, document: d.doc, text: d.text, textHash: d.textHash,
          finalUrl: d.reading.finalUrl, extractorVersion: version, current: Boolean(d.reading.current),
          previous: {
            id: d.reading.id, facts: d.before, textHash: d.reading.textHash, compressedText: d.reading.text,
            text: () => decompressText(d.reading.text),
          },
          kept: d.kept ? { facts: d.reading.facts, evidence: d.reading.evidence } : undefined,
          origin: { technical: true, revisionOf: d.reading.rootId },
        });
        const revisionId = recorded.snapshotId;
        result.revisions++;
        if (d.reading.current) moveCurrentSnapshot(db, sourceId, d.reading.id, revisionId);
        if (recorded.changeId === null) continue;
        const changeId = recorded.changeId;
        const change = { sourceId, changeId, fromSnapshotId: d.reading.id, toSnapshotId: revisionId, facts: recorded.factChanges, textChanged: recorded.textChanged };
        result.technical.push(change);
        options.onTechnicalChange?.(change);
      }
    })();
  };
  try {
    // Sources side by side, as many as the reader reads at once; each source's writes are one transaction.
    await Promise.all(Array.from({ length: reader.concurrency }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await one(...next);
    }));
  } finally {
    await reader.close();
  }
  return { ...result, durationMs: now() - started };
}

async function reread(db: Db, reader: PageReader, source: Source, reading: ReadingRow): Promise<Decision | { reason: string }> {
  const html = getContentHtml(db, reading.contentId);
  if (!html) return { reason: 'stored page missing' };
  try {
    // The stored bytes as they are: the reader tells a PDF (kept as its bytes) from HTML text.
    const read = await reader.read(source, gunzipSync(html));
    if (read.kind === 'failed') return { reason: read.reason };
    const textHash = sha256(read.read.text);
    const before: Facts = { ...emptyFacts(), ...(JSON.parse(reading.facts) as Partial<Facts>) };
    return {
      reading, before, doc: read.document, text: read.read.text, textHash,
      factChanges: diffFacts(before, read.document.facts), textChanged: textHash !== reading.textHash,
    };
  } catch (error) {
    return { reason: `cannot read the stored page: ${String((error as Error)?.message ?? error).slice(0, 200)}` };
  }
}

/** A decision that keeps a reading as it is (facts, evidence, text): only its version moves on. */
function keepReading(source: Source, reading: ReadingRow): Decision {
  const before: Facts = { ...emptyFacts(), ...(JSON.parse(reading.facts) as Partial<Facts>) };
  const doc: FactsDocument = {
    url: source.url, kind: source.kind, title: reading.title, language: reading.language as FactsDocument['language'],
    facts: before, evidence: JSON.parse(reading.evidence) as FactsDocument['evidence'],
  };
  return { reading, before, doc, text: '', textHash: reading.textHash, factChanges: [], textChanged: false, kept: true };
}

/** How each source is read: configured ones with their current filters, others (retired) as stored. */
function sourcesFor(db: Db, configured: readonly Source[]): Map<string, Source> {
  const map = new Map<string, Source>(configured.map((source) => [source.id, source]));
  for (const row of listSourceRows(db)) {
    if (!map.has(row.id)) map.set(row.id, storedSource(row, map));
  }
  return map;
}

function storedSource(row: SourceRow, known: Map<string, Source>): Source {
  const parent = row.parentId ? known.get(row.parentId) : undefined;
  return { id: row.id, url: row.url, kind: row.kind as SourceKind, name: row.name ?? undefined, parentId: row.parentId ?? undefined, language: parent?.language };
}
