export interface BackoffOptions {
  /** Delay after the first failed attempt, before jitter. Default 120000 (2 min). */
  baseDelayMs?: number;
  /** Ceiling of any one delay. Default 21600000 (6 h). */
  maxDelayMs?: number;
  /** A number in [0, 1); default Math.random. Tests pass a fixed one. */
  random?: () => number;
}

export const DEFAULT_BASE_DELAY_MS = 2 * 60_000;
export const DEFAULT_MAX_DELAY_MS = 6 * 60 * 60_000;

/**
 * How long to wait after the `attempts`-th failed attempt: base·2^(attempts-1), capped, then
 * "equal jitter" (between half and all of it) so many failed deliveries don't retry in lockstep.
 * With the defaults, 8 attempts span roughly 2 to 4 hours of a receiver being down.
 */
export function backoffDelayMs(attempts: number, options: BackoffOptions = {}): number {
  const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(attempts - 1, 0), 40); // 2^40 already dwarfs any cap
  const capped = Math.min(base * 2 ** exponent, max);
  return Math.round(capped / 2 + (capped / 2) * random());
}
