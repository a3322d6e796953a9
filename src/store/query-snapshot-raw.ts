import type { QueryDb } from './query-statement.js';
import { decompressText } from './compress.js';
import { statement } from './query-statement.js';

const SQL = 'SELECT ct.html FROM snapshots sn JOIN contents ct ON ct.id = sn.content_id WHERE sn.id = ?';

/** The raw page a snapshot was read from, as fetched (decoded text); null when there is no such snapshot. */
export function getSnapshotRaw(db: QueryDb, id: number): string | null {
  const row = statement(db, SQL).get(id) as { html: Buffer } | undefined;
  return row ? decompressText(row.html) : null;
}
