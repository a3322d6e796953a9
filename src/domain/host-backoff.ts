/**
 * A host that asked us to wait (a 429 or 503 with a `Retry-After` longer than `fetch.timeoutMs`):
 * not asked again until `until`. Found by the crawl, stored by the pipeline, read back next cycle.
 */
export interface HostBackoff {
  /** `new URL(url).hostname`. */
  host: string;
  /** Epoch milliseconds. */
  until: number;
  /** What asked for it, e.g. `HTTP 429 Retry-After`. */
  reason: string;
}

/** The reason recorded on a check that was not made because its host is paused. */
export function pausedReason(backoff: Pick<HostBackoff, 'until' | 'reason'>): string {
  return `host paused until ${new Date(backoff.until).toISOString().replace(/\.\d{3}Z$/, 'Z')} (${backoff.reason})`;
}
