import { schedule, type ScheduledTask } from 'node-cron';
import type { Config } from '../domain/config.js';
import type { Db } from '../store/open-database.js';
import type { Logger } from './create-logger.js';
import type { CycleStats } from '../domain/records.js';
import { acquireDatabaseLock } from './database-lock.js';
import { runCheckCycle } from '../pipeline/run-check-cycle.js';
import { syncSources } from '../store/source-rows.js';
import { drainOutbox, nextDueAt } from '../notify/outbox.js';

export type { CycleStats };

/** After aborting its requests, how long a cycle may take to end before it is abandoned. */
const ABANDON_AFTER_KILL_MS = 5000;

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export interface DaemonOptions {
  config: Config;
  db: Db;
  log: Logger;
  /** Starts the HTTP API in the same process (the CLI wires it); none when absent. */
  startApi?: (getCycleStats: () => CycleStats) => Promise<RunningApi>;
  /** Run a cycle at start-up, before the first scheduled one. Default false. */
  checkOnStart?: boolean;
  /** How often the outbox is looked at for due retries, default 5000 ms. */
  outboxPollMs?: number;
  /**
   * How long `stop()` lets the requests in flight of a running cycle end before aborting them
   * (as `kill()` does), default 5000 ms. A stopped cycle asks nothing new either way.
   */
  stopGraceMs?: number;
}

export interface DaemonHandle {
  apiUrl: string | null;
  stats(): CycleStats;
  /**
   * Stops the cycle in flight: nothing new is asked, requests in flight end (aborted after
   * `stopGraceMs`), what was read is recorded; then releases everything.
   */
  stop(): Promise<void>;
  /** Like `stop()`, but aborts the requests in flight at once. */
  kill(): Promise<void>;
  /** Resolves when the daemon has stopped. */
  done: Promise<void>;
  /** Runs one cycle now (skipped if one is running); for tests and `checkOnStart`. */
  runCycle(): Promise<void>;
  /** Releases the lock synchronously: for a forced exit on a second signal. */
  releaseLockNow(): void;
}

/**
 * The daemon: checks on the cron schedule (a cycle still running when the next is due is skipped),
 * delivers webhooks with backoff, serves the API. One per database, by lock file.
 */
