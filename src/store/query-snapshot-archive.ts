import type { QueryDb } from './query-statement.js';
import { decompressText } from './compress.js';
import { statement } from './query-statement.js';

const SQL = 'SELECT ct.html FROM snapshots sn JOIN contents ct ON ct.id = sn.content_id WHERE sn.id = ?';

/** The raw page a snapshot was read from, as fetched (decoded text); null when there is no such snapshot. */
export function getSnapshotRaw(db: QueryDb, id: number): string | null {
  const row = statement(db, SQL).get(id) as { html: Buffer } | undefined;
  return row ? decompressText(row.html) : null;
}

const PREVIOUS_SQL = `
  SELECT o.id FROM snapshots s JOIN snapshots o ON o.source_id = s.source_id
  WHERE s.id = @id AND (o.created_at < s.created_at OR (o.created_at = s.created_at AND o.id < s.id))
  ORDER BY o.created_at DESC, o.id DESC LIMIT 1`;
const NEXT_SQL = `
  SELECT o.id FROM snapshots s JOIN snapshots o ON o.source_id = s.source_id
  WHERE s.id = @id AND (o.created_at > s.created_at OR (o.created_at = s.created_at AND o.id > s.id))
  ORDER BY o.created_at, o.id LIMIT 1`;

/** The snapshots of the same source just before and after this one (ids), for paging through versions. */
export function snapshotNeighbours(db: QueryDb, id: number): { previousId: string | null; nextId: string | null } {
  const previous = statement(db, PREVIOUS_SQL).get({ id }) as { id: number } | undefined;
  const next = statement(db, NEXT_SQL).get({ id }) as { id: number } | undefined;
  return { previousId: previous ? String(previous.id) : null, nextId: next ? String(next.id) : null };
}
