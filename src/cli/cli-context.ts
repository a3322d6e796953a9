import type { Command } from 'commander';
import type { Config } from '../domain/config.js';
import { loadConfig } from '../config/load-config.js';
import type { Db } from '../store/open-database.js';
import type { QueryDb } from '../store/query-statement.js';

export interface GlobalOptions {
  config?: string;
  db?: string;
}

/** The config of a command's `--config`/`--db` flags (or env, or defaults). */
export function configOf(command: Command): Config {
  const opts = command.optsWithGlobals<GlobalOptions>();
  return loadConfig({ configPath: opts.config, dbPath: opts.db });
}

/** Opens the config's database, migrated. */
export async function openDb(config: Config): Promise<Db> {
  const { openDatabase } = await import('../store/open-database.js');
  return openDatabase(config.database);
}

/** Opens the config's database for the query verbs: without drizzle when it is already migrated. */
export async function openQueryDb(config: Config): Promise<QueryDb> {
  const { openQueryDatabase } = await import('../store/open-query-database.js');
  return openQueryDatabase(config.database);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
