import { PlaywrightCrawler, Configuration, Request, RetryRequestError, log, LogLevel, playwrightUtils, type PlaywrightCrawlingContext } from '@crawlee/playwright';
import { chromium } from 'playwright-core';
import type { Page, Request as BrowserRequest } from 'playwright-core';
import type { IRequestManager } from '@crawlee/core';
import type { BrowserOptions } from '../domain/config.js';
import type { Selector } from '../domain/source.js';
import { bodyFormat, honourRetryAfter, type CrawlOptions, type CrawlSummary, type FetchedPage } from './fetch-pages.js';
import { FetchError, statusError, statusKind, toFetchError } from './fetch-error.js';
import { isolateTasks } from './crawl-control.js';
import { crawlSession, pageBase } from './crawl-session.js';
import { HostQueue } from './host-queue.js';
import { findBrowser } from './find-browser.js';

/** One page to render; `key` comes back with its result (the source id). */
export interface RenderRequest {
  key: string;
  url: string;
  /** The source's `select`: the page is ready when its first selector matches. Absent: network idle. */
  select?: string | Selector[];
}

/** As for fetched pages (`signal`, `killSignal`, `onBackoff`, `pausedHosts`: see CrawlOptions). */
export interface RenderOptions extends Omit<CrawlOptions, 'onPage'> {
  /** The browser to use (`browser.executablePath`); else Chromium found on the PATH. */
  browser?: BrowserOptions;
  /** Called as each page arrives, in arrival order; may add requests (rendered too) to the same crawl. */
  onPage: (page: FetchedPage, crawl: { enqueue(requests: RenderRequest[]): Promise<void> }) => Promise<void> | void;
  /** The PATH searched for a browser, default `process.env.PATH` (tests). */
  searchPath?: string;
}

/**
 * Rendered pages at once, whatever `fetch.maxConcurrency` says: each is a Chromium tab (tens of MB
 * and a CPU-bound script run), and a cycle of a few hundred rendered pages is still minutes.
 */
const MAX_RENDER_CONCURRENCY = 4;

/** Images, media and fonts are never read: not loading them saves most of a page's bytes. */
const BLOCKED_RESOURCES = ['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif', '.ico', '.svg', '.woff', '.woff2', '.ttf', '.otf', '.mp4', '.webm', '.mp3'];

/**
 * Chromium's flags: no sandbox (Debian's Chromium as root refuses to start without it), and none
 * of its background traffic: on a closed network it keeps retrying closed connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];

/**
 * Chromium's network error names (a failed request's `failure().errorText`) as the system error
 * codes toFetchError() knows, so a rendered page's failure has the kind a fetched one would.
 */
const CHROMIUM_NET_ERRORS: Record<string, string> = {
  'net::ERR_CONNECTION_REFUSED': 'ECONNREFUSED',
  'net::ERR_CONNECTION_RESET': 'ECONNRESET',
  'net::ERR_CONNECTION_CLOSED': 'ECONNRESET',
  'net::ERR_EMPTY_RESPONSE': 'ECONNRESET',
  'net::ERR_CONNECTION_ABORTED': 'ECONNABORTED',
  'net::ERR_TIMED_OUT': 'ETIMEDOUT',
  'net::ERR_CONNECTION_TIMED_OUT': 'ETIMEDOUT',
  'net::ERR_NAME_NOT_RESOLVED': 'ENOTFOUND',
  'net::ERR_ADDRESS_UNREACHABLE': 'EHOSTUNREACH',
  'net::ERR_INTERNET_DISCONNECTED': 'ENETUNREACH',
  'net::ERR_NETWORK_CHANGED': 'ENETUNREACH',
  'net::ERR_TOO_MANY_REDIRECTS': 'ERR_TOO_MANY_REDIRECTS',
  'net::ERR_ABORTED': 'ERR_ABORTED',
};

/**
 * Statuses crawlee's local proxy (proxy-chain, which carries the browser's traffic) answers when
 * it could not reach the site, as the system error codes they stand for: no site was reached, so
 * they are network failures, not the site's HTTP status.
 */
const PROXY_STATUSES: Record<number, string> = { 593: 'ENOTFOUND', 594: 'ECONNREFUSED', 595: 'ECONNRESET', 596: 'EPIPE' };

/** The network failure behind a status of the local proxy, else null. */
function proxyFailure(status: number | null | undefined, url: string): FetchError | null {
  const code = status == null ? undefined : PROXY_STATUSES[status];
  return code === undefined ? null : toFetchError(Object.assign(new Error(new URL(url).host), { code }));
}

