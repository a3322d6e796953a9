import type { CheckStatus } from '../domain/source.js';
import type { QueryDb } from './query-statement.js';
import { isoTime, statement } from './query-statement.js';

/** One check of a source, as the source page lists it. */
export interface CheckRecord {
  id: string;
  at: string;
  status: CheckStatus;
  httpStatus: number | null;
  reason: string | null;
  durationMs: number;
  snapshotId: string | null;
}

export interface CheckHistoryFilter {
  sourceId: string;
  /** Only checks strictly older than this one (at desc, id desc order). */
  before?: { at: number; id: number };
  /** Default 50. */
  limit?: number;
}

interface CheckRow {
  id: number;
  at: number;
  status: string;
  http_status: number | null;
  reason: string | null;
  duration_ms: number;
  snapshot_id: number | null;
}

// Walks `checks_source_at` backwards; the second term breaks ties on the same millisecond.
const PAGE_SQL = `
  SELECT id, at, status, http_status, reason, duration_ms, snapshot_id FROM checks
  WHERE source_id = @sourceId AND at <= @beforeAt AND (at < @beforeAt OR id < @beforeId)
  ORDER BY at DESC, id DESC LIMIT @limit`;

/** A source's checks, newest first, one page at a time. */
export function listChecks(db: QueryDb, filter: CheckHistoryFilter): CheckRecord[] {
  const rows = statement(db, PAGE_SQL).all({
    sourceId: filter.sourceId,
    beforeAt: filter.before?.at ?? Number.MAX_SAFE_INTEGER,
    beforeId: filter.before?.id ?? Number.MAX_SAFE_INTEGER,
    limit: filter.limit ?? 50,
  }) as CheckRow[];
  return rows.map((row) => ({
    id: String(row.id),
    at: isoTime(row.at),
    status: row.status as CheckStatus,
    httpStatus: row.http_status,
    reason: row.reason,
    durationMs: row.duration_ms,
    snapshotId: row.snapshot_id === null ? null : String(row.snapshot_id),
  }));
}

const COUNT_SQL = 'SELECT status, count(*) AS n FROM checks WHERE source_id = ? GROUP BY status';

/** How many checks of a source ended in each status. */
export function countChecks(db: QueryDb, sourceId: string): Map<CheckStatus, number> {
  const rows = statement(db, COUNT_SQL).all(sourceId) as { status: string; n: number }[];
  return new Map(rows.map((r) => [r.status as CheckStatus, r.n]));
}

const PROBLEM_DAYS_SQL = `
  SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day,
         sum(status = 'blocked') AS blocked, sum(status = 'error') AS errors
  FROM checks WHERE source_id = @sourceId AND status IN ('blocked', 'error')
  GROUP BY day ORDER BY day DESC LIMIT @limit`;

/** A day (UTC) on which some checks of a source were blocked or failed. */
export interface ProblemDay {
  day: string;
  blocked: number;
  errors: number;
}

/** The latest days with blocked or failed checks, newest first. */
export function problemDays(db: QueryDb, sourceId: string, limit = 60): ProblemDay[] {
  return statement(db, PROBLEM_DAYS_SQL).all({ sourceId, limit }) as ProblemDay[];
}
