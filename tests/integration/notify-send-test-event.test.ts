import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookConfig } from '../../src/domain/config.js';
import { sendTestEvent, testEventSource } from '../../src/notify/send-test-event.js';
import { verifySignature } from '../../src/notify/sign.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

let receiver: Receiver;
beforeEach(async () => { receiver = await startReceiver(); });
afterEach(async () => { await receiver.close(); });

describe('sendTestEvent()', () => {
  it('posts a signed test event to every configured webhook, subscribed to test or not', async () => {
    const webhooks: WebhookConfig[] = [
      { url: `${receiver.url}?a`, secret: 'k1', events: ['facts.changed'], format: 'json' },
      { url: `${receiver.url}?b`, secret: 'k2', events: ['test'], format: 'discord' },
    ];
    const results = await sendTestEvent(webhooks);
    expect(results.map((r) => [r.ok, r.httpStatus, r.signed])).toEqual([[true, 200, true], [true, 200, true]]);
    expect(results[0]!.webhook).toBe(`${receiver.url}?…`);

    const requests = await receiver.waitFor(2);
    const byPath = new Map(requests.map((r) => [r.path, r]));
    const json = byPath.get('/hook?a')!;
    expect(json.headers['x-policy-watch-event']).toBe('test');
    expect(verifySignature(json.body, 'k1', json.headers['x-policy-watch-signature'] as string)).toBe(true);
    expect(JSON.parse(json.body)).toMatchObject({ event: 'test', deliveryId: json.headers['x-policy-watch-delivery'], source: { id: 'policy-watch-test', url: 'https://example.com/' } });
    expect(json.body).not.toContain('linkedin');
    const discord = byPath.get('/hook?b')!;
    expect(verifySignature(discord.body, 'k2', discord.headers['x-policy-watch-signature'] as string)).toBe(true);
    expect(JSON.parse(discord.body).content).toMatch(/^policy-watch test event/);
  });

  it('names the policy-watch instance as the source when given its URL, in every format', async () => {
    const webhooks: WebhookConfig[] = [
      { url: `${receiver.url}?json`, secret: 'k1', events: ['test'], format: 'json' },
      { url: `${receiver.url}?slack`, secret: null, events: ['test'], format: 'slack' },
    ];
    await sendTestEvent(webhooks, { source: testEventSource('https://watch.example.org') });
    const requests = await receiver.waitFor(2);
    for (const request of requests) {
      expect(request.body, request.path).toContain('https://watch.example.org');
      expect(request.body, request.path).not.toContain('linkedin');
    }
  });

  it('with url, tests only that webhook', async () => {
    const webhooks: WebhookConfig[] = [
      { url: `${receiver.url}?a`, secret: 'k1', events: ['test'], format: 'json' },
      { url: `${receiver.url}?b`, secret: 'k2', events: ['test'], format: 'json' },
    ];
    const results = await sendTestEvent(webhooks, { url: `${receiver.url}?b` });
    expect(results).toHaveLength(1);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook?b']);
  });

  it('sends an unsigned json test event to a url that no webhook has', async () => {
    const [result] = await sendTestEvent([], { url: receiver.url });
    expect(result).toMatchObject({ ok: true, signed: false });
    expect(receiver.requests[0]!.headers).not.toHaveProperty('x-policy-watch-signature');
  });

  it('reports what a failing receiver answered', async () => {
    receiver.answerNext(410);
    const [result] = await sendTestEvent([{ url: receiver.url, secret: 'k', events: [], format: 'json' }]);
    expect(result).toMatchObject({ ok: false, httpStatus: 410 });
    expect(result!.error).toMatch(/^HTTP 410/);
  });
});
