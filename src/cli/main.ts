import { Command, CommanderError } from 'commander';
import { PolicyWatchError, UsageError } from '../domain/errors.js';
import { VERSION } from '../config/version.js';
import { registerQueryVerbs } from './query-verbs.js';
import { registerCheckVerb } from './check-verb.js';
import { registerExtractVerb } from './extract-verb.js';
import { registerDeliveryVerbs } from './delivery-verbs.js';
import { registerServiceVerbs } from './service-verbs.js';
import { registerDemoVerb } from './demo-verb.js';
import { registerExportVerb } from './export-verb.js';
import { registerMcpVerb } from './mcp-verb.js';
import { registerInitVerb } from './init-verb.js';
import { registerValidateVerb } from './validate-verb.js';
import { registerReextractVerb } from './reextract-verb.js';

/** Builds the `policy-watch` program: thin verbs that parse, call and print. */
export function buildProgram(): Command {
  const program = new Command('policy-watch')
    .description('Watches policy pages (LinkedIn first) and tells you which policy fact changed.')
    .version(VERSION)
    .option('--config <file>', 'config file (default: ./policy-watch.config.json if present, else the built-in LinkedIn sources; env POLICY_WATCH_CONFIG)')
    .option('--db <file>', 'SQLite database (default: the config\'s "database", ./policy-watch.db; env POLICY_WATCH_DB)')
    .showHelpAfterError('(run with --help for usage)')
    // Every verb's --help lists --config and --db too (verbs inherit this setting).
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();
  registerCheckVerb(program);
  registerExtractVerb(program);
  registerQueryVerbs(program);
  registerDeliveryVerbs(program);
  registerServiceVerbs(program);
  registerDemoVerb(program);
  registerExportVerb(program);
  registerMcpVerb(program);
  registerInitVerb(program);
  registerValidateVerb(program);
  registerReextractVerb(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** What to do about the SQLite errors a user can meet (by primary result code). */
const SQLITE_ADVICE: Record<string, string> = {
  SQLITE_READONLY: ': the database file (or its folder, which holds the -wal and -shm files) is read-only; give policy-watch write access, or point --db at a writable copy',
  SQLITE_FULL: ': the disk holding the database is full (or the file hit a size limit); free some space and run again. Nothing was half-written: each check is one transaction',
  SQLITE_CANTOPEN: ': check that the database\'s folder exists and is writable',
  SQLITE_BUSY: ': another process holds the database; try again',
  SQLITE_CORRUPT: ': the database file is damaged; restore it from a backup',
  SQLITE_NOTADB: ': the file is not a policy-watch database; check --db',
  SQLITE_IOERR: ': the disk could not be read or written; check the disk and free space',
};

/** The SQLite result code of a better-sqlite3 error (or of its cause), e.g. `SQLITE_READONLY_DBMOVED`. */
function sqliteCode(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return null;
}

function sqliteAdvice(error: unknown): string {
  const code = sqliteCode(error);
  return code ? SQLITE_ADVICE[code.split('_').slice(0, 2).join('_')] ?? '' : '';
}

/** Runs the CLI; returns the exit code (0 ok, 1 runtime failure, 2 bad usage or config). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; commander already printed its message.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`policy-watch: ${error.message}\n`);
      return 2;
    }
    if (error instanceof PolicyWatchError) {
      process.stderr.write(`policy-watch: ${error.message}${sqliteAdvice(error)}\n`);
      return 1;
    }
    // A database error outside the paths that wrap it (a read-only file met at the first write).
    const code = sqliteCode(error);
    if (code) {
      process.stderr.write(`policy-watch: database error: ${(error as Error).message} (${code})${sqliteAdvice(error)}\n`);
      return 1;
    }
    process.stderr.write(`policy-watch: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}
