import { createHash } from 'node:crypto';
import type { Db } from '../store/open-database.js';
import type { Config } from '../domain/config.js';
import type { Source, CheckStatus } from '../domain/source.js';
import type { FactChange, Facts, FactsDocument } from '../domain/facts.js';
import type { FetchedPage } from '../crawl/fetch-pages.js';
import { stripNoise } from '../extract/strip-noise.js';
import { diffFacts } from '../diff/diff-facts.js';
import { diffText } from '../diff/diff-text.js';
import { compressText, decompressText } from '../store/compress.js';
import { getSourceRow, updateSourceRow, type SourceRow } from '../store/source-rows.js';
import { getSnapshotRow, insertChange, insertCheck, insertSnapshot, upsertContent } from '../store/snapshot-rows.js';
import { enqueueEvent } from '../notify/outbox.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';
import { recordAnnouncement, sendDueAnnouncements } from './send-due-announcements.js';
import { readSourcePage } from './read-source-page.js';
import { changePageUrl, changeUrl, sourcePageUrl, type EventChange, type EventSource, type OutboxEvent } from '../notify/outbox-event.js';

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

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

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
      const { doc, text, textHash, bodyHash, raw } = prepared;
      const contentId = upsertContent(db, sha256(raw), compressText(raw), Buffer.byteLength(raw));
      snapshotId = insertSnapshot(db, {
        sourceId: source.id, contentId, createdAt: at, textHash, text: compressText(text),
        title: doc.title, language: doc.language, facts: doc.facts, evidence: doc.evidence, finalUrl: page.finalUrl,
        extractorVersion: ctx.extractorVersion ?? EXTRACTOR_VERSION,
      });
      if (doc.facts.upcomingEffectiveDate) recordAnnouncement(ctx, source.id, doc.facts.upcomingEffectiveDate, snapshotId, at);
      sourceUpdate.bodyHash = bodyHash;
      result.document = doc;
      if (prepared.previous) {
        const before = prepared.previous;
        const factChanges = diffFacts(before.facts, doc.facts);
        const textChanged = before.textHash !== textHash;
        const patch = textChanged ? diffText(before.text, text, { before: `snapshot ${before.id}`, after: `snapshot ${snapshotId}` }).patch : '';
        const changeId = insertChange(db, {
          sourceId: source.id, detectedAt: at, beforeSnapshotId: before.id, afterSnapshotId: snapshotId,
          facts: factChanges, factNames: factChanges.map((c) => c.fact).join(' '), textChanged,
          textDiff: patch ? compressText(patch) : null,
        });
        Object.assign(result, { status: 'changed', changeId, factChanges, textChanged });
        enqueueChangeEvents(ctx, source, eventChange(ctx, changeId, at, factChanges, doc.evidence), at, textChanged, before.facts, doc.facts);
      } else {
        result.status = 'new';
        if (row.pendingDiscovery) {
          result.discovered = true;
          // A post found after its blog's baseline: its first snapshot is news, not a baseline alert.
          enqueue(ctx, { event: 'source.discovered', source: eventSource(ctx, source), parentId: source.parentId ?? null, kind: source.kind, title: doc.title, facts: doc.facts }, at);
          if (doc.facts.upcomingEffectiveDate) {
            // A real change row with no before snapshot, so the alert's id opens in show, the API and the web page.
            const facts: FactChange[] = [{ fact: 'upcomingEffectiveDate', before: null, after: doc.facts.upcomingEffectiveDate, direction: 'neutral' }];
            const changeId = insertChange(db, {
              sourceId: source.id, detectedAt: at, beforeSnapshotId: null, afterSnapshotId: snapshotId,
              facts, factNames: 'upcomingEffectiveDate', textChanged: false, textDiff: null,
            });
            result.changeId = changeId;
            enqueue(ctx, { event: 'announcement.detected', source: eventSource(ctx, source), change: eventChange(ctx, changeId, at, facts, doc.evidence) }, at);
          }
          sourceUpdate.pendingDiscovery = false;
        }
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

interface PreviousSnapshot { id: number; facts: Facts; textHash: string; text: string }

type Prepared =
  | { kind: 'failed'; status: 'blocked' | 'error'; reason: string }
  | { kind: 'not-modified' }
  | { kind: 'same-body' }
  | { kind: 'same-text'; bodyHash: string }
  | { kind: 'new-content'; doc: FactsDocument; text: string; textHash: string; bodyHash: string; raw: string | Buffer; previous: PreviousSnapshot | null };

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
  const previous: PreviousSnapshot | null = current && previousText !== null
    ? { id: current.id, facts: current.facts as Facts, textHash: current.textHash, text: previousText }
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

export function eventSource(ctx: { config: Pick<Config, 'api'> }, source: Pick<Source, 'id' | 'url'> & { name?: string | null }): EventSource {
  return { id: source.id, url: source.url, name: source.name ?? null, pageUrl: sourcePageUrl(ctx.config.api.publicUrl, source.id) };
}

export function enqueue(ctx: { db: Db; config: Pick<Config, 'webhooks'> }, event: OutboxEvent, at: number): void {
  if (ctx.config.webhooks.length > 0) enqueueEvent(ctx.db, event, ctx.config.webhooks, at);
}

/** A change as alerts carry it: links to its web page and its JSON, and the after snapshot's evidence. */
function eventChange(ctx: RecordContext, changeId: number, at: number, facts: FactChange[], evidence: FactsDocument['evidence']): EventChange {
  const { publicUrl } = ctx.config.api;
  return { id: String(changeId), detectedAt: at, facts, url: changePageUrl(publicUrl, changeId), textDiffUrl: changeUrl(publicUrl, changeId), evidence };
}

function enqueueChangeEvents(ctx: RecordContext, source: Source, change: EventChange, at: number, textChanged: boolean, before: Facts, after: Facts): void {
  if (change.facts.length > 0) enqueue(ctx, { event: 'facts.changed', source: eventSource(ctx, source), change }, at);
  if (textChanged) enqueue(ctx, { event: 'text.changed', source: eventSource(ctx, source), change }, at);
  if (after.upcomingEffectiveDate && after.upcomingEffectiveDate !== before.upcomingEffectiveDate) {
    enqueue(ctx, { event: 'announcement.detected', source: eventSource(ctx, source), change }, at);
  }
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
