import type { Request } from '@crawlee/core';
import { pausedReason, type HostBackoff } from '../domain/host-backoff.js';
import type { CrawlOptions, CrawlSummary, FetchedPage } from './fetch-pages.js';
import { FetchError, toFetchError } from './fetch-error.js';
import { onAbort } from './crawl-control.js';
import { hostOf, type HostQueue } from './host-queue.js';

/** What a request needs for the bookkeeping shared by fetched and rendered pages. */
interface SessionRequest {
  key: string;
  url: string;
}

export interface CrawlSessionOptions<R extends SessionRequest> extends Pick<CrawlOptions, 'signal' | 'killSignal' | 'pausedHosts' | 'onBackoff'> {
  /** Called as each page arrives, in arrival order; may add requests to the same crawl. */
  onPage: (page: FetchedPage, crawl: { enqueue(requests: R[]): Promise<void> }) => Promise<void> | void;
  /** The crawl's summary, filled in here (stopped, backoffs, notAsked). */
  summary: CrawlSummary;
  /** The crawl's per-host queue: requests are added to it, closed on a stop, drained for a closed host. */
  hosts: HostQueue;
  /** crawlee's request for one of ours (called once per request actually queued). */
  toRequest: (req: R) => Request;
  /** The reason of a request crawlee dropped without calling a handler ("not fetched (...)"). */
  skippedReason: string;
  /** Called on a kill, after nothing more is reported and before the pool is aborted (the HTTP crawl aborts its got streams). */
  onKill?: () => void;
}

/** The crawler as the session runs it (HTTP or browser: crawlee's context types do not unify). */
interface SessionCrawler {
  run(): Promise<unknown>;
  autoscaledPool?: { abort(): Promise<void> };
}

export type CrawlSession<R extends SessionRequest> = ReturnType<typeof crawlSession<R>>;

/**
 * The bookkeeping shared by fetchPages() and renderPages(): each page reported once (to `onPage`,
 * whose throws are kept, not given to crawlee), the crawl's requests and hosts closed by a long
 * Retry-After, the stop and kill signals, and after the run, every request never reported: listed
 * as not asked when the crawl was stopped, else reported as an error.
 */
