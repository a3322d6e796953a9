import type Database from 'better-sqlite3';
import type { Db } from './open-database.js';

/**
 * What the read-side queries need of a database: its connection. A `Db` is one; query verbs open
 * just this, without loading drizzle (see `openQueryDatabase`).
 */
export type QueryDb = Pick<Db, '$client'>;

/** Prepared statements are cached per connection: preparing costs more than most of these queries. */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(db: QueryDb, sql: string): Database.Statement {
  let statements = cache.get(db.$client);
  if (!statements) {
    statements = new Map();
    cache.set(db.$client, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.$client.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

/** Epoch milliseconds to ISO 8601, keeping null. */
export function isoTime(ms: number): string;
export function isoTime(ms: number | null): string | null;
export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  return JSON.parse(text) as T;
}
