import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../domain/config.js';
import { BUILT_IN_ORIGIN, loadConfig } from '../config/load-config.js';
import type { Db } from '../store/open-database.js';
import type { QueryDb } from '../store/query-statement.js';

export interface GlobalOptions {
  config?: string;
  db?: string;
}

/** The config of a command's `--config`/`--db` flags (or env, or defaults); its warnings go to stderr. */
export function configOf(command: Command, options: { allWarnings?: boolean } = {}): Config {
  const opts = command.optsWithGlobals<GlobalOptions>();
  const config = loadConfig({ configPath: opts.config, dbPath: opts.db });
  printWarnings(config.warnings ?? [], options.allWarnings ?? false);
  return config;
}

/**
 * The configured sources a read verb (`sources`, `serve`, `mcp`) lists beside the stored ones; null
 * with `--db` (or POLICY_WATCH_DB) and no config file: the database's own sources then, not the
 * built-in LinkedIn ones mixed in (`sources --db demo/demo.db`). `check` and `run` still use those.
 */
export function listedConfig(command: Command, config: Config): Config | null {
  const dbGiven = Boolean(command.optsWithGlobals<GlobalOptions>().db || process.env.POLICY_WATCH_DB);
  return config.origin === BUILT_IN_ORIGIN && dbGiven ? null : config;
}

/** Config warnings, at most a few unless `all` (`validate` lists them all). */
export function printWarnings(warnings: readonly string[], all: boolean): void {
  const shown = all ? warnings : warnings.slice(0, MAX_WARNINGS);
  for (const warning of shown) process.stderr.write(`policy-watch: warning: ${warning}\n`);
  if (shown.length < warnings.length) {
    process.stderr.write(`policy-watch: warning: ${warnings.length - shown.length} more config warnings (policy-watch validate lists them all)\n`);
  }
}

const MAX_WARNINGS = 5;

/** Opens the config's database, migrated. */
export async function openDb(config: Config): Promise<Db> {
  const { openDatabase } = await import('../store/open-database.js');
  return openDatabase(config.database);
}

/**
 * Opens the config's database for the query verbs: without drizzle when it is already migrated.
 * A database that does not exist yet is read as empty, with a note on stderr, and not created
 * (`create: true` creates it, for the long-running `mcp` beside a daemon that has not started).
 */
export async function openQueryDb(config: Config, options: { create?: boolean } = {}): Promise<QueryDb> {
  const { openQueryDatabase } = await import('../store/open-query-database.js');
  const create = options.create === true;
  if (!create && config.database !== ':memory:' && !existsSync(config.database)) {
    process.stderr.write(`policy-watch: no database at ${config.database} yet: nothing recorded (check creates it; --db names another)\n`);
  }
  return openQueryDatabase(config.database, { create });
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