/**
 * Makes `manager` the source of requests: BrowserCrawler's option check (crawlee 3.18) refuses a
 * `requestManager` option, as HttpCrawler's does (see fetch-pages.ts).
 */
class RenderCrawler extends PlaywrightCrawler {
  useRequestManager(manager: IRequestManager): void {
    this.requestManager = manager;
  }
}

/**
 * Renders every request once in headless Chromium (crawlee's PlaywrightCrawler, the machine's own
 * browser), gives the same page shape and summary as fetchPages(), so nothing after crawl/ knows
 * which read a page. One browser serves the whole call and is closed at its end. Per-host
 * politeness, timeouts, body limits, statuses, Retry-After and the stop and kill signals are those
 * of fetched pages; conditional requests do not apply (an unchanged page is told by its body
 * hash). With no browser found, every page is an `error` whose reason says what to install or set,
 * and nothing is launched.
 */
export async function renderPages(requests: RenderRequest[], options: RenderOptions): Promise<CrawlSummary> {
  const summary: CrawlSummary = { backoffs: [], notAsked: [], stopped: false };
  if (requests.length === 0) return summary;
  const cancelled = () => options.signal?.aborted === true || options.killSignal?.aborted === true;
  /** Told to stop before the browser was asked for: nothing is launched, nothing reported. */
  const notStarted = () => {
    summary.stopped = true;
    summary.notAsked.push(...new Set(requests.map((r) => r.key)));
    return summary;
  };
  if (cancelled()) return notStarted();
  const browser = findBrowser({ executablePath: options.browser?.executablePath, path: options.searchPath });
  if (!browser.found) {
    await failAll(requests, new FetchError('permanent', 'fetch.no-browser', browser.reason), options.onPage);
    return summary;
  }
  // A browser that cannot start makes crawlee's pool throw where nothing catches it (crawlee 3.18:
  // an uncaught exception, the whole process ends): try it once first, and say why it failed.
  const unusable = await cannotLaunch(browser.executablePath, options.timeoutMs);
  if (unusable !== null) {
    await failAll(requests, new FetchError('permanent', 'fetch.browser-failed', unusable), options.onPage);
    return summary;
  }
  if (cancelled()) return notStarted();

  /** Per request, this attempt: the network error Chromium gave the page's document, if any. */
  const netErrors = new Map<string, string>();

  log.setLevel(LogLevel.OFF);
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  // As in fetch-pages.ts: crawlee's run() would arm a 1 s timer for an in-memory storage's teardown.
  const storage = config.getStorageClient() as { teardown?: () => Promise<void> };
  const teardownStorage = storage.teardown?.bind(storage);
  storage.teardown = undefined;
  const selects = new Map<string, RenderRequest['select']>();

  const hosts: HostQueue = new HostQueue({
    maxConcurrency: options.perHost.maxConcurrency,
    delayMs: options.perHost.delayMs,
    maxRequestsPerMinute: options.maxRequestsPerMinute,
    onReady: () => void crawler.autoscaledPool?.notify(),
  });
  const session = crawlSession<RenderRequest>({
    ...options, summary, hosts,
    toRequest: (req) => {
      selects.set(req.key, req.select);
      return new Request({ url: req.url, uniqueKey: req.key, userData: { key: req.key } });
    },
    skippedReason: 'not rendered (skipped by the crawler)',
    // Nothing of ours to abort: the tabs in flight are closed with the browser below, their pages unreported.
  });
  const { started, skippedByRobots, finish, fail, closeHost } = session;
  /** The failure a request's attempt ended with: ours, else what Chromium said of the document, else the error's own. */
  const failureOf = (request: Request, error: unknown): FetchError => {
    if (error instanceof FetchError) return error;
    if (error instanceof Error && error.name === 'TimeoutError') {
      return new FetchError('transient', 'fetch.timeout', `timeout: ${firstLine(error)}`, { cause: error });
    }
    const net = netErrors.get(request.uniqueKey);
    const code = net === undefined ? undefined : CHROMIUM_NET_ERRORS[net];
    if (net !== undefined && code !== undefined) return toFetchError(Object.assign(new Error(net), { code }));
    return toFetchError(error);
  };
  const concurrency = Math.min(options.maxConcurrency, MAX_RENDER_CONCURRENCY);
  const crawler: RenderCrawler = new RenderCrawler({
    launchContext: {
      launcher: chromium,
      userAgent: options.userAgent,
      // Tabs of one context: a context per page cost ~30% more time per cycle here. Nothing is
      // kept between cycles (a fresh browser each), and each host sees only its own cookies.
      useIncognitoPages: false,
      // crawlee's browser pool sends the browser's traffic through a local proxy (proxy-chain) in
      // this process; going around it (a bypass-all rule) measured no faster here, so it stays.
      launchOptions: { executablePath: browser.executablePath, headless: true, args: CHROMIUM_ARGS },
    },
    // One browser for the whole crawl, ours as it is: no fingerprint scripts, our user agent.
    browserPoolOptions: { useFingerprints: false, retireBrowserAfterPageCount: 1_000_000, maxOpenPagesPerBrowser: concurrency },
    maxConcurrency: concurrency,
    // As in fetch-pages.ts: a cycle is short, the autoscaler's ramp-up (and its backing off on a
    // busy CPU, which a browser always makes) would hold it at one tab.
    minConcurrency: concurrency,
    autoscaledPoolOptions: { desiredConcurrency: concurrency },
    maxRequestRetries: options.maxRetries,
    maxSessionRotations: options.maxRetries,
    navigationTimeoutSecs: options.timeoutMs / 1000,
    // Navigation is counted apart by BrowserCrawler; this is the wait for content and the read.
    requestHandlerTimeoutSecs: Math.max(30, (options.timeoutMs / 1000) * 2),
    useSessionPool: false,
    persistCookiesPerSession: false,
    retryOnBlocked: false,
    statusMessageLoggingInterval: 3600,
    respectRobotsTxtFile: options.respectRobotsTxt ? { userAgent: options.userAgent } : false,
    onSkippedRequest: ({ url, reason }) => {
      if (reason === 'robotsTxt') skippedByRobots.add(url);
    },
    preNavigationHooks: [
      async ({ request, page }, gotoOptions) => {
        hosts.started(request);
        const key = request.uniqueKey;
        netErrors.delete(key);
        // Handed out just before a stop: not asked (it stays unreported, like the queue's others).
        if (session.stopping) throw new FetchError('transient', 'fetch.stopped', 'the check was stopped before this page was asked', { retry: false });
        started.set(key, started.get(key) ?? Date.now());
        page.on('requestfailed', (failed: BrowserRequest) => {
          const errorText = failed.failure()?.errorText;
          if (errorText && failed.isNavigationRequest() && failed.frame() === page.mainFrame()) netErrors.set(key, errorText);
        });
        // The document and its scripts are enough to start: the content is waited for after.
        if (gotoOptions) gotoOptions.waitUntil = 'domcontentloaded';
        await playwrightUtils.blockRequests(page, { urlPatterns: BLOCKED_RESOURCES });
      },
    ],
    postNavigationHooks: [
      async ({ request, response }) => {
        hosts.answered(request);
        if (!response) return;
        const answer = { status: response.status(), retryAfter: response.headers()['retry-after'] ?? null, release: () => undefined };
        await honourRetryAfter(request, answer, options.timeoutMs, hosts, closeHost);
      },
    ],
    requestHandler: async ({ request, response, page }: PlaywrightCrawlingContext) => {
      const key = request.uniqueKey;
      const deadline = (started.get(key) ?? Date.now()) + options.timeoutMs;
      const status = response?.status() ?? null;
      const finalUrl = page.url() || request.url;
      const base = pageBase(key, request.url, finalUrl, status, started.get(key));
      if (!response || status === null) throw new FetchError('transient', 'fetch.no-status', 'no answer to the page request');
      const unreached = proxyFailure(status, request.url);
      if (unreached) throw unreached;
      const kind = statusKind(status);
      if (kind === 'blocked') {
        const retryAfter = response.headers()['retry-after'];
        return fail(base, statusError(status, retryAfter ? ` (Retry-After ${retryAfter})` : ''));
      }
      // A 5xx is thrown, so crawlee asks again within fetch.maxRetries.
      if (kind === 'transient') throw statusError(status);
      if (kind === 'permanent') return fail(base, statusError(status));
      if (new URL(finalUrl).host !== new URL(request.url).host) {
        return fail(base, new FetchError('permanent', 'fetch.redirect-refused', `redirect to another host refused: ${new URL(finalUrl).host}`));
      }
      const contentType = response.headers()['content-type'] ?? null;
      base.contentType = contentType?.split(';')[0]?.trim().toLowerCase() || null;
      if (base.contentType === 'application/pdf' || base.contentType === 'application/x-pdf') {
        const pdf = await response.body();
        if (pdf.length > options.maxBodyBytes) return fail(base, overLimit(pdf.length, options.maxBodyBytes));
        return finish({ ...base, bytes: pdf.length, outcome: 'ok', pdf });
      }
      if (bodyFormat(contentType, Buffer.alloc(0)) === 'unsupported') {
        return fail(base, new FetchError('permanent', 'fetch.unsupported-type', `unsupported content type ${base.contentType}`));
      }
      const waited = await waitForContent(page, selects.get(key), deadline);
      const body = await page.content();
      base.bytes = Buffer.byteLength(body);
      base.durationMs = Date.now() - (started.get(key) ?? Date.now());
      if (base.bytes > options.maxBodyBytes) return fail(base, overLimit(base.bytes, options.maxBodyBytes));
      // Scripts that did not draw in time may draw next time (a slow API); a selector gone for good shows as repeated failures.
      if (waited !== null) return fail(base, new FetchError('transient', 'fetch.not-drawn', waited, { retry: false }));
      // A shell whose scripts never drew its text is no version of the page.
      const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.trim() === '') return fail(base, new FetchError('transient', 'fetch.not-drawn', 'the rendered page has no text (its scripts drew nothing)', { retry: false }));
      return finish({ ...base, outcome: 'ok', body });
    },
    // As in fetch-pages.ts: asking again is decided by the failure's kind, never by its message,
    // and nothing is asked again once the crawl is told to stop.
    errorHandler: async ({ request }, error) => {
      if (session.stopping || (!(error instanceof RetryRequestError) && !failureOf(request, error).retry)) request.noRetry = true;
    },
    failedRequestHandler: async ({ request, response }, error) => {
      const key = request.uniqueKey;
      const failure = failureOf(request, error);
      if (failure.code === 'fetch.stopped') return;
      const answered = response?.status();
      const status = failure.httpStatus ?? (proxyFailure(answered, request.url) ? null : answered ?? null);
      await fail(pageBase(key, request.url, request.loadedUrl ?? request.url, status, started.get(key)), failure);
    },
  }, config);
  crawler.useRequestManager(hosts);
  isolateTasks(crawler);

  await session.run(requests, crawler);
  // Closes the browser, and with it any tab a kill left open.
  await crawler.teardown().catch(() => undefined);
  await teardownStorage?.().catch(() => undefined);
  return session.result();
}

