import { PolicyWatchError } from '../domain/errors.js';

/**
 * Why a page could not be read, as far as trying again goes:
 * `blocked`: the site refused us (401, 403, 429, LinkedIn's 999, a sign-in wall);
 * `transient`: may work later (5xx, timeouts, resets, refused connections);
 * `permanent`: will not work until something changes (404, a redirect to another host, a name that
 * does not resolve, a body over the limit, a type we cannot read).
 */
export type FetchErrorKind = 'blocked' | 'transient' | 'permanent';

export interface FetchErrorOptions {
  httpStatus?: number | null;
  cause?: unknown;
  /** Whether asking again within this crawl may help; default: only for `transient`. */
  retry?: boolean;
}

/**
 * A failed fetch, its kind set where the error is made (from the HTTP status or the error code),
 * so nothing downstream reads a message to decide. `code` is `fetch.<what>` (`fetch.http-status`,
 * `fetch.timeout`, ...); the message is the reason recorded on the check.
 */
export class FetchError extends PolicyWatchError {
  readonly kind: FetchErrorKind;
  readonly httpStatus: number | null;
  readonly retry: boolean;

  constructor(kind: FetchErrorKind, code: string, message: string, options: FetchErrorOptions = {}) {
    super(code, message, { cause: options.cause, transient: kind === 'transient' });
    this.name = 'FetchError';
    this.kind = kind;
    this.httpStatus = options.httpStatus ?? null;
    this.retry = options.retry ?? kind === 'transient';
  }
}

/** Statuses that mean "the site refused us", not "the page is broken". */
const BLOCKED_STATUSES = new Set([401, 403, 429, 999]);
/** 4xx statuses that may pass on their own (timeout, too early). */
const TRANSIENT_4XX = new Set([408, 425]);

/** The kind of an HTTP status that is not content (null for 2xx and 304). */
export function statusKind(status: number): FetchErrorKind | null {
  if ((status >= 200 && status < 300) || status === 304) return null;
  if (BLOCKED_STATUSES.has(status)) return 'blocked';
  if (status >= 500 || TRANSIENT_4XX.has(status)) return 'transient';
  return 'permanent';
}

/** A FetchError for an HTTP status that is not content. */
export function statusError(status: number, detail = ''): FetchError {
  return new FetchError(statusKind(status) ?? 'permanent', 'fetch.http-status', `HTTP ${status}${detail}`, { httpStatus: status });
}

/** System and library error codes (Node's `err.code`, got's RequestError codes) by what they mean. */
const CODES: Record<string, { kind: FetchErrorKind; code: string; says: string }> = {
  ETIMEDOUT: { kind: 'transient', code: 'fetch.timeout', says: 'timeout' },
  ESOCKETTIMEDOUT: { kind: 'transient', code: 'fetch.timeout', says: 'timeout' },
  ECONNRESET: { kind: 'transient', code: 'fetch.connection-reset', says: 'connection reset' },
  EPIPE: { kind: 'transient', code: 'fetch.connection-reset', says: 'connection reset' },
  ECONNABORTED: { kind: 'transient', code: 'fetch.connection-reset', says: 'connection reset' },
  ERR_STREAM_PREMATURE_CLOSE: { kind: 'transient', code: 'fetch.connection-reset', says: 'connection reset' },
  ECONNREFUSED: { kind: 'transient', code: 'fetch.connection-refused', says: 'connection refused' },
  EHOSTUNREACH: { kind: 'transient', code: 'fetch.unreachable', says: 'host unreachable' },
  ENETUNREACH: { kind: 'transient', code: 'fetch.unreachable', says: 'network unreachable' },
  EAI_AGAIN: { kind: 'transient', code: 'fetch.dns', says: 'DNS failure' },
  ENOTFOUND: { kind: 'permanent', code: 'fetch.dns', says: 'DNS failure' },
  ERR_TOO_MANY_REDIRECTS: { kind: 'permanent', code: 'fetch.redirects', says: 'too many redirects' },
  ERR_UNSUPPORTED_PROTOCOL: { kind: 'permanent', code: 'fetch.protocol', says: 'unsupported protocol' },
  ABORT_ERR: { kind: 'transient', code: 'fetch.aborted', says: 'aborted' },
  ERR_ABORTED: { kind: 'transient', code: 'fetch.aborted', says: 'aborted' },
};

export interface ClassifyContext {
  /** The answer's headers had arrived: a reset now cuts the body short. */
  answered?: boolean;
  /** The HTTP status of the answer, when one arrived. */
  httpStatus?: number | null;
}

/**
 * The FetchError that `error` stands for: itself or one in its `cause` chain; else built from the
 * first error code in the chain; else a transient failure with the error's first line as reason.
 */
export function toFetchError(error: unknown, context: ClassifyContext = {}): FetchError {
  const chain = causeChain(error);
  const own = chain.find((e): e is FetchError => e instanceof FetchError);
  if (own) return own;
  for (const e of chain) {
    const code = (e as { code?: unknown }).code;
    const known = typeof code === 'string' ? CODES[code] : undefined;
    if (!known) continue;
    const line = firstLine(e);
    if (context.answered === true && known.code === 'fetch.connection-reset') {
      return new FetchError('transient', 'fetch.body-cut-short', `body cut short: the connection closed before the whole body arrived (${line})`, { httpStatus: context.httpStatus, cause: error });
    }
    return new FetchError(known.kind, known.code, `${known.says}: ${line}`, { httpStatus: context.httpStatus, cause: error });
  }
  return new FetchError('transient', 'fetch.failed', firstLine(error), { httpStatus: context.httpStatus, cause: error });
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && typeof e === 'object' && chain.length < 8 && !chain.includes(e); e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').map((line) => line.trim()).find((line) => line !== '')?.slice(0, 300) ?? 'unknown error';
}
