import type { ChangeDetail, ChangeRecord } from '../domain/records.js';
import type { FactChange } from '../domain/facts.js';
import { factDirection } from '../domain/fact-direction.js';
import type { QueryDb } from './query-statement.js';
import { decompressText } from './compress.js';
import { isoTime, parseJson, statement } from './query-statement.js';

export interface ChangeFilter {
  sourceId?: string;
  /** A fact name: only changes of that fact. */
  fact?: string;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, inclusive. */
  until?: number;
  /** Default 50. */
  limit?: number;
  /** Include technical revisions (re-readings by a newer extractor), hidden by default. */
  technical?: boolean;
  /** Pagination cursor: only changes strictly older than this one (in detectedAt desc, id desc order). */
  before?: { detectedAt: number; id: number };
}

interface ChangeRow {
  id: number;
  source_id: string;
  url: string;
  detected_at: number;
  before_snapshot_id: number | null;
  after_snapshot_id: number;
  facts: string;
  text_changed: number;
  technical: number;
}

interface ChangeDetailRow extends ChangeRow {
  text_diff: Buffer | null;
  before_at: number | null;
  after_at: number;
}

const COLUMNS = `c.id, c.source_id, s.url, c.detected_at, c.before_snapshot_id, c.after_snapshot_id,
  c.facts, c.text_changed, c.technical`;

/**
 * Changes newest first (detectedAt desc, id desc). Walks `changes_detected` or
 * `changes_source_detected` backwards and stops after `limit` rows; the cursor keeps pages stable.
 */
export function listChanges(db: QueryDb, filter: ChangeFilter = {}): ChangeRecord[] {
  const where: string[] = filter.technical ? [] : ['c.technical = 0'];
  const params: Record<string, string | number> = { limit: filter.limit ?? 50 };
  if (filter.sourceId !== undefined) {
    where.push('c.source_id = @sourceId');
    params.sourceId = filter.sourceId;
  }
  if (filter.fact !== undefined) {
    where.push(`instr(' ' || c.fact_names || ' ', @fact) > 0`);
    params.fact = ` ${filter.fact} `;
  }
  if (filter.since !== undefined) {
    where.push('c.detected_at >= @since');
    params.since = filter.since;
  }
  if (filter.until !== undefined) {
    where.push('c.detected_at <= @until');
    params.until = filter.until;
  }
  if (filter.before !== undefined) {
    // The first term is an index range; the second breaks ties on the same millisecond.
    where.push('c.detected_at <= @beforeAt AND (c.detected_at < @beforeAt OR c.id < @beforeId)');
    params.beforeAt = filter.before.detectedAt;
    params.beforeId = filter.before.id;
  }
  const sql = `SELECT ${COLUMNS} FROM changes c JOIN sources s ON s.id = c.source_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.detected_at DESC, c.id DESC LIMIT @limit`;
  const rows = statement(db, sql).all(params) as ChangeRow[];
  return rows.map(toChangeRecord);
}

const DETAIL_SQL = `
  SELECT ${COLUMNS}, c.text_diff, b.created_at AS before_at, a.created_at AS after_at
  FROM changes c
  JOIN sources s ON s.id = c.source_id
  LEFT JOIN snapshots b ON b.id = c.before_snapshot_id
  JOIN snapshots a ON a.id = c.after_snapshot_id
  WHERE c.id = ?`;

/**
 * One change with its unified text diff and both snapshots' times; null when there is none. A
 * discovered post's first snapshot has no before snapshot: `snapshots.before` and `beforeAt` are null.
 */
export function getChange(db: QueryDb, id: number): ChangeDetail | null {
  const row = statement(db, DETAIL_SQL).get(id) as ChangeDetailRow | undefined;
  if (!row) return null;
  return {
    ...toChangeRecord(row),
    textDiff: decompressText(row.text_diff),
    beforeAt: row.before_at === null ? null : isoTime(row.before_at),
    afterAt: isoTime(row.after_at),
  };
}

function toChangeRecord(row: ChangeRow): ChangeRecord {
  const record: ChangeRecord = {
    id: String(row.id),
    sourceId: row.source_id,
    url: row.url,
    detectedAt: isoTime(row.detected_at),
    // Derived on every read: changes recorded before directions existed, and after a refinement
    // of the rule, read the same as new ones.
    facts: parseJson<FactChange[]>(row.facts, []).map((f) => ({ ...f, direction: factDirection(f.fact, f.before, f.after) })),
    textChanged: Boolean(row.text_changed),
    snapshots: { before: row.before_snapshot_id === null ? null : String(row.before_snapshot_id), after: String(row.after_snapshot_id) },
  };
  // Only on technical revisions: the contract's shape of every other change stays as it is.
  if (row.technical) record.technical = true;
  return record;
}

const COUNT_TECHNICAL_SQL = 'SELECT count(*) AS n FROM changes WHERE technical = 1';

/** How many technical revisions are recorded (to say why a default history is empty). */
export function countTechnicalChanges(db: QueryDb): number {
  return (statement(db, COUNT_TECHNICAL_SQL).get() as { n: number }).n;
}