/** Why Chromium at `executablePath` does not start headless, or null when it does (then it is closed again). */
async function cannotLaunch(executablePath: string, timeoutMs: number): Promise<string | null> {
  try {
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: Math.max(timeoutMs, 10_000) });
    await browser.close();
    return null;
  } catch (error) {
    const first = (error as Error).message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
    return `browser ${executablePath} did not start: ${first.slice(0, 200)}; install chromium (apt-get install chromium) or set browser.executablePath`;
  }
}

/** Every request (and any a page's handler adds, a blog's posts) is an `error` for one reason: nothing is launched. */
async function failAll(requests: RenderRequest[], error: FetchError, onPage: RenderOptions['onPage']): Promise<void> {
  const pending = [...requests];
  const seen = new Set<string>();
  const enqueue = async (more: RenderRequest[]) => { pending.push(...more); };
  for (let req = pending.shift(); req; req = pending.shift()) {
    if (seen.has(req.key)) continue;
    seen.add(req.key);
    await onPage({ ...pageBase(req.key, req.url, req.url, null, undefined), reason: error.message, errorKind: error.kind }, { enqueue });
  }
}

/**
 * Waits until the page shows its content: the source's first selector, else network idle, until
 * `deadline`. Returns why the content never came (a selector that never matched), else null. A
 * page still busy on the network at the deadline is read as it is (long polling never idles).
 */
async function waitForContent(page: Page, select: RenderRequest['select'], deadline: number): Promise<string | null> {
  const timeout = Math.max(500, deadline - Date.now());
  const selector = firstSelector(select);
  if (selector !== null) {
    try {
      await page.waitForSelector(selector, { state: 'attached', timeout });
      return null;
    } catch {
      return `the rendered page never showed "${selector}" (waited ${timeout} ms after load)`;
    }
  }
  await page.waitForLoadState('networkidle', { timeout }).catch(() => undefined);
  return null;
}

/** The selector that marks a page as drawn: the first of `select` (a range's start). */
export function firstSelector(select: RenderRequest['select']): string | null {
  if (select === undefined) return null;
  const first = Array.isArray(select) ? select[0] : select;
  if (first === undefined) return null;
  if (typeof first === 'string') return first;
  return first.startBefore ?? first.startAfter ?? null;
}

function overLimit(bytes: number, limit: number): FetchError {
  return new FetchError('permanent', 'fetch.body-too-large', `rendered page of ${bytes} bytes is over fetch.maxBodyBytes (${limit})`);
}

function firstLine(error: Error): string {
  return error.message.split('\n').map((line) => line.trim()).find((line) => line !== '')?.slice(0, 300) ?? 'unknown error';
}
