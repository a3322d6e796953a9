import { Transform, pipeline, type TransformCallback } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import iconv from 'iconv-lite';
import { CheerioCrawler, Configuration, NonRetryableError, Request, RetryRequestError, log, LogLevel } from '@crawlee/cheerio';
import { load as loadCheerio, type CheerioAPI } from 'cheerio';
import type { FetchOptions } from '../domain/config.js';
import { pausedReason, type HostBackoff } from '../domain/host-backoff.js';
import type { IRequestManager } from '@crawlee/core';
import { HostQueue, hostOf } from './host-queue.js';

/** One URL to fetch; `key` comes back with its result (the source id). */
export interface FetchRequest {
  key: string;
  url: string;
  /** From the last answer, for a conditional request. */
  etag?: string | null;
  lastModified?: string | null;
}

/**
 * `ok`: a body to read. `not-modified`: a 304 to a conditional request.
 * `blocked`: the site refused us (999, 401, 403, 429). `error`: anything else that is not content.
 */
export type FetchOutcome = 'ok' | 'not-modified' | 'blocked' | 'error';

export interface FetchedPage {
  key: string;
  url: string;
  finalUrl: string;
  outcome: FetchOutcome;
  httpStatus: number | null;
  reason: string | null;
  /** Decoded to a string (charset from the header, else a meta tag, else UTF-8); only for an `ok` HTML or text page. */
  body: string | null;
  /** The bytes of an `ok` PDF document (then `body` is null). */
  pdf?: Buffer | null;
  /** The media type the server gave (`text/html`, `application/pdf`), lower-cased; null when none. */
  contentType?: string | null;
  bytes: number;
  etag: string | null;
  lastModified: string | null;
  durationMs: number;
}

export interface CrawlOptions extends FetchOptions {
  userAgent: string;
  /** Called as each page arrives, in arrival order; may add requests to the same crawl. */
  onPage: (page: FetchedPage, crawl: { enqueue(requests: FetchRequest[]): Promise<void> }) => Promise<void> | void;
  /** Hosts paused by an earlier cycle: their requests are recorded as blocked, never sent. */
  pausedHosts?: readonly HostBackoff[];
}

/** What a crawl learnt beyond its pages. */
export interface CrawlSummary {
  /** Hosts that asked, in this crawl, for a wait longer than `fetch.timeoutMs`: to remember. */
  backoffs: HostBackoff[];
}

/** The longest a host's Retry-After is remembered: a watcher must not go quiet for days on one answer. */
export const MAX_BACKOFF_MS = 24 * 3600_000;

const BLOCKED_STATUSES = new Set([401, 403, 429, 999]);

/**
 * crawlee's CheerioCrawler, except that the DOM is built only if something asks for `$`. Stock
 * CheerioCrawler parses every body into two DOMs before the handler runs, while an unchanged page
 * is only hashed here (bench: a third of an unchanged cycle's CPU went to that parse). The body
 * is not copied: `ByteLimit` keeps the raw bytes (see `rawBodies`), and a `$` asked for is built
 * from them. Nothing here asks for `$`: the extractor parses the decoded body itself.
 */
class PolicyCrawler extends CheerioCrawler {
  /** The raw bytes of a request's body, by unique key. */
  bodyOf: (key: string) => Buffer = () => Buffer.alloc(0);

  /**
   * Makes `manager` the source of requests. Set after construction: BasicCrawler takes a
   * `requestManager` option, but HttpCrawler's option check (crawlee 3.18) refuses it.
   */
  useRequestManager(manager: IRequestManager): void {
    this.requestManager = manager;
  }

  /** robots.txt's `Crawl-delay` for our user agent (else `*`) in ms, from crawlee's cached copy. */
  async crawlDelayMs(url: string): Promise<number | null> {
    const file = await this.getRobotsTxtFileForUrl(url);
    const robots = (file as unknown as { robots?: { getCrawlDelay?: (ua: string) => number | undefined } } | undefined)?.robots;
    const agent = typeof this.respectRobotsTxtFile === 'object' ? this.respectRobotsTxtFile.userAgent ?? '*' : '*';
    const seconds = robots?.getCrawlDelay?.(agent);
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
  }

