import type { QueryDb } from './query-statement.js';
import { statement } from './query-statement.js';

export interface MetricCounts {
  /** Every check ever recorded, by status. */
  checksByStatus: Record<string, number>;
  changes: number;
  deliveriesByStatus: Record<string, number>;
  sources: { id: string; lastSuccessAt: number | null; failing: boolean; failures: number }[];
}

// Reads every entry of the covering index `checks_status`, not the table's rows.
const CHECKS_SQL = 'SELECT status, count(*) AS n FROM checks GROUP BY status';
// Technical revisions (re-readings by a newer extractor) are not changes of the pages.
const CHANGES_SQL = 'SELECT count(*) AS n FROM changes WHERE technical = 0';
const DELIVERIES_SQL = 'SELECT status, count(*) AS n FROM deliveries GROUP BY status';
const SOURCES_SQL = 'SELECT id, last_success_at, failing, failures FROM sources ORDER BY id';

/** The counts `/metrics` exposes, read in one transaction so they agree with each other. */
export function readMetricCounts(db: QueryDb): MetricCounts {
  return db.$client.transaction(() => {
    const byStatus = (sql: string) => Object.fromEntries(
      (statement(db, sql).all() as { status: string; n: number }[]).map((row) => [row.status, row.n]),
    );
    const sources = statement(db, SOURCES_SQL).all() as { id: string; last_success_at: number | null; failing: number; failures: number }[];
    return {
      checksByStatus: byStatus(CHECKS_SQL),
      changes: (statement(db, CHANGES_SQL).get() as { n: number }).n,
      deliveriesByStatus: byStatus(DELIVERIES_SQL),
      sources: sources.map((s) => ({ id: s.id, lastSuccessAt: s.last_success_at, failing: Boolean(s.failing), failures: s.failures })),
    };
  })();
}

const FAILING_SQL = 'SELECT id FROM sources WHERE failing = 1 AND retired = 0 ORDER BY id';
const LAST_CHECK_SQL = 'SELECT max(last_checked_at) AS at FROM sources WHERE retired = 0';

/** Ids of the sources failing now (retired ones are not watched, so not failing). */
export function listFailingSourceIds(db: QueryDb): string[] {
  return (statement(db, FAILING_SQL).all() as { id: string }[]).map((row) => row.id);
}

/** The latest check of any watched source (epoch ms), or null: `serve`'s idea of the last cycle. */
export function lastCheckAt(db: QueryDb): number | null {
  return (statement(db, LAST_CHECK_SQL).get() as { at: number | null }).at;
}
