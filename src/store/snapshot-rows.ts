import { eq } from 'drizzle-orm';
import type { Db } from './open-database.js';
import { contents, snapshots, changes, checks } from './schema.js';
import { statement, type QueryDb } from './query-statement.js';

export type SnapshotRow = typeof snapshots.$inferSelect;
export type NewSnapshot = typeof snapshots.$inferInsert;
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

export function insertSnapshot(db: Db, values: NewSnapshot): number {
  return db.insert(snapshots).values(values).returning({ id: snapshots.id }).get().id;
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
