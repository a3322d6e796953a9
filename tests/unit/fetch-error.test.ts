import { describe, expect, it } from 'vitest';
import { FetchError, statusError, statusKind, toFetchError } from '../../src/crawl/fetch-error.js';

const withCode = (code: string, message = `connect ${code} 127.0.0.1:80`) => Object.assign(new Error(message), { code });

describe('statusKind()', () => {
  it('calls 401, 403, 429 and LinkedIn\'s 999 blocked', () => {
    expect([401, 403, 429, 999].map(statusKind)).toEqual(['blocked', 'blocked', 'blocked', 'blocked']);
  });

  it('calls 5xx, 408 and 425 transient, other 4xx and 3xx permanent, content none', () => {
    expect([500, 503, 599, 408, 425].map(statusKind)).toEqual(Array(5).fill('transient'));
    expect([404, 410, 400, 301].map(statusKind)).toEqual(Array(4).fill('permanent'));
    expect([200, 204, 304].map(statusKind)).toEqual([null, null, null]);
  });
});

describe('toFetchError()', () => {
  it('keeps a FetchError found anywhere in the cause chain', () => {
    const own = statusError(429, ' (Retry-After 60 s)');
    const wrapped = new Error('RequestError: something', { cause: new Error('inner', { cause: own }) });
    expect(toFetchError(wrapped)).toBe(own);
  });

  it('reads the kind from the error code, not the message', () => {
    expect(toFetchError(withCode('ECONNREFUSED'))).toMatchObject({ kind: 'transient', code: 'fetch.connection-refused', message: 'connection refused: connect ECONNREFUSED 127.0.0.1:80' });
    expect(toFetchError(withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND x.invalid'))).toMatchObject({ kind: 'permanent', code: 'fetch.dns', message: 'DNS failure: getaddrinfo ENOTFOUND x.invalid' });
    expect(toFetchError(withCode('ETIMEDOUT', "Timeout awaiting 'request' for 500ms"))).toMatchObject({ kind: 'transient', code: 'fetch.timeout' });
    expect(toFetchError(withCode('ERR_TOO_MANY_REDIRECTS', 'Redirected 10 times. Aborting.'))).toMatchObject({ kind: 'permanent', code: 'fetch.redirects' });
    // A message that merely mentions a code decides nothing.
    expect(toFetchError(new Error('ECONNRESET ENOTFOUND timeout'))).toMatchObject({ kind: 'transient', code: 'fetch.failed' });
  });

  it('finds the code under a wrapper that re-words the message', () => {
    const wrapped = new Error('Detected a session error, rotating session...\nread ECONNRESET', { cause: withCode('ECONNRESET', 'read ECONNRESET') });
    expect(toFetchError(wrapped)).toMatchObject({ code: 'fetch.connection-reset', message: 'connection reset: read ECONNRESET' });
  });

  it('calls a reset after the answer began a body cut short', () => {
    expect(toFetchError(withCode('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'), { answered: true, httpStatus: 200 }))
      .toMatchObject({ kind: 'transient', code: 'fetch.body-cut-short', httpStatus: 200, message: expect.stringMatching(/^body cut short: /) });
  });

  it('asks again within a crawl only for transient failures unless told otherwise', () => {
    expect(statusError(503).retry).toBe(true);
    expect(statusError(404).retry).toBe(false);
    expect(new FetchError('transient', 'fetch.x', 'x', { retry: false }).retry).toBe(false);
    expect(statusError(503)).toMatchObject({ transient: true, httpStatus: 503, code: 'fetch.http-status' });
  });
});
