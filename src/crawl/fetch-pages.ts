import { Transform, pipeline, type TransformCallback } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import iconv from 'iconv-lite';
import { CheerioCrawler, Configuration, Request, RetryRequestError, log, LogLevel } from '@crawlee/cheerio';
import { load as loadCheerio, type CheerioAPI } from 'cheerio';
import type { FetchOptions } from '../domain/config.js';
import type { HostBackoff } from '../domain/host-backoff.js';
import type { IRequestManager } from '@crawlee/core';
import { HostQueue, hostOf } from './host-queue.js';
import { FetchError, statusError, statusKind, toFetchError, type FetchErrorKind } from './fetch-error.js';
import { isolateTasks, type CrawlSignals } from './crawl-control.js';
import { crawlSession, pageBase } from './crawl-session.js';

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
 * `blocked`: the site refused us (999, 401, 403, 429). `error`: anything else that is not content
 * (`errorKind` says whether it is `transient` or `permanent`).
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
  /** For `blocked` and `error`: the kind of the failure (a `blocked` page is always `blocked`). */
  errorKind?: FetchErrorKind | null;
}

export interface CrawlOptions extends FetchOptions, CrawlSignals {
  userAgent: string;
  /** Called as each page arrives, in arrival order; may add requests to the same crawl. */
  onPage: (page: FetchedPage, crawl: { enqueue(requests: FetchRequest[]): Promise<void> }) => Promise<void> | void;
  /** Hosts paused by an earlier cycle: their requests are recorded as blocked, never sent. */
  pausedHosts?: readonly HostBackoff[];
  /**
   * Called as soon as a host asks for a wait longer than `fetch.timeoutMs`, before its other
   * pages are reported: the caller stores it then, so a crash later in the crawl keeps the pause.
   */
  onBackoff?: (backoff: HostBackoff) => Promise<void> | void;
}

/** What a crawl learnt beyond its pages. */
export interface CrawlSummary {
  /** Hosts that asked, in this crawl, for a wait longer than `fetch.timeoutMs` (each also given to `onBackoff`). */
  backoffs: HostBackoff[];
  /** Keys of requests not reported because the crawl was stopped or killed first. */
  notAsked: string[];
  /** The crawl was told to stop (or killed) before it had asked everything. */
  stopped: boolean;
}

/** The longest a host's Retry-After is remembered: a watcher must not go quiet for days on one answer. */
export const MAX_BACKOFF_MS = 24 * 3600_000;

