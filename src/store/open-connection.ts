import Database from 'better-sqlite3';
import { PolicyWatchError } from '../domain/errors.js';

/** A better-sqlite3 connection set up as every policy-watch connection is: WAL, foreign keys, a busy wait. */
export function openConnection(file: string, options: Database.Options = {}): Database.Database {
  try {
    const client = new Database(file, options);
    client.pragma('journal_mode = WAL');
    // Off by default and per connection in SQLite.
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    client.pragma('synchronous = NORMAL');
    return client;
  } catch (error) {
    throw new PolicyWatchError('db-open', `cannot open database ${file}: ${(error as Error).message}`, { cause: error });
  }
}
