import type { IRequestManager, Request } from '@crawlee/core';

/** Politeness towards each hostname; every field is per host. */
export interface HostQueueOptions {
  /** Requests in flight at once on one host (`fetch.perHost.maxConcurrency`). */
  maxConcurrency: number;
  /** The least time between two request starts on one host (`fetch.perHost.delayMs`). */
  delayMs: number;
  /** Starts on one host in any 60 s (`fetch.maxRequestsPerMinute`). */
  maxRequestsPerMinute: number;
  /** Called when a request may have become ready (a delay or pause ran out): wake the crawler. */
  onReady: () => void;
  /**
   * A host's own least delay (robots.txt `Crawl-delay`), asked once before its first request;
   * the larger of it and `delayMs` applies. Null or a failure: `delayMs`.
   */
  hostDelayMs?: (url: string) => Promise<number | null>;
  /** A request crawlee gave back for a retry after `close()`: it will not be asked. */
  onReclaimedAfterClose?: (request: Request) => void;
  now?: () => number;
}

interface HostState {
  pending: Request[];
  /** Handed to crawlee and not yet marked handled or reclaimed. */
  inFlight: number;
  /** Handed out but not yet started (between the pool's fetch and the navigation hook). */
  notStarted: number;
  /** The last start (navigation), epoch ms. */
  lastStart: number;
  /** Starts within the last minute, oldest first. */
  starts: number[];
  pausedUntil: number;
  delayMs: number;
  /** False while its robots.txt Crawl-delay is being read. */
  ready: boolean;
}

const MINUTE_MS = 60_000;
// Starts are timed here, a moment before the request leaves; the server can see two of them a
// fraction of a millisecond closer than we did. A little slack keeps them at least `delay` apart there.
const SLACK_MS = 2;

/**
 * The per-host queue in front of crawlee: crawlee's pool asks it for the next request whenever it
 * has a free slot (overall concurrency stays crawlee's `maxConcurrency`), and it hands out only a
 * request whose host is free: fewer than `maxConcurrency` in flight there, its delay since the last
 * start passed, its per-minute budget not spent, and not paused. Hosts take turns (round robin), so
 * a slow or paused host holds back only its own requests, never a slot the others could use.
 *
 * It implements crawlee's `IRequestManager`: a request comes back here when crawlee retries it
 * (`reclaimRequest`, ahead of the host's other requests) and leaves when it is handled.
 */
export class HostQueue implements IRequestManager {
  private readonly hosts = new Map<string, HostState>();
  private readonly order: string[] = [];
  private cursor = 0;
  private total = 0;
  private handled = 0;
  private pendingCount = 0;
  private inFlightCount = 0;
  /** Requests handed out and not started yet, by unique key. */
  private readonly handedOut = new Set<string>();
  /** Closed by `close()`: nothing more is handed out, added or retried. */
  private closed = false;
  private wakeTime = Infinity;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly options: HostQueueOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Queues a request behind the others of its host. */
  add(request: Request): void {
    if (this.closed) throw new Error('HostQueue: add() after close()');
    const state = this.host(hostOf(request.url), request.url);
    state.pending.push(request);
    this.total++;
    this.pendingCount++;
    this.options.onReady();
  }

  /** No request to `host` starts before `until` (a short Retry-After, waited out in this cycle). */
  pause(host: string, until: number): void {
    const state = this.host(host, null);
    state.pausedUntil = Math.max(state.pausedUntil, until);
  }

  /** Takes every request still waiting for `host` out of the queue (they will not be asked). */
  drain(host: string): Request[] {
    const state = this.hosts.get(host);
    if (!state) return [];
    const taken = state.pending.splice(0);
    this.pendingCount -= taken.length;
    this.total -= taken.length;
    return taken;
  }

  /**
   * Hands out nothing more (a crawl told to stop): takes every waiting request out and returns
   * them; requests in flight end as usual, and the queue is finished once they have.
   */
  close(): Request[] {
    this.closed = true;
    const taken = [...this.hosts.keys()].flatMap((host) => this.drain(host));
    this.options.onReady();
    return taken;
  }

  /** Called as a request really starts (crawlee's navigation hook): its host's clocks start here. */
  started(request: Request): void {
    const state = this.hosts.get(hostOf(request.url));
    if (!state) return;
    if (this.handedOut.delete(request.uniqueKey)) state.notStarted--;
    const at = this.now();
    state.lastStart = at;
    state.starts.push(at);
  }

  /**
   * Called as a request's answer arrives (crawlee's post-navigation hook). Our clock at the start
   * is taken before the request leaves, and the process may be busy a few ms before it really does
   * (another page being hashed or stored): the server then sees the start later than we noted it,
   * and the next start closer than the delay. The answer is the latest the server can have seen
   * the start, so the delay counts from it when that is later (one request in flight: from its end).
   */
  answered(request: Request): void {
    const state = this.hosts.get(hostOf(request.url));
    if (state) state.lastStart = Math.max(state.lastStart, this.now());
  }

  /** The delay that applies to `host` (after robots.txt), for tests and the bench. */
  delayOf(host: string): number {
    return this.hosts.get(host)?.delayMs ?? this.options.delayMs;
  }

