import type { QueryDb } from './query-statement.js';
import { statement } from './query-statement.js';
import type { sources } from './schema.js';
import type { Source } from '../domain/source.js';

export type SourceRow = typeof sources.$inferSelect;

// Cached prepared statements, not the query builder: these run once or twice per source per cycle,
// and building and preparing each query cost more than running it (bench: ~1 ms per source).
// No drizzle import either, so `sources` can sync without loading the ORM.
const COLUMNS: Record<keyof SourceRow, string> = {
  id: 'id', url: 'url', kind: 'kind', name: 'name', parentId: 'parent_id', origin: 'origin', createdAt: 'created_at',
  lastCheckedAt: 'last_checked_at', lastStatus: 'last_status', lastSuccessAt: 'last_success_at', failures: 'failures',
  failing: 'failing', etag: 'etag', lastModified: 'last_modified', bodyHash: 'body_hash',
  currentSnapshotId: 'current_snapshot_id', pendingDiscovery: 'pending_discovery', retired: 'retired', retiredAt: 'retired_at',
};
const BOOLEANS = new Set<keyof SourceRow>(['failing', 'pendingDiscovery', 'retired']);
const SELECT = `SELECT ${Object.entries(COLUMNS).map(([key, column]) => `${column} AS "${key}"`).join(', ')} FROM sources`;

type RawRow = Omit<SourceRow, 'failing' | 'pendingDiscovery' | 'retired'> & { failing: number; pendingDiscovery: number; retired: number };

function toRow(raw: RawRow): SourceRow {
  return { ...raw, failing: raw.failing === 1, pendingDiscovery: raw.pendingDiscovery === 1, retired: raw.retired === 1 };
}

const SYNC_SQL = `INSERT INTO sources (id, url, kind, name, origin, created_at) VALUES (?, ?, ?, ?, 'config', ?)
  ON CONFLICT (id) DO UPDATE SET url = excluded.url, kind = excluded.kind, name = excluded.name, origin = 'config',
  retired = 0, retired_at = NULL`;
// @ids: the configured ids as a JSON array. A post is retired with its blog, and back with it.
const RETIRE_SQL = `UPDATE sources SET retired = 1, retired_at = @now WHERE retired = 0 AND (
  (origin = 'config' AND id NOT IN (SELECT value FROM json_each(@ids)))
  OR (origin = 'discovered' AND (parent_id IS NULL OR parent_id NOT IN (SELECT value FROM json_each(@ids)))))`;
const RESTORE_POSTS_SQL = `UPDATE sources SET retired = 0, retired_at = NULL WHERE retired = 1 AND origin = 'discovered'
  AND parent_id IN (SELECT value FROM json_each(@ids))`;

/**
 * Makes the sources table hold every configured source (url, kind and name follow the config).
 * Sources no longer configured (and the posts of a blog no longer configured) are marked retired:
 * kept with their history and current snapshot, not checked. Configured again, a source resumes:
 * its next check diffs against its last snapshot.
 */
export function syncSources(db: QueryDb, configured: readonly Source[], now: number): void {
  const upsert = statement(db, SYNC_SQL);
  const ids = JSON.stringify(configured.map((source) => source.id));
  db.$client.transaction(() => {
    for (const source of configured) upsert.run(source.id, source.url, source.kind, source.name ?? null, now);
    statement(db, RETIRE_SQL).run({ now, ids });
    statement(db, RESTORE_POSTS_SQL).run({ ids });
  })();
}

export function getSourceRow(db: QueryDb, id: string): SourceRow | undefined {
  const raw = statement(db, `${SELECT} WHERE id = ?`).get(id) as RawRow | undefined;
  return raw && toRow(raw);
}

export function getSourceRows(db: QueryDb, ids: readonly string[]): Map<string, SourceRow> {
  if (ids.length <= 16) {
    const rows = ids.map((id) => getSourceRow(db, id)).filter((row): row is SourceRow => row !== undefined);
    return new Map(rows.map((row) => [row.id, row]));
  }
  // A whole cycle's sources: one scan beats a probe per id, and needs no SQL variable limit.
  const wanted = new Set(ids);
  return new Map(listSourceRows(db).filter((row) => wanted.has(row.id)).map((row) => [row.id, row]));
}

export function listSourceRows(db: QueryDb): SourceRow[] {
  return (statement(db, SELECT).all() as RawRow[]).map(toRow);
}

export function updateSourceRow(db: QueryDb, id: string, values: Partial<Omit<SourceRow, 'id'>>): void {
  const keys = (Object.keys(values) as (keyof SourceRow)[]).filter((key) => values[key as keyof typeof values] !== undefined);
  if (keys.length === 0) return;
  // One statement per set of columns: a check writes the same few sets over and over.
  const sql = `UPDATE sources SET ${keys.map((key) => `${COLUMNS[key]} = ?`).join(', ')} WHERE id = ?`;
  const params = keys.map((key) => {
    const value = values[key as keyof typeof values];
    return BOOLEANS.has(key) ? (value ? 1 : 0) : value;
  });
  statement(db, sql).run(...params, id);
}

const DISCOVERED_SQL = `INSERT INTO sources (id, url, kind, name, parent_id, origin, created_at, pending_discovery)
  VALUES (?, ?, ?, ?, ?, 'discovered', ?, ?) ON CONFLICT DO NOTHING`;

/** A discovered blog post; a no-op if the id is known. Returns whether it was new. */
export function insertDiscoveredSource(db: QueryDb, source: Source & { parentId: string }, now: number, announce: boolean): boolean {
  const result = statement(db, DISCOVERED_SQL).run(source.id, source.url, source.kind, source.name ?? null, source.parentId, now, announce ? 1 : 0);
  return result.changes > 0;
}