/** 5xx reach our handler (not crawlee's, which says them in an Error message only): read there as transient failures. */
const SERVER_ERRORS = Array.from({ length: 100 }, (_, i) => 500 + i);

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
  const summary: CrawlSummary = { backoffs: [], notAsked: [], stopped: false };
  if (requests.length === 0) return summary;
  log.setLevel(LogLevel.OFF);
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  // crawlee's run() arms a 1 s timer that it never clears whenever the storage client has a
  // teardown, which kept every `check` process alive a second after its last page. This storage
  // is in memory with nothing to flush: hide its teardown from run() and call it ourselves.
  const storage = config.getStorageClient() as { teardown?: () => Promise<void> };
  const teardownStorage = storage.teardown?.bind(storage);
  storage.teardown = undefined;
  // The raw bytes as received, captured before crawlee decodes them, so a meta charset can be honoured.
  const rawBodies = new Map<string, Buffer[]>();
  /** Per request, this attempt: the error got met (crawlee re-wraps some, losing their code), and whether headers arrived. */
  const networkErrors = new Map<string, unknown>();
  const answered = new Map<string, number | null>();
  /** Aborts the got streams in flight on a kill. */
  const kill = new AbortController();
  const toRequest = (req: FetchRequest) => new Request({
    url: req.url,
    uniqueKey: req.key,
    userData: { key: req.key, etag: req.etag ?? null, lastModified: req.lastModified ?? null, origin: new URL(req.url).host },
  });

  // crawlee's pool asks the per-host queue for each request: overall concurrency is crawlee's,
  // the spacing and caps on each host are the queue's. A request waits for its host here, never
  // inside a handler, so no waiting counts against crawlee's handler timeout.
  const hosts: HostQueue = new HostQueue({
    maxConcurrency: options.perHost.maxConcurrency,
    delayMs: options.perHost.delayMs,
    maxRequestsPerMinute: options.maxRequestsPerMinute,
    onReady: () => void crawler.autoscaledPool?.notify(),
    hostDelayMs: options.respectRobotsTxt ? (url: string): Promise<number | null> => withTimeout(crawler.crawlDelayMs(url), options.timeoutMs) : undefined,
  });
  const session = crawlSession<FetchRequest>({
    ...options, summary, hosts, toRequest,
    skippedReason: 'not fetched (skipped by the crawler)',
    // Requests in flight are left to their aborted got streams.
    onKill: () => kill.abort(),
  });
  const { started, skippedByRobots, finish, fail, closeHost } = session;
  /** The failure a request's attempt ended with, from the error itself or what got met on the way. */
  const failureOf = (request: Request, error: unknown): FetchError => {
    const key = request.uniqueKey;
    return error instanceof FetchError ? error : toFetchError(networkErrors.get(key) ?? error, { answered: answered.has(key), httpStatus: answered.get(key) ?? null });
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
    // got's own timeout (`timeoutMs`, set per request below) covers the answer and its body and
    // says ETIMEDOUT; crawlee's is a backstop a second later.
    navigationTimeoutSecs: options.timeoutMs / 1000 + 1,
    // The handler only reads the body (got's timeout bounds it) and records the page.
    requestHandlerTimeoutSecs: Math.max(30, (options.timeoutMs / 1000) * 2),
    useSessionPool: false,
    persistCookiesPerSession: false,
    respectRobotsTxtFile: options.respectRobotsTxt ? { userAgent: options.userAgent } : false,
    onSkippedRequest: ({ url, reason }) => {
      if (reason === 'robotsTxt') skippedByRobots.add(url);
    },
    // Handled by us: LinkedIn's 999 is "blocked"; a 5xx is read by its status, not by crawlee's message.
    ignoreHttpErrorStatusCodes: [999, ...SERVER_ERRORS],
    // Every type reaches the handler, which reads HTML, text and PDF and names any other type
    // itself (crawlee's own refusal is a long message about its allowed list).
    additionalMimeTypes: ['*/*'],
    retryOnBlocked: false,
    statusMessageLoggingInterval: 3600,
    preNavigationHooks: [
      ({ request }, gotOptions) => {
        hosts.started(request);
        const key = request.uniqueKey;
        networkErrors.delete(key);
        answered.delete(key);
        // Handed out just before a stop: not asked (it stays unreported, like the queue's others).
        if (session.stopping) throw new FetchError('transient', 'fetch.stopped', 'the check was stopped before this page was asked', { retry: false });
        const data = request.userData as { etag: string | null; lastModified: string | null; origin: string };
        started.set(key, started.get(key) ?? Date.now());
        const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.8,*/*;q=0.5' };
        if (data.etag) headers['if-none-match'] = data.etag;
        if (data.lastModified) headers['if-modified-since'] = data.lastModified;
        gotOptions.headers = { ...gotOptions.headers, ...headers };
        (gotOptions as Record<string, unknown>).headerGeneratorOptions = undefined;
        (gotOptions as Record<string, unknown>).useHeaderGenerator = false;
        (gotOptions as Record<string, unknown>).http2 = false;
        (gotOptions as Record<string, unknown>).timeout = { request: options.timeoutMs };
        (gotOptions as Record<string, unknown>).signal = kill.signal;
        gotOptions.hooks = {
          ...gotOptions.hooks,
          beforeRedirect: [
            (_opts: unknown, response: { headers: Record<string, string | string[] | undefined> }) => {
              const location = String(response.headers.location ?? '');
              const target = new URL(location, request.url);
              if (target.host !== data.origin) {
                throw new FetchError('permanent', 'fetch.redirect-refused', `redirect to another host refused: ${target.host}`);
              }
            },
          ],
          beforeError: [
            (error: Error) => {
              networkErrors.set(key, error);
              return error;
            },
          ],
        } as never;
      },
    ],
    postNavigationHooks: [
      async (context) => {
        const response = (context as unknown as { response: IncomingMessage & { url?: string } }).response;
        hosts.answered(context.request);
        answered.set(context.request.uniqueKey, response.statusCode ?? null);
        const retryAfter = { status: response.statusCode ?? 0, retryAfter: header(response.headers as Record<string, string | string[] | undefined>, 'retry-after'), release: () => response.destroy() };
        await honourRetryAfter(context.request, retryAfter, options.timeoutMs, hosts, closeHost);
        const length = Number(response.headers['content-length']);
        if (Number.isFinite(length) && length > options.maxBodyBytes) {
          response.destroy();
          throw new FetchError('permanent', 'fetch.body-too-large', `body of ${length} bytes is over fetch.maxBodyBytes (${options.maxBodyBytes})`, { httpStatus: response.statusCode });
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
      if (status === null) return fail(base, new FetchError('transient', 'fetch.no-status', 'no HTTP status in the answer'));
      const kind = statusKind(status);
      if (kind === 'blocked') {
        const retryAfter = header(headers, 'retry-after');
        return fail(base, statusError(status, retryAfter ? ` (Retry-After ${retryAfter})` : ''));
      }
      // A 5xx is thrown, so crawlee asks again within fetch.maxRetries.
      if (kind === 'transient') throw statusError(status);
      if (kind === 'permanent') return fail(base, statusError(status));
      if (new URL(finalUrl).host !== new URL(request.url).host) {
        return fail(base, new FetchError('permanent', 'fetch.redirect-refused', `redirect to another host refused: ${new URL(finalUrl).host}`));
      }
      const contentType = header(headers, 'content-type');
      const format = bodyFormat(contentType, buffer);
      base.contentType = mediaType(contentType);
      if (format === 'pdf') return finish({ ...base, outcome: 'ok', pdf: buffer });
      if (format === 'unsupported') return fail(base, new FetchError('permanent', 'fetch.unsupported-type', `unsupported content type ${base.contentType ?? 'application/octet-stream'}`));
      const text = decodeBody(buffer, contentType);
      if (text.trim() === '') return fail(base, new FetchError('permanent', 'fetch.empty-body', 'empty body'));
      return finish({ ...base, outcome: 'ok', body: text });
    },
    // Decides, before crawlee retries, whether asking again may help: by the failure's kind, never
    // by its message. Nothing is asked again once the crawl is told to stop.
    errorHandler: async ({ request }, error) => {
      if (session.stopping || (!(error instanceof RetryRequestError) && !failureOf(request, error).retry)) request.noRetry = true;
    },
    failedRequestHandler: async ({ request, response }, error) => {
      const key = request.uniqueKey;
      const failure = failureOf(request, error);
      if (failure.code === 'fetch.stopped') return;
      const status = failure.httpStatus ?? (response as { statusCode?: number } | undefined)?.statusCode ?? null;
      await fail(pageBase(key, request.url, request.loadedUrl ?? request.url, status, started.get(key)), failure);
    },
  }, config);
  crawler.bodyOf = (key) => Buffer.concat(rawBodies.get(key) ?? []);
  crawler.useRequestManager(hosts);
  isolateTasks(crawler);

  await session.run(requests, crawler);
  await crawler.teardown?.().catch(() => undefined);
  await teardownStorage?.().catch(() => undefined);
  return session.result();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, () => { clearTimeout(timer); resolve(null); });
  });
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  return Array.isArray(value) ? value[0] ?? null : value ?? null;
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
 * is handed to `closeHost` at once (to be stored), so the next cycles skip the host until then.
 * Shared by fetched and rendered pages; `release` drops the answer's body when it will not be read.
 */
export async function honourRetryAfter(
  request: Request, answer: { status: number; retryAfter: string | null; release: () => void }, timeoutMs: number, hosts: HostQueue,
  closeHost: (host: string, backoff: HostBackoff) => Promise<void>,
): Promise<void> {
  const { status, retryAfter: raw } = answer;
  if ((status !== 429 && status !== 503) || raw === null) return;
  const now = Date.now();
  const waitMs = retryAfterMs(raw, now);
  if (waitMs === null) return;
  answer.release();
  const host = hostOf(request.url);
  hosts.pause(host, now + waitMs);
  const wait = `Retry-After ${raw.trim()}${/^\d+$/.test(raw.trim()) ? ' s' : ''}`;
  if (waitMs <= timeoutMs && request.userData.waitedRetryAfter !== true) {
    request.userData.waitedRetryAfter = true;
    // Not asked again if the crawl is stopped meanwhile: this is then the check's reason.
    throw new RetryAfterWait(statusError(status, ` (${wait}: the check was stopped before asking again)`));
  }
  if (waitMs > timeoutMs) {
    await closeHost(host, { host, until: now + Math.min(waitMs, MAX_BACKOFF_MS), reason: `HTTP ${status} Retry-After` });
  }
  const why = request.userData.waitedRetryAfter === true ? 'refused again after waiting' : 'longer than fetch.timeoutMs';
  const refused = statusError(status, ` (${wait}: ${why}, not asked again in this check)`);
  throw new FetchError(refused.kind, refused.code, refused.message, { httpStatus: status, retry: false });
}

/** A short Retry-After: crawlee asks again whatever its retry count (a RetryRequestError), after the host's pause. */
class RetryAfterWait extends RetryRequestError {
  constructor(readonly failure: FetchError) {
    super(failure.message);
    this.name = 'RetryAfterWait';
    // What the check records if it is not asked again (the crawl stopped): found by toFetchError.
    Object.defineProperty(this, 'cause', { value: failure });
  }
}

/** `Retry-After` as milliseconds from now: delay-seconds or an HTTP date; null when unreadable. */
export function retryAfterMs(value: string, now: number): number | null {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
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
      callback(new FetchError('permanent', 'fetch.body-too-large', `body over fetch.maxBodyBytes (${this.limit})`));
      this.stopSource();
      return;
    }
    this.chunks.push(chunk);
    // Kept here, not passed on: the handler reads these raw bytes, and crawlee's own copy of the
    // body would be a second buffer per page that nothing reads.
    callback();
  }
}
