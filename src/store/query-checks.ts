import type { Db } from './open-database.js';
import { statement } from './query-statement.js';

// One probe of `checks_source_at` per source for its latest check.
const SQL = `
  SELECT s.id AS source_id, c.status, c.http_status, c.reason
  FROM sources s JOIN checks c ON c.id = (
    SELECT id FROM checks WHERE source_id = s.id ORDER BY at DESC, id DESC LIMIT 1)
  WHERE s.last_status IN ('blocked', 'error')`;

export interface CheckProblem {
  status: string;
  httpStatus: number | null;
  reason: string | null;
}

/** Why each source whose last check was blocked or failed is in that state, by source id. */
export function lastCheckProblems(db: Db): Map<string, CheckProblem> {
  const rows = statement(db, SQL).all() as { source_id: string; status: string; http_status: number | null; reason: string | null }[];
  return new Map(rows.map((r) => [r.source_id, { status: r.status, httpStatus: r.http_status, reason: r.reason }]));
}
