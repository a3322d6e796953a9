/** What `/healthz` judges freshness from. */
export interface HealthClock {
  /** When the last check cycle ended (epoch ms); null before the first one. */
  lastCycleAt: number | null;
  /** When watching started (the daemon's or server's start): the reference before any cycle ended. */
  startedAt: number;
  /** The schedule's interval in ms (0: unknown, never stale). */
  intervalMs: number;
}

export interface Health {
  status: 'ok' | 'degraded' | 'stale';
  /** ISO date-time of the end of the last check cycle, null if none yet. */
  lastCycleAt: string | null;
  /** Ids of the sources failing now (blocked or erroring `failAfter` checks in a row). */
  failing: string[];
}

/**
 * `stale` when no cycle has ended within twice the schedule's interval (judged from the start
 * before the first one ends), else `degraded` while some sources are failing, else `ok`.
 */
export function computeHealth(clock: HealthClock, failing: readonly string[], now: number): Health {
  const reference = clock.lastCycleAt ?? clock.startedAt;
  const stale = clock.intervalMs > 0 && now - reference > 2 * clock.intervalMs;
  return {
    status: stale ? 'stale' : failing.length > 0 ? 'degraded' : 'ok',
    lastCycleAt: clock.lastCycleAt === null ? null : new Date(clock.lastCycleAt).toISOString(),
    failing: [...failing],
  };
}
