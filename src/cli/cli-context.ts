import type { Command } from 'commander';
import type { Config } from '../domain/config.js';
import { loadConfig } from '../config/load-config.js';
import type { Db } from '../store/open-database.js';

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

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
