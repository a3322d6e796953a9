import { Command, CommanderError } from 'commander';
import { PolicyWatchError, UsageError } from '../domain/errors.js';
import { VERSION } from '../config/version.js';
import { registerQueryVerbs } from './query-verbs.js';
import { registerCheckVerb } from './check-verb.js';
import { registerExtractVerb } from './extract-verb.js';
import { registerDeliveryVerbs } from './delivery-verbs.js';
import { registerServiceVerbs } from './service-verbs.js';
import { registerDemoVerb } from './demo-verb.js';

/** Builds the `policy-watch` program: thin verbs that parse, call and print. */
export function buildProgram(): Command {
  const program = new Command('policy-watch')
    .description('Watches policy pages (LinkedIn first) and tells you which policy fact changed.')
    .version(VERSION)
    .option('--config <file>', 'config file (default: ./policy-watch.config.json if present, else the built-in LinkedIn sources; env POLICY_WATCH_CONFIG)')
    .option('--db <file>', 'SQLite database (default: the config\'s "database", ./policy-watch.db; env POLICY_WATCH_DB)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCheckVerb(program);
  registerExtractVerb(program);
  registerQueryVerbs(program);
  registerDeliveryVerbs(program);
  registerServiceVerbs(program);
  registerDemoVerb(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
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
      process.stderr.write(`policy-watch: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`policy-watch: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}
