import type { EventName } from '../domain/source.js';
import { signBody } from './sign.js';

export type FetchImpl = (input: string, init: RequestInit) => Promise<Response>;

export interface PostWebhookOptions {
  /** Per request, covering connect, headers and reading the answer. Default 10000. */
  timeoutMs?: number;
  /** Aborts the request (shutdown). The result then has `aborted: true`. */
  signal?: AbortSignal;
  /** Default: the global fetch. */
  fetchImpl?: FetchImpl;
  /** Default `policy-watch`. */
  userAgent?: string;
}

export interface PostResult {
  /** A 2xx answer. */
  ok: boolean;
  httpStatus: number | null;
  /** Why it did not succeed; null when ok. Never holds the secret or the body sent. */
  error: string | null;
  /** Stopped by the caller's signal, not by the receiver: not an attempt. */
  aborted: boolean;
  durationMs: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const ANSWER_EXCERPT = 200;

/** The request headers of one delivery. */
export function deliveryHeaders(event: EventName, deliveryId: string, body: string, secret: string | null, userAgent = 'policy-watch'): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': userAgent,
    'X-Policy-Watch-Event': event,
    'X-Policy-Watch-Delivery': deliveryId,
  };
  if (secret) headers['X-Policy-Watch-Signature'] = signBody(body, secret);
  return headers;
}

/** POSTs one body once. Never throws: every outcome is a `PostResult`. */
export async function postWebhook(url: string, headers: Record<string, string>, body: string, options: PostWebhookOptions = {}): Promise<PostResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const started = performance.now();
  const done = (r: Omit<PostResult, 'durationMs' | 'aborted'>, aborted = false): PostResult =>
    ({ ...r, aborted, durationMs: Math.round(performance.now() - started) });
  try {
    // A redirect would turn the POST into a GET elsewhere: report it instead of following it.
    const response = await fetchImpl(url, { method: 'POST', headers, body, signal, redirect: 'manual' });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => undefined); // the answer to a success is not needed
      return done({ ok: true, httpStatus: response.status, error: null });
    }
    const answer = (await response.text()).slice(0, ANSWER_EXCERPT).replace(/\s+/g, ' ').trim();
    let error = `HTTP ${response.status}${answer ? `: ${answer}` : ''}`;
    if (response.status >= 300 && response.status < 400) {
      error = `HTTP ${response.status}: redirects are not followed; configure the final URL`;
    }
    return done({ ok: false, httpStatus: response.status, error });
  } catch (error) {
    if (options.signal?.aborted) return done({ ok: false, httpStatus: null, error: 'aborted' }, true);
    if (timeout.aborted) return done({ ok: false, httpStatus: null, error: `no answer within ${timeoutMs} ms` });
    return done({ ok: false, httpStatus: null, error: describeFetchError(error) });
  }
}

/** `fetch failed` alone says nothing: name the network cause (ECONNREFUSED, ENOTFOUND, ...). */
function describeFetchError(error: unknown): string {
  const err = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return cause?.message ?? err?.message ?? String(error);
}
