import type { Command } from 'commander';
import type { Config } from '../domain/config.js';
import type { Db } from '../store/open-database.js';
import { configOf, listedConfig, openDb } from './cli-context.js';
import { requireApiToken } from '../config/require-secrets.js';
import type { CycleStats, RunningApi } from '../daemon/run-daemon.js';
import type { HealthClock } from '../api/compute-health.js';
import { onSignals } from './on-signals.js';

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
        startApi: opts.api ? async (getCycleStats) => {
          const intervalMs = await intervalOf(config);
          // Freshness from the daemon's own cycles; before the first one ends, from its start.
          const getHealthClock = () => {
            const stats = getCycleStats();
            return { lastCycleAt: stats.lastCycleEndedAt ?? null, startedAt: stats.startedAt ?? Date.now(), intervalMs };
          };
          return startApi(db, config, false, getCycleStats, getHealthClock);
        } : undefined,
      }).catch((error: unknown) => {
        db.$client.close();
        throw error;
      });
      await warnHeldChannels(config, log);
      // The cycle in flight asks nothing new, its requests end or are aborted within stopGraceMs, what was read is recorded.
      onSignals(() => void handle.stop().then(() => process.exit(0)), () => handle.releaseLockNow());
      await handle.done;
      db.$client.close();
    });

  program.command('serve')
    .description('serve the HTTP API alone, without the scheduler')
    .action(async (_opts: unknown, command: Command) => {
      const config = configOf(command);
      requireApiToken(config);
      const db = await openDb(config);
      // Without the scheduler, freshness comes from the database: something else (cron, `check`)
      // is expected to check on the config's schedule, judged from the latest check of any source.
      const intervalMs = await intervalOf(config);
      const { lastCheckAt } = await import('../store/query-metrics.js');
      const startedAt = Date.now();
      const api = await startApi(db, config, listedConfig(command, config) === null, () => null, () => ({ lastCycleAt: lastCheckAt(db), startedAt, intervalMs }));
      process.stderr.write(`policy-watch: serving ${api.url} (Ctrl-C to stop)\n`);
      let resolveDone!: () => void;
      const done = new Promise<void>((resolve) => { resolveDone = resolve; });
      onSignals(() => void api.close().then(resolveDone).then(() => process.exit(0)));
      await done;
      db.$client.close();
    });
}

/** `databaseOnly`: `serve --db` without a config lists the database's sources, not the built-in ones. */
async function startApi(db: Db, config: Config, databaseOnly: boolean, getCycleStats: () => CycleStats | null, getHealthClock: () => HealthClock): Promise<RunningApi> {
  const { startServer } = await import('../api/start-server.js');
  return startServer(db, config.api, { getCycleStats, getHealthClock, webhooks: config.webhooks.length, sources: databaseOnly ? undefined : config.sources });
}

/** A channel whose `env:` secret is unset holds its alerts pending: say so at start, not only in `deliveries`. */
async function warnHeldChannels(config: Config, log: { warn(obj: object, msg?: string): void }): Promise<void> {
  const [{ unresolvedSecret }, { redactUrl }] = await Promise.all([
    import('../notify/unresolved-secret.js'), import('../notify/redact-url.js'),
  ]);
  for (const webhook of config.webhooks) {
    const missing = unresolvedSecret(webhook);
    if (missing) log.warn({ webhook: redactUrl(webhook.url), error: missing }, `alerts to this channel are held until it is set: ${missing}`);
  }
}

async function intervalOf(config: Config): Promise<number> {
  const { scheduleIntervalMs } = await import('../daemon/schedule-interval.js');
  return scheduleIntervalMs(config.schedule, config.timezone);
}
