import { PlaywrightCrawler, Configuration, NonRetryableError, Request, log, LogLevel, playwrightUtils, type PlaywrightCrawlingContext } from '@crawlee/playwright';
import { chromium } from 'playwright-core';
import type { Page, Response } from 'playwright-core';
import type { IRequestManager } from '@crawlee/core';
import type { BrowserOptions } from '../domain/config.js';
import type { Selector } from '../domain/source.js';
import { PolicyWatchError } from '../domain/errors.js';
import { pausedReason, type HostBackoff } from '../domain/host-backoff.js';
import { bodyFormat, retryAfterMs, MAX_BACKOFF_MS, type CrawlOptions, type CrawlSummary, type FetchedPage } from './fetch-pages.js';
import { HostQueue, hostOf } from './host-queue.js';
import { findBrowser } from './find-browser.js';

/** One page to render; `key` comes back with its result (the source id). */
export interface RenderRequest {
  key: string;
  url: string;
  /** The source's `select`: the page is ready when its first selector matches. Absent: network idle. */
  select?: string | Selector[];
}

export interface RenderOptions extends Omit<CrawlOptions, 'onPage'> {
  /** The browser to use (`browser.executablePath`); else Chromium found on the PATH. */
  browser?: BrowserOptions;
  /** Called as each page arrives, in arrival order; may add requests (rendered too) to the same crawl. */
  onPage: (page: FetchedPage, crawl: { enqueue(requests: RenderRequest[]): Promise<void> }) => Promise<void> | void;
  /** Stops the crawl: pages not read yet come back as `error` (cancelled) and the browser is closed. */
  signal?: AbortSignal;
  /** The PATH searched for a browser, default `process.env.PATH` (tests). */
  searchPath?: string;
}

/** Same classification as fetch-pages.ts: the site refused us. */
const BLOCKED_STATUSES = new Set([401, 403, 429, 999]);

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

/** What stopped a rendered page short of its content. */
class RenderError extends PolicyWatchError {
  constructor(message: string, readonly status: number | null = null) {
    super('render', message);
  }
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
 * browser), gives the same page shape as fetchPages(), so nothing after crawl/ knows which read a
 * page. One browser serves the whole call and is closed at its end. Per-host politeness, timeouts,
 * body limits and statuses are those of fetched pages; conditional requests do not apply (an
 * unchanged page is told by its body hash). With no browser found, every page is an `error` whose
 * reason says what to install or set, and nothing is launched.
 */
