import type { Command } from 'commander';
import type { Config } from '../domain/config.js';
import type { Db } from '../store/open-database.js';
import { configOf, openDb } from './cli-context.js';
import { requireApiToken } from '../config/require-secrets.js';
import type { CycleStats, RunningApi } from '../daemon/run-daemon.js';

/** `run` (the daemon) and `serve` (the API alone). Both stop cleanly on SIGINT/SIGTERM. */
export function registerServiceVerbs(program: Command): void {
  program.command('run')
    .description('the daemon: checks on the schedule, delivers webhooks, serves the HTTP API')
    .option('--check-now', 'run a check cycle at start-up too')
    .option('--no-api', 'do not serve the HTTP API')
    .action(async (opts: { checkNow?: boolean; api: boolean }, command: Command) => {
      const config = configOf(command);
      if (opts.api) requireApiToken(config);
      const db = await openDb(config);
      const { startDaemon } = await import('../daemon/run-daemon.js');
      const { createLogger } = await import('../daemon/create-logger.js');
      const log = createLogger();
      const handle = await startDaemon({
        config, db, log, checkOnStart: opts.checkNow,
        startApi: opts.api ? (getCycleStats) => startApi(db, config, getCycleStats) : undefined,
      }).catch((error: unknown) => {
        db.$client.close();
        throw error;
      });
      onSignals(() => handle.stop(), () => handle.releaseLockNow());
      await handle.done;
      db.$client.close();
    });

  program.command('serve')
    .description('serve the HTTP API alone, without the scheduler')
    .action(async (_opts: unknown, command: Command) => {
      const config = configOf(command);
      requireApiToken(config);
      const db = await openDb(config);
      const api = await startApi(db, config, () => null);
      process.stderr.write(`policy-watch: serving ${api.url} (Ctrl-C to stop)\n`);
      let resolveDone!: () => void;
      const done = new Promise<void>((resolve) => { resolveDone = resolve; });
      onSignals(async () => { await api.close(); resolveDone(); }, () => undefined);
      await done;
      db.$client.close();
    });
}

async function startApi(db: Db, config: Config, getCycleStats: () => CycleStats | null): Promise<RunningApi> {
  const { startServer } = await import('../api/start-server.js');
  return startServer(db, config.api, { getCycleStats, webhooks: config.webhooks.length });
}

/** The first SIGINT/SIGTERM stops gracefully (exit 0); a second exits at once. */
export function onSignals(stop: () => Promise<void>, forced: () => void): void {
  let signalled = false;
  const handler = (signal: NodeJS.Signals) => {
    if (signalled) {
      forced();
      process.stderr.write(`policy-watch: ${signal} again, exiting now\n`);
      process.exit(130);
    }
    signalled = true;
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
