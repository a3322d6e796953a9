import type { RunResult } from 'better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';

/**
 * The database the outbox writes to: the `Db` from `openDatabase()` or a transaction of it
 * (`db.transaction((tx) => ...)`), so that a change and its deliveries commit together.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OutboxDb = BaseSQLiteDatabase<'sync', RunResult, any>;
