import type { QueryDb } from './query-statement.js';
import { statement } from './query-statement.js';
import type { HostBackoff } from '../domain/host-backoff.js';

const ACTIVE_SQL = 'SELECT host, until, reason FROM host_backoffs WHERE until > ? ORDER BY host';
const SAVE_SQL = `INSERT INTO host_backoffs (host, until, reason, set_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (host) DO UPDATE SET until = excluded.until, reason = excluded.reason, set_at = excluded.set_at`;
const EXPIRED_SQL = 'DELETE FROM host_backoffs WHERE until <= ?';

/** Hosts still paused at `now` (a Retry-After from an earlier cycle not yet over). */
export function activeHostBackoffs(db: QueryDb, now: number): HostBackoff[] {
  return statement(db, ACTIVE_SQL).all(now) as HostBackoff[];
}

/** Remembers the pauses a crawl was asked for (the latest per host wins) and forgets ended ones. */
export function saveHostBackoffs(db: QueryDb, backoffs: readonly HostBackoff[], now: number): void {
  const save = statement(db, SAVE_SQL);
  const forget = statement(db, EXPIRED_SQL);
  db.$client.transaction(() => {
    forget.run(now);
    for (const backoff of backoffs) save.run(backoff.host, backoff.until, backoff.reason, now);
  })();
}
