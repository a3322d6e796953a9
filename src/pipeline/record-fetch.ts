import { createHash } from 'node:crypto';
import type { Db } from '../store/open-database.js';
import type { Config } from '../domain/config.js';
import type { Source, CheckStatus } from '../domain/source.js';
import type { FactChange, Facts, FactsDocument } from '../domain/facts.js';
import type { FetchedPage } from '../crawl/fetch-pages.js';
import { stripNoise } from '../extract/strip-noise.js';
import { diffFacts } from '../diff/diff-facts.js';
import { compressText, decompressText } from '../store/compress.js';
import { getSourceRow, updateSourceRow, type SourceRow } from '../store/source-rows.js';
import { getSnapshotRow, insertCheck, upsertContent } from '../store/snapshot-rows.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';
import { sendDueAnnouncements } from './send-due-announcements.js';
import { readSourcePage } from './read-source-page.js';
import { recordReading, type PreviousReading } from './record-reading.js';
import { enqueue, eventSource } from './alert-events.js';
import { sha256 } from './sha256.js';

/** What one check of one source came to: one line of `check`'s output. */
export interface SourceCheckResult {
  sourceId: string;
  url: string;
  status: CheckStatus;
  httpStatus: number | null;
  reason: string | null;
  durationMs: number;
  changeId: number | null;
  factChanges: FactChange[];
  textChanged: boolean;
  /** The extracted document when the page was parsed (new or changed). */
  document: FactsDocument | null;
  /** The page body, for blog sources (link discovery); not stored here. */
  body: string | null;
  /** A `new` post found after its blog's baseline: announced with `source.discovered`, not a baseline. */
  discovered?: boolean;
}

export interface RecordContext {
  db: Db;
  config: Config;
  now: () => number;
  /** The extractor version new snapshots record; default EXTRACTOR_VERSION (tests simulate upgrades with it). */
  extractorVersion?: number;
}

/**
 * Turns one fetched page into a check row and, when its content changed, a snapshot, a change and
 * outbox rows: all in one transaction, so a crash leaves either the whole check or none of it.
 */
export async function recordFetch(ctx: RecordContext, source: Source, page: FetchedPage): Promise<SourceCheckResult> {
  const { db } = ctx;
  const at = ctx.now();
  // Parse outside the transaction: a slow parse must not hold the write lock.
  const prepared = await prepareOrFail(db, source, page);
  return db.$client.transaction(() => {
    const row = getSourceRow(db, source.id);
    if (!row) throw new Error(`source ${source.id} is not in the database`);
    const result: SourceCheckResult = {
      sourceId: source.id, url: source.url, status: 'unchanged', httpStatus: page.httpStatus,
      reason: page.reason, durationMs: page.durationMs, changeId: null, factChanges: [], textChanged: false,
      // Only a blog's body is kept (for link discovery): a cycle holds every result until it ends.
      document: null, body: page.outcome === 'ok' && source.kind === 'blog' ? page.body : null,
    };
    if (prepared.kind === 'failed') {
      result.status = prepared.status;
      result.reason = prepared.reason;
      recordFailure(ctx, row, result, at);
      sendDueAnnouncements(ctx, source, at);
      insertCheck(db, { sourceId: source.id, at, durationMs: page.durationMs, status: result.status, httpStatus: page.httpStatus, reason: result.reason });
      return result;
    }
    let snapshotId = row.currentSnapshotId;
    const sourceUpdate: Partial<SourceRow> = {
      etag: page.etag ?? row.etag, lastModified: page.lastModified ?? row.lastModified,
    };
    if (prepared.kind === 'same-body' || prepared.kind === 'not-modified') {
      result.status = 'unchanged';
    } else if (prepared.kind === 'same-text') {
      result.status = 'unchanged';
      sourceUpdate.bodyHash = prepared.bodyHash;
    } else {
      const { doc, text, textHash, bodyHash, raw, previous } = prepared;
      const discovered = !previous && row.pendingDiscovery;
      // A discovered post is named by its title (in alerts, and in later ones), not by its id.
      const title = source.parentId ? doc.title?.trim() : undefined;
      const named = title ? { ...source, name: title } : source;
      if (title) sourceUpdate.name = title;
      if (discovered) {
        // A post found after its blog's baseline: its first snapshot is news, not a baseline alert.
        enqueue(ctx, { event: 'source.discovered', source: eventSource(ctx, named), parentId: source.parentId ?? null, kind: source.kind, title: doc.title, facts: doc.facts }, at);
        sourceUpdate.pendingDiscovery = false;
      }
      const contentId = upsertContent(db, sha256(raw), compressText(raw), Buffer.byteLength(raw));
      const recorded = recordReading(ctx, {
        source: named, at, contentId, document: doc, text, textHash, finalUrl: page.finalUrl,
        extractorVersion: ctx.extractorVersion ?? EXTRACTOR_VERSION, previous, current: true,
        origin: { technical: false, alerts: ctx.config, discovered },
      });
      snapshotId = recorded.snapshotId;
      sourceUpdate.bodyHash = bodyHash;
      result.document = doc;
      result.changeId = recorded.changeId;
      if (previous) {
        Object.assign(result, { status: 'changed', factChanges: recorded.factChanges, textChanged: recorded.textChanged });
      } else {
        result.status = 'new';
        if (discovered) result.discovered = true;
      }
    }
    recordSuccess(ctx, row, source, at);
    // On every check, the page changed or not: the announced date arriving is independent of it.
    sendDueAnnouncements(ctx, source, at);
    insertCheck(db, { sourceId: source.id, at, durationMs: page.durationMs, status: result.status, httpStatus: page.httpStatus, reason: null, snapshotId });
    updateSourceRow(db, source.id, {
      ...sourceUpdate, currentSnapshotId: snapshotId, lastCheckedAt: at, lastStatus: result.status,
      lastSuccessAt: at, failures: 0, failing: false,
    });
    return result;
  })();
}