  protected override async _parseHTML(response: IncomingMessage, _isXml: boolean, context: { request: { uniqueKey: string } }): Promise<never> {
    for await (const _chunk of response) {
      // Drained only: ByteLimit passes nothing on.
    }
    const key = context.request.uniqueKey;
    let $: CheerioAPI | null = null;
    const real = () => ($ ??= loadCheerio(this.bodyOf(key).toString('utf8')));
    // A callable stand-in: crawlee copies the context's fields, which would run a getter at once.
    const lazy$ = new Proxy(function lazyCheerio() {}, {
      apply: (_target, _this, args: unknown[]) => (real() as unknown as (...a: unknown[]) => unknown)(...args),
      get: (_target, prop) => (real() as unknown as Record<PropertyKey, unknown>)[prop],
    });
    return { dom: null, $: lazy$, body: '', enqueueLinks: async () => ({ processedRequests: [], unprocessedRequests: [] }) } as never;
  }
}

/**
 * Fetches every request once with crawlee's CheerioCrawler (lazy DOM), bounded by `fetch` options.
 * A fresh in-memory Configuration per call: a crawler on the global one fetches nothing on its
 * second run, and a shared request queue leaks memory in a long-lived daemon (STACK.md).
 */
export async function fetchPages(requests: FetchRequest[], options: CrawlOptions): Promise<CrawlSummary> {
  const summary: CrawlSummary = { backoffs: [] };
  if (requests.length === 0) return summary;
  log.setLevel(LogLevel.OFF);
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  // crawlee's run() arms a 1 s timer that it never clears whenever the storage client has a
  // teardown, which kept every `check` process alive a second after its last page. This storage
  // is in memory with nothing to flush: hide its teardown from run() and call it ourselves.
  const storage = config.getStorageClient() as { teardown?: () => Promise<void> };
  const teardownStorage = storage.teardown?.bind(storage);
  storage.teardown = undefined;
  const started = new Map<string, number>();
  const settled = new Set<string>();
  const skippedByRobots = new Set<string>();
  // The raw bytes as received, captured before crawlee decodes them, so a meta charset can be honoured.
  const rawBodies = new Map<string, Buffer[]>();
  /** Hosts not asked again in this crawl: paused by an earlier cycle, or by a long Retry-After now. */
  const closed = new Map<string, HostBackoff>();
  const now = Date.now();
  for (const backoff of options.pausedHosts ?? []) if (backoff.until > now) closed.set(backoff.host, backoff);

  const finish = async (page: FetchedPage) => {
    if (settled.has(page.key)) return;
    settled.add(page.key);
    await options.onPage(page, { enqueue });
  };
  const refuse = (req: { key: string; url: string }, backoff: HostBackoff) =>
    finish({ ...pageBase(req.key, req.url, req.url, null, undefined), outcome: 'blocked', reason: pausedReason(backoff) });
  const toRequest = (req: FetchRequest) => new Request({
    url: req.url,
    uniqueKey: req.key,
    userData: { key: req.key, etag: req.etag ?? null, lastModified: req.lastModified ?? null, origin: new URL(req.url).host },
  });

  // crawlee's pool asks the per-host queue for each request: overall concurrency is crawlee's,
  // the spacing and caps on each host are the queue's.
  const hosts: HostQueue = new HostQueue({
    maxConcurrency: options.perHost.maxConcurrency,
    delayMs: options.perHost.delayMs,
    maxRequestsPerMinute: options.maxRequestsPerMinute,
    onReady: () => void crawler.autoscaledPool?.notify(),
    hostDelayMs: options.respectRobotsTxt ? (url: string): Promise<number | null> => withTimeout(crawler.crawlDelayMs(url), options.timeoutMs) : undefined,
  });
  /** A host asked for a long wait: the rest of its requests are not asked in this crawl either. */
  const closeHost = async (host: string, backoff: HostBackoff) => {
    if (!closed.has(host)) {
      closed.set(host, backoff);
      summary.backoffs.push(backoff);
    }
    for (const request of hosts.drain(host)) await refuse({ key: request.uniqueKey, url: request.url }, backoff);
  };
  const crawler: PolicyCrawler = new PolicyCrawler({
    maxConcurrency: options.maxConcurrency,
    // Start at full concurrency: a cycle is short, the autoscaler's ramp-up would dominate it. And
    // HttpCrawler's own desiredConcurrency (10) would cap the pool below maxConcurrency.
    minConcurrency: options.maxConcurrency,
    autoscaledPoolOptions: {
      desiredConcurrency: options.maxConcurrency,
      // HttpCrawler's own pool options, which passing any replaces.
      snapshotterOptions: { eventLoopSnapshotIntervalSecs: 2, maxBlockedMillis: 100 },
      systemStatusOptions: { maxEventLoopOverloadedRatio: 0.7 },
    },
    // No maxRequestsPerMinute here: crawlee's is one budget for the whole crawl; the host queue keeps one per host.
    maxRequestRetries: options.maxRetries,
    // crawlee takes refused and reset connections for proxy ("session") errors: same retry budget.
    maxSessionRotations: options.maxRetries,
    navigationTimeoutSecs: options.timeoutMs / 1000,
    requestHandlerTimeoutSecs: Math.max(30, (options.timeoutMs / 1000) * 2),
    useSessionPool: false,
    persistCookiesPerSession: false,
    respectRobotsTxtFile: options.respectRobotsTxt ? { userAgent: options.userAgent } : false,
    onSkippedRequest: ({ url, reason }) => {
      if (reason === 'robotsTxt') skippedByRobots.add(url);
    },
    // Handled by us: LinkedIn's 999 is "blocked", not a server error to retry.
    ignoreHttpErrorStatusCodes: [999],
    // Every type reaches the handler, which reads HTML, text and PDF and names any other type
    // itself (crawlee's own refusal is a long message about its allowed list).
    additionalMimeTypes: ['*/*'],
    retryOnBlocked: false,
    statusMessageLoggingInterval: 3600,
    preNavigationHooks: [
      ({ request }, gotOptions) => {
        hosts.started(request);
        const data = request.userData as { etag: string | null; lastModified: string | null; origin: string };
        started.set(request.uniqueKey, started.get(request.uniqueKey) ?? Date.now());
        const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.8,*/*;q=0.5' };
        if (data.etag) headers['if-none-match'] = data.etag;
        if (data.lastModified) headers['if-modified-since'] = data.lastModified;
        gotOptions.headers = { ...gotOptions.headers, ...headers };
        (gotOptions as Record<string, unknown>).headerGeneratorOptions = undefined;
        (gotOptions as Record<string, unknown>).useHeaderGenerator = false;
        (gotOptions as Record<string, unknown>).http2 = false;
        gotOptions.hooks = {
          ...gotOptions.hooks,
          beforeRedirect: [
            (_opts: unknown, response: { headers: Record<string, string | string[] | undefined> }) => {
              const location = String(response.headers.location ?? '');
              const target = new URL(location, request.url);
              if (target.host !== data.origin) {
                throw new NonRetryableError(`redirect to another host refused: ${target.host}`);
              }
            },
          ],
        } as never;
      },
    ],
    postNavigationHooks: [
      async (context) => {
        const response = (context as unknown as { response: IncomingMessage & { url?: string } }).response;
        hosts.answered(context.request);
        await honourRetryAfter(context.request, response, options.timeoutMs, hosts, closeHost);
        const length = Number(response.headers['content-length']);
        if (Number.isFinite(length) && length > options.maxBodyBytes) {
          response.destroy();
          throw new NonRetryableError(`body of ${length} bytes is over fetch.maxBodyBytes (${options.maxBodyBytes})`);
        }
        // Stop a body without Content-Length as soon as it passes the limit.
        const limit = new ByteLimit(options.maxBodyBytes, () => response.destroy());
        rawBodies.set(context.request.uniqueKey, limit.chunks);
        // pipeline(), not pipe(): a body cut short or timed out must fail the read, not hang it.
        const limited = pipeline(response, limit, () => undefined);
        Object.assign(limited, { statusCode: response.statusCode, headers: response.headers, url: response.url });
        (context as unknown as { response: unknown }).response = limited;
      },
    ],
    requestHandler: async ({ request, response }) => {
      const key = request.uniqueKey;
      const status = response.statusCode ?? null;
      const headers = response.headers as Record<string, string | string[] | undefined>;
      const finalUrl = request.loadedUrl ?? request.url;
      const base = pageBase(key, request.url, finalUrl, status, started.get(key));
      const buffer = Buffer.concat(rawBodies.get(key) ?? []);
      rawBodies.delete(key);
      base.bytes = buffer.length;
      base.etag = header(headers, 'etag');
      base.lastModified = header(headers, 'last-modified');
      if (status === 304) return finish({ ...base, outcome: 'not-modified' });
      if (status !== null && BLOCKED_STATUSES.has(status)) {
        const retryAfter = header(headers, 'retry-after');
        return finish({ ...base, outcome: 'blocked', reason: `HTTP ${status}${retryAfter ? ` (Retry-After ${retryAfter})` : ''}` });
      }
      if (status === null || status < 200 || status >= 300) {
        return finish({ ...base, outcome: 'error', reason: `HTTP ${status}` });
      }
      if (new URL(finalUrl).host !== new URL(request.url).host) {
        return finish({ ...base, outcome: 'error', reason: `redirect to another host refused: ${new URL(finalUrl).host}` });
      }
      const contentType = header(headers, 'content-type');
      const format = bodyFormat(contentType, buffer);
      base.contentType = mediaType(contentType);
      if (format === 'pdf') return finish({ ...base, outcome: 'ok', pdf: buffer });
      if (format === 'unsupported') return finish({ ...base, outcome: 'error', reason: `unsupported content type ${base.contentType ?? 'application/octet-stream'}` });
      const text = decodeBody(buffer, contentType);
      if (text.trim() === '') return finish({ ...base, outcome: 'error', reason: 'empty body' });
      return finish({ ...base, outcome: 'ok', body: text });
    },
    failedRequestHandler: async ({ request, response }, error) => {
      const key = request.uniqueKey;
      const status = error instanceof RetryAfterRefused ? error.status : (response as { statusCode?: number } | undefined)?.statusCode ?? parseStatus(error.message);
      const base = pageBase(key, request.url, request.loadedUrl ?? request.url, status, started.get(key));
      const reason = error instanceof RetryAfterRefused ? error.message : describeError(error, status !== null && status >= 300 ? status : null);
      await finish({ ...base, outcome: status !== null && BLOCKED_STATUSES.has(status) ? 'blocked' : 'error', reason });
    },
  }, config);
  crawler.bodyOf = (key) => Buffer.concat(rawBodies.get(key) ?? []);
  crawler.useRequestManager(hosts);

  async function enqueue(more: FetchRequest[]) {
    for (const req of more) {
      if (settled.has(req.key) || started.has(req.key)) continue;
      const backoff = closed.get(hostOf(req.url));
      if (backoff) await refuse(req, backoff);
      else hosts.add(toRequest(req));
    }
  }

  // Hosts take turns from the start, so the first requests are spread over hosts, not config order.
  await enqueue(requests);
  try {
    await crawler.run();
  } finally {
    hosts.dispose();
  }
  // Anything crawlee dropped without calling a handler (robots.txt, a skipped redirect) is an error.
  for (const req of requests) {
    if (!settled.has(req.key)) {
      const reason = skippedByRobots.has(req.url) ? 'disallowed by robots.txt' : 'not fetched (skipped by the crawler)';
      await finish({ ...pageBase(req.key, req.url, req.url, null, started.get(req.key)), outcome: 'error', reason });
    }
  }
  await crawler.teardown?.();
  await teardownStorage?.();
  return summary;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, () => { clearTimeout(timer); resolve(null); });
  });
}

function pageBase(key: string, url: string, finalUrl: string, status: number | null, startedAt: number | undefined): FetchedPage {
  return {
    key, url, finalUrl, outcome: 'error', httpStatus: status, reason: null, body: null, bytes: 0,
    etag: null, lastModified: null, durationMs: startedAt ? Date.now() - startedAt : 0,
  };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  return Array.isArray(value) ? value[0] ?? null : value ?? null;
}

function parseStatus(message: string): number | null {
  const match = /^(\d{3}) - /.exec(message);
  return match ? Number(match[1]) : null;
}

function describeError(error: Error, status: number | null): string {
  if (status !== null) return `HTTP ${status}`;
  const message = error.message.replace(/^Detected a session error, rotating session\.\.\.\s*/, '').split('\n')[0]?.trim() || 'unknown error';
  if (/aborted pending request|premature close/i.test(message)) return `body cut short: the connection closed before the whole body arrived (${message})`;
  if (/ECONNRESET|socket hang up/i.test(message)) return `connection reset: ${message}`;
  if (/ENOTFOUND|EAI_AGAIN/i.test(message)) return `DNS failure: ${message}`;
  if (/ECONNREFUSED/i.test(message)) return `connection refused: ${message}`;
  if (/timed out|timeout/i.test(message)) return `timeout: ${message}`;
  if (/MaxRedirects|redirects|Redirected \d+ times/i.test(message)) return `too many redirects: ${message}`;
  return message.slice(0, 300);
}

function mediaType(contentType: string | null): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

/** Media types read as HTML (text and XML read as their text). */
const TEXT_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain', 'text/xml', 'application/xml']);

/**
 * How a body is read: `html`, `pdf`, or `unsupported` (JSON, images, archives...). A body
 * without a type, or sent as `application/octet-stream`, is judged by its first bytes.
 */
export function bodyFormat(contentType: string | null, body: Buffer): 'html' | 'pdf' | 'unsupported' {
  const type = mediaType(contentType);
  const pdf = body.subarray(0, 5).toString('latin1') === '%PDF-';
  if (type === 'application/pdf' || type === 'application/x-pdf') return 'pdf';
  if (type !== null && TEXT_TYPES.has(type)) return 'html';
  if (type === null || type === 'application/octet-stream') {
    if (pdf) return 'pdf';
    // Text has no NUL bytes; binary files nearly always do.
    return body.subarray(0, 1024).includes(0) ? 'unsupported' : 'html';
  }
  return 'unsupported';
}

/** The header's charset, else a `<meta charset>`, else UTF-8 (invalid bytes become U+FFFD). */
function decodeBody(buffer: Buffer, contentType: string | null): string {
  let charset = contentType ? /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() : undefined;
  if (!charset) {
    const head = buffer.subarray(0, 4096).toString('latin1');
    charset = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  }
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset)) {
    return iconv.decode(buffer, charset);
  }
  return buffer.toString('utf8');
}

/**
 * A 429 or 503 with `Retry-After` pauses its host (the other hosts go on). A wait no longer than
 * `fetch.timeoutMs` is waited out in the host queue and the URL asked once more (whatever
 * `maxRetries` says, since the server asked for it); a longer wait, or a second refusal, ends this
 * check without asking again, and a longer wait also closes the host for the rest of the crawl and
 * is reported, so the next cycles skip the host until then.
 */
async function honourRetryAfter(
  request: Request, response: IncomingMessage, timeoutMs: number, hosts: HostQueue,
  closeHost: (host: string, backoff: HostBackoff) => Promise<void>,
): Promise<void> {
  const status = response.statusCode ?? 0;
  const raw = header(response.headers as Record<string, string | string[] | undefined>, 'retry-after');
  if ((status !== 429 && status !== 503) || raw === null) return;
  const now = Date.now();
  const waitMs = retryAfterMs(raw, now);
  if (waitMs === null) return;
  response.destroy();
  const host = hostOf(request.url);
  hosts.pause(host, now + waitMs);
  if (waitMs <= timeoutMs && request.userData.waitedRetryAfter !== true) {
    request.userData.waitedRetryAfter = true;
    throw new RetryRequestError(`HTTP ${status}: waiting Retry-After ${raw}, then asking again`);
  }
  if (waitMs > timeoutMs) {
    await closeHost(host, { host, until: now + Math.min(waitMs, MAX_BACKOFF_MS), reason: `HTTP ${status} Retry-After` });
  }
  const why = request.userData.waitedRetryAfter === true ? 'refused again after waiting' : 'longer than fetch.timeoutMs';
  throw new RetryAfterRefused(status, `HTTP ${status} (Retry-After ${raw.trim()}${/^\d+$/.test(raw.trim()) ? ' s' : ''}: ${why}, not asked again in this check)`);
}

/** `Retry-After` as milliseconds from now: delay-seconds or an HTTP date; null when unreadable. */
export function retryAfterMs(value: string, now: number): number | null {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

class RetryAfterRefused extends NonRetryableError {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'RetryAfterRefused';
  }
}

/** Passes bytes through until a limit, then fails the stream so nothing more is read. */
class ByteLimit extends Transform {
  private seen = 0;
  readonly chunks: Buffer[] = [];
  constructor(private readonly limit: number, private readonly stopSource: () => void) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) {
      // Fail first, then stop the source: the other way round the read ends as "Premature close".
      callback(new BodyTooLargeError(this.limit));
      this.stopSource();
      return;
    }
    this.chunks.push(chunk);
    // Kept here, not passed on: the handler reads these raw bytes, and crawlee's own copy of the
    // body would be a second buffer per page that nothing reads.
    callback();
  }
}

class BodyTooLargeError extends NonRetryableError {
  constructor(limit: number) {
    super(`body over fetch.maxBodyBytes (${limit})`);
    this.name = 'BodyTooLargeError';
  }
}
