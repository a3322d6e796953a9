import { describe, expect, it } from 'vitest';
import { deliveryHeaders, postWebhook, type FetchImpl } from '../../src/notify/post-webhook.js';
import { signBody } from '../../src/notify/sign.js';
import { redactUrl } from '../../src/notify/redact-url.js';

const answering = (status: number, text = ''): FetchImpl => async () => new Response(status === 204 ? null : text, { status });
/** A fetch that never answers and rejects only when its signal aborts, as the real one does. */
const silent: FetchImpl = (_url, init) => new Promise((_resolve, reject) => {
  init.signal!.addEventListener('abort', () => reject(init.signal!.reason));
});

describe('deliveryHeaders()', () => {
  it('names the event and the delivery, and signs the body when there is a secret', () => {
    const headers = deliveryHeaders('facts.changed', 'd-1', '{"a":1}', 'k');
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Policy-Watch-Event': 'facts.changed',
      'X-Policy-Watch-Delivery': 'd-1',
      'X-Policy-Watch-Signature': signBody('{"a":1}', 'k'),
    });
  });

  it('leaves the signature out when the webhook has no secret', () => {
    expect(deliveryHeaders('test', 'd', '{}', null)).not.toHaveProperty('X-Policy-Watch-Signature');
  });
});

describe('postWebhook()', () => {
  it('counts any 2xx as success, 204 included', async () => {
    for (const status of [200, 202, 204]) {
      expect(await postWebhook('http://127.0.0.1/x', {}, '{}', { fetchImpl: answering(status) })).toMatchObject({ ok: true, httpStatus: status, error: null });
    }
  });

  it('reports a non-2xx status with a short excerpt of the answer', async () => {
    const result = await postWebhook('http://127.0.0.1/x', {}, '{}', { fetchImpl: answering(400, 'invalid_payload\n') });
    expect(result).toMatchObject({ ok: false, httpStatus: 400, error: 'HTTP 400: invalid_payload', aborted: false });
  });

  it('does not follow a redirect, and says to configure the final URL', async () => {
    let redirect: RequestRedirect | undefined;
    const fetchImpl: FetchImpl = async (_url, init) => { redirect = init.redirect; return new Response(null, { status: 301 }); };
    const result = await postWebhook('http://127.0.0.1/x', {}, '{}', { fetchImpl });
    expect(redirect).toBe('manual');
    expect(result.error).toMatch(/configure the final URL/);
  });

  it('gives up on a receiver that does not answer within timeoutMs', async () => {
    const result = await postWebhook('http://127.0.0.1/x', {}, '{}', { fetchImpl: silent, timeoutMs: 1 });
    expect(result).toMatchObject({ ok: false, httpStatus: null, error: 'no answer within 1 ms', aborted: false });
  });

  it('marks a request stopped by the caller as aborted, not as a failed attempt', async () => {
    const controller = new AbortController();
    const pending = postWebhook('http://127.0.0.1/x', {}, '{}', { fetchImpl: silent, signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, aborted: true });
  });

  it('names the network cause of a failed connection', async () => {
    const fetchImpl: FetchImpl = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    };
    expect((await postWebhook('http://127.0.0.1:9/x', {}, '{}', { fetchImpl })).error).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9');
  });
});

describe('redactUrl()', () => {
  it('hides the path segments where chat services keep their ids and tokens', () => {
    expect(redactUrl('https://hooks.slack.com/services/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l')).toBe('https://hooks.slack.com/services/…/…/…');
    expect(redactUrl('https://discord.com/api/webhooks/1234567890123456789/x9Y_kLm2-abcDEF1234567890ghijkLMNOPqrstuv')).toBe('https://discord.com/api/webhooks/…/…');
    expect(redactUrl('https://acme.webhook.office.com/webhookb2/8c6f5e1a-0000-4a3b-9f1e-2b7c9d0e1f2a@72f988bf/IncomingWebhook/9d3f0c1e2b/8c6f5e1a'))
      .toBe('https://acme.webhook.office.com/…/…/IncomingWebhook/…/…');
    expect(redactUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
  });

  it('hides a long path word, which could be a token made of letters only', () => {
    expect(redactUrl('https://hooks.example.com/hook/AbCdEfGhIjKlMnOpQrStUvWx')).toBe('https://hooks.example.com/hook/…');
  });

  it('tells two endpoints on one host apart by their plain path words', () => {
    expect(redactUrl('https://hooks.example.com/v2/policy-watch/legal')).toBe('https://hooks.example.com/v2/policy-watch/legal');
    expect(redactUrl('https://hooks.example.com/v2/policy-watch/press')).toBe('https://hooks.example.com/v2/policy-watch/press');
  });

  it('hides the query, where a token is often passed', () => {
    expect(redactUrl('https://hooks.example.com/policy?token=s3cret')).toBe('https://hooks.example.com/policy?…');
  });

  it('shows an e-mail channel as its recipients, which hold no secret, and never shows user info', () => {
    expect(redactUrl('mailto:legal@example.org,privacy@example.org')).toBe('mailto:legal@example.org,privacy@example.org');
    expect(redactUrl('https://user:pass@ntfy.example.org/topic')).toBe('https://ntfy.example.org/topic');
  });
});
