import { eq } from 'drizzle-orm';
import type { Db } from './open-database.js';
import { contents, snapshots, changes, checks } from './schema.js';
import { statement, type QueryDb } from './query-statement.js';
import type { ReadingRow } from './revision-rows.js';

export type SnapshotRow = typeof snapshots.$inferSelect;
/**
 * A reading of a stored page, as a snapshot row: the facts and evidence as JSON, the text
 * compressed. `revisionOf` is null for a reading of a fetch, else the snapshot first recorded from
 * that fetch (a technical revision).
 */
export type NewReadingRow = Omit<ReadingRow, 'id' | 'rootId' | 'current'> & { revisionOf: number | null };
export type NewChange = typeof changes.$inferInsert;
export type NewCheck = typeof checks.$inferInsert;

/** Stores a raw body once per distinct hash; returns its id. */
export function upsertContent(db: Db, hash: string, html: Buffer, size: number): number {
  const existing = db.select({ id: contents.id }).from(contents).where(eq(contents.hash, hash)).get();
  if (existing) return existing.id;
  return db.insert(contents).values({ hash, html, size }).returning({ id: contents.id }).get().id;
}

export function getSnapshotRow(db: Db, id: number): SnapshotRow | undefined {
  return db.select().from(snapshots).where(eq(snapshots.id, id)).get();
}

const READING_SQL = `INSERT INTO snapshots (source_id, content_id, created_at, text_hash, text, title, language, facts,
  evidence, final_url, extractor_version, revision_of) VALUES (@sourceId, @contentId, @createdAt, @textHash, @text,
  @title, @language, @facts, @evidence, @finalUrl, @extractorVersion, @revisionOf)`;

/** A new snapshot row (snapshots are never updated: a newer reading is a new row); returns its id. */
export function insertReading(db: QueryDb, values: NewReadingRow): number {
  return Number(statement(db, READING_SQL).run(values).lastInsertRowid);
}

export function insertChange(db: Db, values: NewChange): number {
  return db.insert(changes).values(values).returning({ id: changes.id }).get().id;
}

const CHECK_SQL = 'INSERT INTO checks (source_id, at, duration_ms, status, http_status, reason, snapshot_id) VALUES (?, ?, ?, ?, ?, ?, ?)';

/** One row per check of every source: a cached statement, not the query builder (the hot path). */
export function insertCheck(db: QueryDb, values: NewCheck): number {
  const { sourceId, at, durationMs, status, httpStatus = null, reason = null, snapshotId = null } = values;
  return Number(statement(db, CHECK_SQL).run(sourceId, at, durationMs, status, httpStatus, reason, snapshotId).lastInsertRowid);
}
