import type { SourceRecord } from '../domain/records.js';
import type { SourceKind } from '../domain/facts.js';
import type { CheckStatus } from '../domain/source.js';
import { FACT_NAMES, type Facts } from '../domain/facts.js';
import type { QueryDb } from './query-statement.js';
import { isoTime, parseJson, statement } from './query-statement.js';

interface SourceRow {
  id: string;
  url: string;
  kind: string;
  name: string | null;
  parent_id: string | null;
  origin: string;
  last_checked_at: number | null;
  last_status: string | null;
  last_success_at: number | null;
  failures: number;
  failing: number;
  current_snapshot_id: number | null;
  retired: number;
  retired_at: number | null;
  facts: string | null;
  language: string | null;
}

// One row per source; the current snapshot is found by its primary key.
const SQL = `
  SELECT s.id, s.url, s.kind, s.name, s.parent_id, s.origin, s.last_checked_at, s.last_status,
         s.last_success_at, s.failures, s.failing, s.current_snapshot_id, s.retired, s.retired_at, sn.facts, sn.language
  FROM sources s LEFT JOIN snapshots sn ON sn.id = s.current_snapshot_id
  ORDER BY s.id`;

/** Every source, configured or discovered, ordered by id (a blog's posts follow the blog). */
export function listSources(db: QueryDb): SourceRecord[] {
  const rows = statement(db, SQL).all() as SourceRow[];
  return rows.map(toSourceRecord);
}

function toSourceRecord(row: SourceRow): SourceRecord {
  const facts = parseJson<Partial<Facts>>(row.facts, {});
  return {
    id: row.id,
    url: row.url,
    kind: row.kind as SourceKind,
    name: row.name,
    parentId: row.parent_id,
    origin: row.origin === 'discovered' ? 'discovered' : 'config',
    // A retired source's last check is history: what it is now is retired.
    status: row.retired ? 'retired' : row.last_status as CheckStatus | null,
    lastCheckedAt: isoTime(row.last_checked_at),
    lastSuccessAt: isoTime(row.last_success_at),
    failing: Boolean(row.failing),
    failures: row.failures,
    factCount: FACT_NAMES.filter((name) => facts[name] !== null && facts[name] !== undefined).length,
    language: row.language,
    snapshotId: row.current_snapshot_id === null ? null : String(row.current_snapshot_id),
    retiredAt: row.retired ? isoTime(row.retired_at) : null,
  };
}

const EXISTS_SQL = 'SELECT 1 FROM sources WHERE id = ?';

export function sourceExists(db: QueryDb, id: string): boolean {
  return statement(db, EXISTS_SQL).get(id) !== undefined;
}
