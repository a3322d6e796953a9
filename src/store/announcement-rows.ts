import type { QueryDb } from './query-statement.js';
import { statement } from './query-statement.js';

export interface AnnouncementRow {
  id: number;
  sourceId: string;
  /** YYYY-MM-DD. */
  date: string;
  firstSeenAt: number;
  snapshotId: number | null;
  dueSentAt: number | null;
}

const INSERT_SQL = `INSERT INTO announcements (source_id, date, first_seen_at, snapshot_id, due_sent_at)
  VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_id, date) DO NOTHING`;
const DUE_SQL = `SELECT id, source_id AS sourceId, date, first_seen_at AS firstSeenAt, snapshot_id AS snapshotId,
  due_sent_at AS dueSentAt FROM announcements WHERE source_id = ? AND date <= ? AND due_sent_at IS NULL ORDER BY date`;
const SENT_SQL = 'UPDATE announcements SET due_sent_at = ? WHERE id = ? AND due_sent_at IS NULL';

/** Records an announced date the first time it is seen for a source; later sightings change nothing. */
export function insertAnnouncement(db: QueryDb, row: Omit<AnnouncementRow, 'id'>): boolean {
  return statement(db, INSERT_SQL).run(row.sourceId, row.date, row.firstSeenAt, row.snapshotId, row.dueSentAt).changes > 0;
}

/** A source's announcements whose date is on or before `today` (YYYY-MM-DD) and not yet sent as due. */
export function listDueAnnouncements(db: QueryDb, sourceId: string, today: string): AnnouncementRow[] {
  return statement(db, DUE_SQL).all(sourceId, today) as AnnouncementRow[];
}

/** Marks an announcement as sent as due; false when it already was (it is sent once). */
export function markAnnouncementDue(db: QueryDb, id: number, at: number): boolean {
  return statement(db, SENT_SQL).run(at, id).changes > 0;
}
