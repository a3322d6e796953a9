import type { QueryDb } from './query-statement.js';
import { isoTime, statement } from './query-statement.js';

// Technical revisions (a newer extractor re-reading a page) are not the page changing.
const SQL = 'SELECT source_id, max(detected_at) AS at FROM changes WHERE technical = 0 GROUP BY source_id';

/** When each source last changed (ISO time), by source id; sources that never changed are absent. */
export function lastChangeTimes(db: QueryDb): Map<string, string> {
  const rows = statement(db, SQL).all() as { source_id: string; at: number }[];
  return new Map(rows.map((r) => [r.source_id, isoTime(r.at)]));
}
