import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { QueryDb } from './query-statement.js';
import { openConnection } from './open-connection.js';

const JOURNAL = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations/meta/_journal.json');

/**
 * For the query verbs: the connection alone, without loading drizzle (about 70 ms of a verb's
 * 300 ms budget), when the database is already migrated. A missing, new or outdated database
 * goes through `openDatabase`, which creates and migrates it as before, unless `create: false`:
 * then a missing file is read as an empty database and not created.
 */
export async function openQueryDatabase(file: string, options: { create?: boolean } = {}): Promise<QueryDb> {
  if (options.create === false && file !== ':memory:' && !existsSync(file)) {
    // A verb that only reads leaves no file (nor folder) behind for a mistyped --db: it reads an
    // empty database instead.
    const { openDatabase } = await import('./open-database.js');
    return openDatabase(':memory:');
  }
  if (file !== ':memory:' && existsSync(file)) {
    const client = openConnection(file, { fileMustExist: true });
    if (isMigrated(client)) return { $client: client };
    client.close();
  }
  const { openDatabase } = await import('./open-database.js');
  return openDatabase(file);
}

/** drizzle's own test: applied when the newest recorded migration is not older than the journal's newest. */
function isMigrated(client: Database.Database): boolean {
  try {
    const journal = JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: { when: number }[] };
    const newest = Math.max(...journal.entries.map((entry) => entry.when));
    const row = client.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1').get() as { created_at: number } | undefined;
    return row !== undefined && Number(row.created_at) >= newest;
  } catch {
    return false; // no migrations table yet, or an unreadable journal: let the migrator decide
  }
}