  /** Stops the wake-up timer: call when the crawl is over. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  // --- crawlee's IRequestManager ---

  async isFinished(): Promise<boolean> {
    return this.pendingCount === 0 && this.inFlightCount === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.pick(this.now(), false) === null;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.total;
  }

  getPendingCount(): number {
    return this.total - this.handled;
  }

  async fetchNextRequest<T>(): Promise<Request<T extends Record<string, unknown> ? T : never> | null> {
    const now = this.now();
    const host = this.pick(now, true);
    if (host === null) return null;
    const state = this.hosts.get(host)!;
    const request = state.pending.shift()!;
    this.pendingCount--;
    state.inFlight++;
    this.inFlightCount++;
    if (!this.handedOut.has(request.uniqueKey)) {
      this.handedOut.add(request.uniqueKey);
      state.notStarted++;
    }
    return request as never;
  }

  async markRequestHandled(request: Request): Promise<null> {
    this.release(request);
    this.handled++;
    return null;
  }

  async reclaimRequest(request: Request): Promise<null> {
    const state = this.release(request);
    // Closed: a retry is not asked; it counts as handled so the crawl can finish.
    if (this.closed) {
      this.handled++;
      this.options.onReclaimedAfterClose?.(request);
      this.options.onReady();
      return null;
    }
    // A retry goes first among its host's requests, still under the host's rules.
    state?.pending.unshift(request);
    this.pendingCount++;
    this.options.onReady();
    return null;
  }

  async addRequest(): Promise<never> {
    throw new Error('HostQueue: add requests with add()');
  }

  async addRequestsBatched(): Promise<never> {
    throw new Error('HostQueue: add requests with add()');
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (;;) {
      const request = await this.fetchNextRequest();
      if (!request) return;
      yield request;
    }
  }

  // --- the rules ---

  private host(host: string, url: string | null): HostState {
    let state = this.hosts.get(host);
    if (state) return state;
    state = { pending: [], inFlight: 0, notStarted: 0, lastStart: -Infinity, starts: [], pausedUntil: 0, delayMs: this.options.delayMs, ready: true };
    this.hosts.set(host, state);
    this.order.push(host);
    const ask = this.options.hostDelayMs;
    if (ask && url) {
      state.ready = false;
      const own = state;
      ask(url).catch(() => null).then((ms) => {
        if (ms !== null && Number.isFinite(ms) && ms > own.delayMs) own.delayMs = ms;
        own.ready = true;
        this.options.onReady();
      });
    }
    return state;
  }

  private release(request: Request): HostState | undefined {
    const state = this.hosts.get(hostOf(request.url));
    if (!state) return undefined;
    state.inFlight--;
    this.inFlightCount--;
    // Handed out but never started (robots.txt skipped it): it no longer holds its host back.
    if (this.handedOut.delete(request.uniqueKey)) state.notStarted--;
    return state;
  }

  /**
   * The next host (round robin from the cursor) whose first request may start now; with `take`, the
   * cursor moves past it. When none may, a timer wakes the crawler as soon as one will.
   */
  private pick(now: number, take: boolean): string | null {
    if (this.closed) return null;
    let soonest = Infinity;
    const count = this.order.length;
    for (let i = 0; i < count; i++) {
      const index = (this.cursor + i) % count;
      const host = this.order[index]!;
      const state = this.hosts.get(host)!;
      const at = this.readyAt(state, now);
      if (at <= now) {
        if (take) this.cursor = (index + 1) % count;
        return host;
      }
      if (at < soonest) soonest = at;
    }
    if (soonest < Infinity) this.wakeUpAt(soonest, now);
    return null;
  }

  /** When the host's next request may be handed out: now or earlier, later, or never (Infinity). */
  private readyAt(state: HostState, now: number): number {
    if (state.pending.length === 0 || !state.ready || state.inFlight >= this.options.maxConcurrency) return Infinity;
    // With a delay, one request at a time between hand-out and start: its start sets the clock.
    if (state.delayMs > 0 && state.notStarted > 0) return Infinity;
    let at = state.pausedUntil;
    if (state.delayMs > 0) at = Math.max(at, state.lastStart + state.delayMs + SLACK_MS);
    while (state.starts.length > 0 && state.starts[0]! <= now - MINUTE_MS) state.starts.shift();
    if (state.starts.length + state.notStarted >= this.options.maxRequestsPerMinute) {
      // The budget frees up when the oldest start of the window leaves it.
      const oldest = state.starts[state.starts.length + state.notStarted - this.options.maxRequestsPerMinute];
      at = Math.max(at, oldest === undefined ? Infinity : oldest + MINUTE_MS);
    }
    return at;
  }

  private wakeUpAt(at: number, now: number): void {
    if (this.timer && this.wakeTime <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.wakeTime = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wakeTime = Infinity;
      this.options.onReady();
    }, Math.max(0, at - now));
  }
}

/** The host a request counts against: the URL's hostname (`www.` and `fr.` are two hosts). */
export function hostOf(url: string): string {
  return new URL(url).hostname;
}