export async function renderPages(requests: RenderRequest[], options: RenderOptions): Promise<CrawlSummary> {
  const summary: CrawlSummary = { backoffs: [] };
  if (requests.length === 0) return summary;
  const browser = findBrowser({ executablePath: options.browser?.executablePath, path: options.searchPath });
  if (!browser.found || options.signal?.aborted) {
    await failAll(requests, browser.found ? 'check cancelled' : browser.reason, options.onPage);
    return summary;
  }
  // A browser that cannot start makes crawlee's pool throw where nothing catches it (crawlee 3.18:
  // an uncaught exception, the whole process ends): try it once first, and say why it failed.
  const unusable = await cannotLaunch(browser.executablePath, options.timeoutMs);
  if (unusable !== null) {
    await failAll(requests, unusable, options.onPage);
    return summary;
  }
  const settled = new Set<string>();
  const started = new Map<string, number>();
  const finish = async (page: FetchedPage) => {
    if (settled.has(page.key)) return;
    settled.add(page.key);
    await options.onPage(page, { enqueue });
  };
  const fail = (req: { key: string; url: string }, reason: string, outcome: 'error' | 'blocked' = 'error') =>
    finish({ ...pageBase(req.key, req.url, req.url, null, started.get(req.key)), outcome, reason });

  log.setLevel(LogLevel.OFF);
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  // As in fetch-pages.ts: crawlee's run() would arm a 1 s timer for an in-memory storage's teardown.
  const storage = config.getStorageClient() as { teardown?: () => Promise<void> };
  const teardownStorage = storage.teardown?.bind(storage);
  storage.teardown = undefined;
  const closed = new Map<string, HostBackoff>();
  const now = Date.now();
  for (const backoff of options.pausedHosts ?? []) if (backoff.until > now) closed.set(backoff.host, backoff);
  const selects = new Map<string, RenderRequest['select']>();

  const hosts: HostQueue = new HostQueue({
    maxConcurrency: options.perHost.maxConcurrency,
    delayMs: options.perHost.delayMs,
    maxRequestsPerMinute: options.maxRequestsPerMinute,
    onReady: () => void crawler.autoscaledPool?.notify(),
  });
  const closeHost = async (host: string, backoff: HostBackoff) => {
    if (!closed.has(host)) {
      closed.set(host, backoff);
      summary.backoffs.push(backoff);
    }
    for (const request of hosts.drain(host)) await fail({ key: request.uniqueKey, url: request.url }, pausedReason(backoff), 'blocked');
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
    onSkippedRequest: async ({ url, reason }) => {
      const request = requests.find((r) => r.url === url);
      if (request && reason === 'robotsTxt') await fail(request, 'disallowed by robots.txt');
    },
    preNavigationHooks: [
      async ({ request, page }, gotoOptions) => {
        hosts.started(request);
        started.set(request.uniqueKey, started.get(request.uniqueKey) ?? Date.now());
        // The document and its scripts are enough to start: the content is waited for after.
        if (gotoOptions) gotoOptions.waitUntil = 'domcontentloaded';
        await playwrightUtils.blockRequests(page, { urlPatterns: BLOCKED_RESOURCES });
      },
    ],
    postNavigationHooks: [
      async ({ request }) => {
        hosts.answered(request);
      },
    ],
    requestHandler: async ({ request, response, page }: PlaywrightCrawlingContext) => {
      const key = request.uniqueKey;
      const deadline = (started.get(key) ?? Date.now()) + options.timeoutMs;
      const status = response?.status() ?? null;
      const finalUrl = page.url() || request.url;
      const base = pageBase(key, request.url, finalUrl, status, started.get(key));
      if (!response || status === null) throw new RenderError('no answer to the page request');
      if (new URL(finalUrl).host !== new URL(request.url).host) {
        return finish({ ...base, outcome: 'error', reason: `redirect to another host refused: ${new URL(finalUrl).host}` });
      }
      if (BLOCKED_STATUSES.has(status) || status === 503) {
        const retryAfter = response.headers()['retry-after'] ?? null;
        const waitMs = retryAfter !== null && (status === 429 || status === 503) ? retryAfterMs(retryAfter, Date.now()) : null;
        if (waitMs !== null && waitMs > options.timeoutMs) {
          const host = hostOf(request.url);
          await closeHost(host, { host, until: Date.now() + Math.min(waitMs, MAX_BACKOFF_MS), reason: `HTTP ${status} Retry-After` });
        }
        if (BLOCKED_STATUSES.has(status)) {
          return finish({ ...base, outcome: 'blocked', reason: `HTTP ${status}${retryAfter ? ` (Retry-After ${retryAfter})` : ''}` });
        }
      }
      // A server error may pass: crawlee asks again up to fetch.maxRetries.
      if (status >= 500) throw new RenderError(`HTTP ${status}`, status);
      if (status < 200 || status >= 300) return finish({ ...base, outcome: 'error', reason: `HTTP ${status}` });
      const contentType = response.headers()['content-type'] ?? null;
      base.contentType = contentType?.split(';')[0]?.trim().toLowerCase() || null;
      if (base.contentType === 'application/pdf' || base.contentType === 'application/x-pdf') {
        const pdf = await response.body();
        if (pdf.length > options.maxBodyBytes) return finish({ ...base, outcome: 'error', reason: overLimit(pdf.length, options.maxBodyBytes) });
        return finish({ ...base, bytes: pdf.length, outcome: 'ok', pdf });
      }
      if (bodyFormat(contentType, Buffer.alloc(0)) === 'unsupported') {
        return finish({ ...base, outcome: 'error', reason: `unsupported content type ${base.contentType}` });
      }
      const waited = await waitForContent(page, selects.get(key), deadline);
      const body = await page.content();
      base.bytes = Buffer.byteLength(body);
      base.durationMs = Date.now() - (started.get(key) ?? Date.now());
      if (base.bytes > options.maxBodyBytes) return finish({ ...base, outcome: 'error', reason: overLimit(base.bytes, options.maxBodyBytes) });
      if (waited !== null) return finish({ ...base, outcome: 'error', reason: waited });
      // A shell whose scripts never drew its text is no version of the page.
      const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.trim() === '') return finish({ ...base, outcome: 'error', reason: 'the rendered page has no text (its scripts drew nothing)' });
      return finish({ ...base, outcome: 'ok', body });
    },
    failedRequestHandler: async ({ request, response }, error) => {
      const status = error instanceof RenderError ? error.status : (response as Response | undefined)?.status() ?? null;
      const base = pageBase(request.uniqueKey, request.url, request.loadedUrl ?? request.url, status, started.get(request.uniqueKey));
      await finish({ ...base, outcome: 'error', reason: describeError(error) });
    },
  }, config);
  crawler.useRequestManager(hosts);

  async function enqueue(more: RenderRequest[]) {
    for (const req of more) {
      if (settled.has(req.key) || selects.has(req.key)) continue;
      const backoff = closed.get(hostOf(req.url));
      if (backoff) {
        await fail(req, pausedReason(backoff), 'blocked');
        continue;
      }
      selects.set(req.key, req.select);
      hosts.add(new Request({ url: req.url, uniqueKey: req.key, userData: { key: req.key } }));
    }
  }

  const stop = () => {
    // crawlee's pool cannot be aborted from outside but by abort() (STACK.md); the browser closes in teardown.
    void crawler.autoscaledPool?.abort();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    await enqueue(requests);
    await crawler.run();
  } finally {
    options.signal?.removeEventListener('abort', stop);
    hosts.dispose();
    await crawler.teardown().catch(() => undefined);
    await teardownStorage?.();
  }
  const left = options.signal?.aborted ? 'check cancelled' : 'not rendered (skipped by the crawler)';
  for (const req of [...requests]) if (!settled.has(req.key)) await fail(req, left);
  return summary;
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
async function failAll(requests: RenderRequest[], reason: string, onPage: RenderOptions['onPage']): Promise<void> {
  const pending = [...requests];
  const seen = new Set<string>();
  const enqueue = async (more: RenderRequest[]) => { pending.push(...more); };
  for (let req = pending.shift(); req; req = pending.shift()) {
    if (seen.has(req.key)) continue;
    seen.add(req.key);
    await onPage({ ...pageBase(req.key, req.url, req.url, null, undefined), reason }, { enqueue });
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

function pageBase(key: string, url: string, finalUrl: string, status: number | null, startedAt: number | undefined): FetchedPage {
  return {
    key, url, finalUrl, outcome: 'error', httpStatus: status, reason: null, body: null, bytes: 0,
    etag: null, lastModified: null, durationMs: startedAt ? Date.now() - startedAt : 0,
  };
}

function overLimit(bytes: number, limit: number): string {
  return `rendered page of ${bytes} bytes is over fetch.maxBodyBytes (${limit})`;
}

function describeError(error: Error): string {
  if (error instanceof RenderError) return error.message;
  if (error instanceof NonRetryableError) return error.message;
  // Playwright's own errors carry a call log after the first line; the first line says it all.
  const first = error.message.replace(/^Detected a session error, rotating session\.\.\.\s*/, '').split('\n')[0]?.trim() || 'unknown error';
  if (error.name === 'TimeoutError') return `timeout: ${first}`;
  return first.slice(0, 300);
}