export async function startDaemon(options: DaemonOptions): Promise<DaemonHandle> {
  const { config, db, log } = options;
  const lock = acquireDatabaseLock(config.database);
  const stats: CycleStats = { cycles: 0, lastCycleStartedAt: null, lastCycleDurationMs: null, running: false, startedAt: Date.now(), lastCycleEndedAt: null };
  /** Aborted by stop(): outbox drains end, and a running cycle asks nothing new. */
  const shutdown = new AbortController();
  /** Aborted by kill(), or by stop() after its grace: requests in flight are abandoned. */
  const killing = new AbortController();
  let cycle: Promise<void> | null = null;
  let draining: Promise<void> | null = null;
  let stopping = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => { resolveDone = resolve; });

  const drain = (): Promise<void> => {
    if (draining || stopping || config.webhooks.length === 0) return draining ?? Promise.resolve();
    const due = nextDueAt(db, config.webhooks);
    if (due === null || due > Date.now()) return Promise.resolve();
    draining = drainOutbox(db, config.webhooks, { signal: shutdown.signal, log, userAgent: config.userAgent })
      .then((r) => {
        if (r.delivered + r.retried + r.failed > 0) log.info({ ...r }, 'deliveries attempted');
      })
      .catch((error: unknown) => log.error({ err: String(error) }, 'outbox drain failed'))
      .finally(() => { draining = null; });
    return draining;
  };

  const runCycle = (): Promise<void> => {
    if (stopping) return Promise.resolve();
    if (cycle) {
      log.warn({}, 'cycle skipped: the previous one is still running');
      return cycle;
    }
    const runId = (stats.cycles + 1).toString(36) + Date.now().toString(36);
    const cycleLog = log.child({ runId });
    stats.running = true;
    stats.lastCycleStartedAt = Date.now();
    cycleLog.info({ sources: config.sources.length }, 'cycle start');
    const counts: Record<string, number> = {};
    cycle = runCheckCycle({
      db, config, signal: shutdown.signal, killSignal: killing.signal,
      onReextract: (r) => cycleLog.info({ read: r.read, technical: r.technical.length, unreadable: r.unreadable.length, durationMs: r.durationMs }, 'snapshots re-read by the upgraded extractor'),
      onResult: (r) => {
        counts[r.status] = (counts[r.status] ?? 0) + 1;
        const level = r.status === 'blocked' || r.status === 'error' ? 'warn' : 'info';
        cycleLog[level]({ sourceId: r.sourceId, status: r.status, httpStatus: r.httpStatus, reason: r.reason ?? undefined, durationMs: r.durationMs, changeId: r.changeId ?? undefined, facts: r.factChanges.length > 0 ? r.factChanges.map((c) => c.fact) : undefined }, 'source checked');
      },
    })
      .then((result) => {
        stats.cycles++;
        stats.lastCycleDurationMs = result.durationMs;
        stats.lastCycleEndedAt = Date.now();
        const stopped = result.stopped ? { stopped: true, notChecked: result.notChecked.length } : {};
        cycleLog.info({ durationMs: result.durationMs, ...counts, ...stopped, technical: result.reextracted.technical.length || undefined, nextCheckAt: nextCheckAt() }, 'cycle end');
      })
      .catch((error: unknown) => cycleLog.error({ err: (error as Error).message }, 'cycle failed'))
      .finally(() => {
        stats.running = false;
        cycle = null;
      })
      .then(() => drain());
    return cycle;
  };

  let task: ScheduledTask | null = null;
  const nextCheckAt = (): string | undefined => task?.getNextRun()?.toISOString() ?? undefined;
  let poll: NodeJS.Timeout | null = null;
  let api: RunningApi | null = null;
  try {
    // Retired sources are marked before the API answers, not only at the first cycle.
    syncSources(db, config.sources, Date.now());
    if (options.startApi) {
      api = await options.startApi(() => ({ ...stats }));
      log.info({ url: api.url }, 'api listening');
    }
    task = schedule(config.schedule, () => { void runCycle(); }, { timezone: config.timezone, name: 'policy-watch-check' });
    poll = setInterval(() => { void drain(); }, options.outboxPollMs ?? 5000);
    poll.unref();
  } catch (error) {
    await api?.close();
    lock.release();
    throw error;
  }
  log.info({ schedule: config.schedule, timezone: config.timezone, database: config.database, sources: config.sources.length, webhooks: config.webhooks.length, nextCheckAt: nextCheckAt() }, 'daemon started');
  if (options.checkOnStart) void runCycle();

  const finish = async (graceMs: number): Promise<void> => {
    if (stopping) {
      // kill() after stop(): no more grace.
      if (graceMs <= 0) killing.abort();
      return done;
    }
    stopping = true;
    log.info({}, 'stopping');
    await task?.stop();
    if (poll) clearInterval(poll);
    shutdown.abort();
    const wait = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
    const settled = () => Promise.all([cycle, draining]).then(() => 'done' as const);
    if (graceMs <= 0 || (await Promise.race([settled(), wait(graceMs)])) === 'timeout') {
      if (cycle) log.warn({}, 'aborting the requests in flight');
      killing.abort();
      // An aborted cycle ends within moments (pages being recorded finish first); never wait forever.
      if ((await Promise.race([settled(), wait(ABANDON_AFTER_KILL_MS)])) === 'timeout') log.warn({}, 'cycle in flight abandoned at shutdown');
    }
    await api?.close().catch(() => undefined);
    lock.release();
    log.info({}, 'stopped');
    resolveDone();
  };

  return {
    apiUrl: api?.url ?? null,
    stats: () => ({ ...stats }),
    stop: () => finish(options.stopGraceMs ?? 5000),
    kill: () => finish(0),
    done,
    runCycle,
    releaseLockNow: () => lock.release(),
  };
}
