import { eq, inArray } from 'drizzle-orm';
import type { Db } from './open-database.js';
import { sources } from './schema.js';
import type { Source } from '../domain/source.js';

export type SourceRow = typeof sources.$inferSelect;

/**
 * Makes the sources table hold every configured source (url, kind and name follow the config).
 * Sources no longer configured, and discovered posts, stay: their history is kept.
 */
export function syncSources(db: Db, configured: readonly Source[], now: number): void {
  db.$client.transaction(() => {
    for (const source of configured) {
      db.insert(sources)
        .values({ id: source.id, url: source.url, kind: source.kind, name: source.name ?? null, origin: 'config', createdAt: now })
        .onConflictDoUpdate({ target: sources.id, set: { url: source.url, kind: source.kind, name: source.name ?? null, origin: 'config' } })
        .run();
    }
  })();
}

export function getSourceRow(db: Db, id: string): SourceRow | undefined {
  return db.select().from(sources).where(eq(sources.id, id)).get();
}

export function getSourceRows(db: Db, ids: readonly string[]): Map<string, SourceRow> {
  if (ids.length === 0) return new Map();
  const rows = db.select().from(sources).where(inArray(sources.id, [...ids])).all();
  return new Map(rows.map((row) => [row.id, row]));
}

export function listSourceRows(db: Db): SourceRow[] {
  return db.select().from(sources).all();
}

export function updateSourceRow(db: Db, id: string, values: Partial<Omit<SourceRow, 'id'>>): void {
  db.update(sources).set(values).where(eq(sources.id, id)).run();
}

/** A discovered blog post; a no-op if the id is known. Returns whether it was new. */
export function insertDiscoveredSource(db: Db, source: Source & { parentId: string }, now: number, announce: boolean): boolean {
  const result = db.insert(sources)
    .values({ id: source.id, url: source.url, kind: source.kind, name: source.name ?? null, parentId: source.parentId, origin: 'discovered', createdAt: now, pendingDiscovery: announce })
    .onConflictDoNothing()
    .run();
  return result.changes > 0;
}