export function crawlSession<R extends SessionRequest>(options: CrawlSessionOptions<R>) {
  const { summary, hosts } = options;
  const settled = new Set<string>();
  /** When each request was first handed to the crawler, by key. */
  const started = new Map<string, number>();
  /** Every request of the crawl (given and enqueued), by key, in order. */
  const all = new Map<string, R>();
  const skippedByRobots = new Set<string>();
  /** Hosts not asked again in this crawl: paused by an earlier cycle, or by a long Retry-After now. */
  const closed = new Map<string, HostBackoff>();
  const now = Date.now();
  for (const backoff of options.pausedHosts ?? []) if (backoff.until > now) closed.set(backoff.host, backoff);
  /** Stopped: nothing new is asked; killed: nothing more is reported either. */
  let stopping = false;
  let killed = false;
  const recording = new Set<Promise<void>>();
  let callbackError: unknown = null;

  const finish = async (page: FetchedPage) => {
    if (killed || settled.has(page.key)) return;
    settled.add(page.key);
    const done = (async () => {
      try {
        await options.onPage(page, { enqueue });
      } catch (error) {
        // Not crawlee's business: a throw here would be taken for a failed fetch and retried.
        callbackError ??= error;
      }
    })();
    recording.add(done);
    await done;
    recording.delete(done);
  };
  const fail = (base: FetchedPage, error: FetchError) =>
    finish({ ...base, httpStatus: error.httpStatus ?? base.httpStatus, outcome: error.kind === 'blocked' ? 'blocked' : 'error', reason: error.message, errorKind: error.kind });
  const refuse = (req: SessionRequest, backoff: HostBackoff) =>
    finish({ ...pageBase(req.key, req.url, req.url, null, undefined), outcome: 'blocked', reason: pausedReason(backoff), errorKind: 'blocked' });

  /** A host asked for a long wait: kept by the caller at once; the rest of its requests are not asked in this crawl. */
  const closeHost = async (host: string, backoff: HostBackoff) => {
    if (!closed.has(host)) {
      closed.set(host, backoff);
      summary.backoffs.push(backoff);
      try {
        await options.onBackoff?.(backoff);
      } catch (error) {
        callbackError ??= error;
      }
    }
    for (const request of hosts.drain(host)) await refuse({ key: request.uniqueKey, url: request.url }, backoff);
  };

  async function enqueue(more: R[]) {
    for (const req of more) {
      if (settled.has(req.key) || started.has(req.key) || all.has(req.key)) continue;
      all.set(req.key, req);
      if (stopping) continue;
      const backoff = closed.get(hostOf(req.url));
      if (backoff) await refuse(req, backoff);
      else hosts.add(options.toRequest(req));
    }
  }

  /**
   * Runs `crawler` over `requests` (and what `onPage` adds) until it ends, is stopped or killed;
   * then reports what was never read. The caller tears the crawler down, then calls `result()`.
   */
  async function run(requests: R[], crawler: SessionCrawler): Promise<void> {
    const stop = () => {
      if (stopping) return;
      stopping = true;
      summary.stopped = true;
      hosts.close();
    };
    const unsubscribeStop = onAbort(options.signal, stop);
    const unsubscribeKill = onAbort(options.killSignal, () => {
      stop();
      killed = true;
      options.onKill?.();
      // run() returns now; requests in flight are left to the caller's own abort (got streams, the browser's teardown).
      void crawler.autoscaledPool?.abort();
    });

    // Hosts take turns from the start, so the first requests are spread over hosts, not config order.
    let crawlFailure: FetchError | null = null;
    try {
      await enqueue(requests);
      await crawler.run();
    } catch (error) {
      // A crawlee failure outside any request (each request's own failures reach its handlers):
      // the pages not read yet are reported with it, never the whole cycle.
      crawlFailure = new FetchError('transient', 'fetch.crawl-failed', `the crawl ended early: ${toFetchError(error).message}`, { cause: error });
    } finally {
      unsubscribeStop();
      unsubscribeKill();
      hosts.dispose();
    }
    // Pages being recorded as a kill came: their records are whole, and done before we return.
    await Promise.all([...recording]);
    for (const req of all.values()) {
      if (settled.has(req.key)) continue;
      if (stopping) {
        summary.notAsked.push(req.key);
        continue;
      }
      // Anything crawlee dropped without calling a handler (robots.txt, a skipped redirect) is an error.
      const base = pageBase(req.key, req.url, req.url, null, started.get(req.key));
      const why = crawlFailure ?? (skippedByRobots.has(req.url)
        ? new FetchError('permanent', 'fetch.robots', 'disallowed by robots.txt')
        : new FetchError('transient', 'fetch.skipped', options.skippedReason));
      await fail(base, why);
    }
  }

  /** The summary, or the first error `onPage`/`onBackoff` threw (after the crawl was let finish). */
  function result(): CrawlSummary {
    if (callbackError) throw callbackError;
    return summary;
  }

  return {
    started,
    skippedByRobots,
    /** The crawl was told to stop (or killed): nothing new is asked, nothing retried. */
    get stopping() {
      return stopping;
    },
    finish,
    fail,
    closeHost,
    enqueue,
    run,
    result,
  };
}

/** A page's fields before its outcome is known (an `error` with no reason yet). */
export function pageBase(key: string, url: string, finalUrl: string, status: number | null, startedAt: number | undefined): FetchedPage {
  return {
    key, url, finalUrl, outcome: 'error', httpStatus: status, reason: null, body: null, bytes: 0,
    etag: null, lastModified: null, durationMs: startedAt ? Date.now() - startedAt : 0,
  };
}