type Prepared =
  | { kind: 'failed'; status: 'blocked' | 'error'; reason: string }
  | { kind: 'not-modified' }
  | { kind: 'same-body' }
  | { kind: 'same-text'; bodyHash: string }
  | { kind: 'new-content'; doc: FactsDocument; text: string; textHash: string; bodyHash: string; raw: string | Buffer; previous: PreviousReading | null };

/**
 * A page that breaks the extractor is an error check of that source. A database error is not the
 * page's fault: it is thrown, so it never counts towards `failAfter` nor alerts about the site.
 */
async function prepareOrFail(db: Db, source: Source, page: FetchedPage): Promise<Prepared> {
  try {
    return await prepare(db, source, page);
  } catch (error) {
    if (isDatabaseError(error)) throw error;
    return { kind: 'failed', status: 'error', reason: `cannot read the page: ${String((error as Error)?.message ?? error).slice(0, 200)}` };
  }
}

/** A better-sqlite3 error (SQLITE_FULL, SQLITE_READONLY, SQLITE_BUSY, ...). */
export function isDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

async function prepare(db: Db, source: Source, page: FetchedPage): Promise<Prepared> {
  if (page.outcome === 'blocked' || page.outcome === 'error') {
    return { kind: 'failed', status: page.outcome, reason: page.reason ?? page.outcome };
  }
  const row = getSourceRow(db, source.id);
  const currentId = row?.currentSnapshotId ?? null;
  if (page.outcome === 'not-modified') {
    return currentId !== null ? { kind: 'not-modified' } : { kind: 'failed', status: 'error', reason: 'HTTP 304 without a stored snapshot' };
  }
  // A PDF is stored as its bytes (gzip, in the same column as HTML): `%PDF-` tells them apart.
  const raw: string | Buffer = page.pdf ?? page.body ?? '';
  // Hashing before parsing: a page whose body differs only by per-load noise is not parsed again,
  // and its snapshot (compressed text, facts) is not even read. The source's filters are part of
  // the hash, so that a filter edited in config is applied on the next check.
  const bodyHash = hashBody(typeof raw === 'string' ? stripNoise(raw) : raw, source);
  if (currentId !== null && row?.bodyHash === bodyHash) return { kind: 'same-body' };
  const current = currentId !== null ? getSnapshotRow(db, currentId) : undefined;
  const previousText = current ? decompressText(current.text) : null;
  const reading = await readSourcePage(source, raw, previousText?.length ?? null);
  if (reading.kind === 'failed') return reading;
  const { document, read } = reading;
  const textHash = sha256(read.text);
  const previous: PreviousReading | null = current && previousText !== null
    ? { id: current.id, facts: current.facts as Facts, textHash: current.textHash, compressedText: current.text, text: () => previousText }
    : null;
  if (previous && previous.textHash === textHash && diffFacts(previous.facts, document.facts).length === 0) {
    return { kind: 'same-text', bodyHash };
  }
  return { kind: 'new-content', doc: document, text: read.text, textHash, bodyHash, raw, previous };
}

/** The noise-stripped body's hash, with the source's filters when it has any (none: as before filters existed). */
function hashBody(body: string | Buffer, source: Source): string {
  const hash = createHash('sha256').update(body);
  if (source.select !== undefined || (source.remove?.length ?? 0) > 0 || (source.ignore?.length ?? 0) > 0) {
    hash.update(`\0filters:${JSON.stringify([source.select ?? null, source.remove ?? [], source.ignore ?? []])}`);
  }
  return hash.digest('hex');
}

/** Counts failures in a row; the `failAfter`-th sends one `source.failing`. */
function recordFailure(ctx: RecordContext, row: SourceRow, result: SourceCheckResult, at: number): void {
  const failures = row.failures + 1;
  const fires = !row.failing && failures >= ctx.config.failAfter;
  if (fires) {
    enqueue(ctx, {
      event: 'source.failing', source: eventSource(ctx, row), status: result.status as 'blocked' | 'error',
      reason: result.reason, failures, lastSuccessAt: row.lastSuccessAt,
    }, at);
  }
  updateSourceRow(ctx.db, row.id, { failures, failing: row.failing || fires, lastCheckedAt: at, lastStatus: result.status });
}

function recordSuccess(ctx: RecordContext, row: SourceRow, source: Source, at: number): void {
  if (row.failing) enqueue(ctx, { event: 'source.recovered', source: eventSource(ctx, source), failures: row.failures }, at);
}
