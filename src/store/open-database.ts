import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema.js';
import { openConnection } from './open-connection.js';
import { PolicyWatchError } from '../domain/errors.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The migrations folder, found from this file (src/store or dist/store), never from the cwd. */
const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface OpenDatabaseOptions {
  /** Open without migrating or writing (query verbs beside a running daemon). Default false. */
  readonly?: boolean;
}

/** Opens (creating if needed) the SQLite database in WAL mode and applies pending migrations. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(resolve(file)), { recursive: true });
    } catch (error) {
      throw new PolicyWatchError('db-open', `cannot open database ${file}: ${(error as Error).message}`, { cause: error });
    }
  }
  const client = openConnection(file);
  const db = drizzle(client, { schema }) as Db;
  if (!options.readonly) {
    try {
      migrate(db, { migrationsFolder: MIGRATIONS });
    } catch (error) {
      client.close();
      throw new PolicyWatchError('db-migrate', `cannot migrate database ${file}: ${(error as Error).message}`, { cause: error });
    }
  }
  return db;
}
