import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How a crawl is told to end early (both optional, both plain AbortSignals from the caller):
 * - `signal` (stop): no new request starts and none is retried; requests in flight end as usual
 *   (within `fetch.timeoutMs`) and their pages are reported; requests never asked are listed in
 *   the crawl's `notAsked`, never reported as failures.
 * - `killSignal` (kill): requests in flight are aborted at once too, and their pages are not
 *   reported (listed in `notAsked`); pages already being recorded finish recording first.
 * A crawler for rendered pages takes the same two signals.
 */
export interface CrawlSignals {
  signal?: AbortSignal;
  killSignal?: AbortSignal;
}

/**
 * Runs every task of `crawler` outside the async context it was woken from. crawlee times each
 * request with @apify/timeout, whose cancel flag lives in an AsyncLocalStorage and is shared with
 * anything started in that context: a pool wake-up (`notify()`, a retry, a per-host timer) made
 * while one request was being handled ran the next requests inside it, and when the first one
 * timed out, they all threw "Promise handler has been canceled due to a timeout" outside any
 * handler, ending the whole crawl. Call before `run()`, outside any crawlee handler.
 */
// Any crawlee crawler (HTTP or browser): typed loosely, its context types do not unify.
export function isolateTasks(crawler: object): void {
  const options = (crawler as { autoscaledPoolOptions?: { runTaskFunction?: () => Promise<unknown> } }).autoscaledPoolOptions;
  if (typeof options?.runTaskFunction !== 'function') throw new Error('isolateTasks: this crawlee version has no autoscaledPoolOptions.runTaskFunction');
  const runTask = options.runTaskFunction;
  // The context of the caller (the pipeline): no crawlee timeout in it.
  const clean = AsyncLocalStorage.snapshot();
  options.runTaskFunction = () => clean(runTask!);
}

/** Calls `onAbort` once when `signal` aborts (at once if it already has); returns the unsubscriber. */
export function onAbort(signal: AbortSignal | undefined, onAbort: () => void): () => void {
  if (!signal) return () => undefined;
  if (signal.aborted) {
    onAbort();
    return () => undefined;
  }
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}
