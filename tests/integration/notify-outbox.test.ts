import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { deliveries } from '../../src/store/schema.js';
import type { WebhookConfig } from '../../src/domain/config.js';
import {
  countDeliveries, drainOutbox, enqueueEvent, listDeliveries, nextDueAt, retryFailed,
} from '../../src/notify/outbox.js';
import { changePageUrl, changeUrl, type OutboxEvent } from '../../src/notify/outbox-event.js';
import { verifySignature } from '../../src/notify/sign.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

const SECRET = 'whsec-test-secret';
const T0 = Date.UTC(2025, 10, 3, 6, 0, 0);
const change: OutboxEvent = {
  event: 'facts.changed',
  source: { id: 'linkedin-privacy-policy', url: 'https://www.linkedin.com/legal/privacy-policy', name: 'LinkedIn Privacy Policy' },
  change: {
    id: 7, detectedAt: T0, url: changePageUrl('http://127.0.0.1:8787', 7), textDiffUrl: changeUrl('http://127.0.0.1:8787', 7),
    facts: [{ fact: 'regions', before: ['US'], after: ['CA', 'US'], added: ['CA'], removed: [] }],
  },
};

let dir: string;
let file: string;
let db: Db;
let receiver: Receiver;
let webhook: WebhookConfig;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-watch-notify-'));
  file = join(dir, 'test.db');
  db = openDatabase(file);
  receiver = await startReceiver();
  webhook = { url: receiver.url, secret: SECRET, events: ['facts.changed', 'source.failing'], format: 'json' };
});

afterEach(async () => {
  db.$client.close();
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (ms: number) => () => ms;
const rowOf = (id: string) => db.$client.prepare('SELECT * FROM deliveries WHERE id = ?').get(id) as Record<string, unknown>;

describe('enqueueEvent()', () => {
  it('writes one pending delivery per subscribed webhook, due now, with the delivery id inside the body', () => {
    const other: WebhookConfig = { url: 'http://127.0.0.1:1/other', secret: null, events: ['source.recovered'], format: 'json' };
    const ids = enqueueEvent(db, change, [webhook, other], T0);
    expect(ids).toHaveLength(1);
    const row = rowOf(ids[0]!);
    expect(row).toMatchObject({ webhook: receiver.url, event: 'facts.changed', source_id: 'linkedin-privacy-policy', change_id: 7, status: 'pending', attempts: 0, next_attempt_at: T0 });
    expect(JSON.parse(row.body as string)).toMatchObject({ event: 'facts.changed', deliveryId: ids[0], change: { id: '7' } });
  });

  it('gives every delivery its own id', () => {
    const a = enqueueEvent(db, change, [webhook, { ...webhook, format: 'slack' }], T0);
    const b = enqueueEvent(db, change, [webhook], T0);
    expect(new Set([...a, ...b]).size).toBe(3);
  });

  it('writes nothing when the transaction it runs in rolls back', () => {
    expect(() => db.transaction((tx) => {
      enqueueEvent(tx, change, [webhook], T0);
      throw new Error('the change could not be stored');
    })).toThrow(/could not be stored/);
    expect(listDeliveries(db)).toEqual([]);
  });

  it('never stores the webhook secret', () => {
    enqueueEvent(db, change, [webhook], T0);
    const dump = JSON.stringify(db.$client.prepare('SELECT * FROM deliveries').all());
    expect(dump).not.toContain(SECRET);
  });
});

describe('drainOutbox()', () => {
  it('delivers a pending delivery with its event, id and a valid signature of the raw body', async () => {
    const [id] = enqueueEvent(db, change, [webhook], T0);
    expect(await drainOutbox(db, [webhook], { now: at(T0) })).toEqual({ delivered: 1, retried: 0, failed: 0, skipped: 0, held: [] });

    const [request] = await receiver.waitFor(1);
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-policy-watch-event']).toBe('facts.changed');
    expect(request!.headers['x-policy-watch-delivery']).toBe(id);
    expect(verifySignature(request!.body, SECRET, request!.headers['x-policy-watch-signature'] as string)).toBe(true);
    expect(request!.body).toBe(rowOf(id!).body);
    expect(rowOf(id!)).toMatchObject({ status: 'delivered', attempts: 1, last_http_status: 200, delivered_at: T0 });
  });

  it('sends no signature header to a webhook without a secret', async () => {
    const unsigned = { ...webhook, secret: null };
    enqueueEvent(db, change, [unsigned], T0);
    await drainOutbox(db, [unsigned], { now: at(T0) });
    expect(receiver.requests[0]!.headers).not.toHaveProperty('x-policy-watch-signature');
  });

  it('keeps a delivery pending with the same id when the receiver answers 503, and delivers it once when it answers 200', async () => {
    const [id] = enqueueEvent(db, change, [webhook], T0);
    receiver.answerNext(503);
    expect(await drainOutbox(db, [webhook], { now: at(T0), random: () => 0 })).toMatchObject({ retried: 1 });
    expect(rowOf(id!)).toMatchObject({ status: 'pending', attempts: 1, last_http_status: 503, next_attempt_at: T0 + 60_000 });
    expect(rowOf(id!).last_error).toMatch(/^HTTP 503/);

    expect(await drainOutbox(db, [webhook], { now: at(T0 + 59_999) })).toEqual({ delivered: 0, retried: 0, failed: 0, skipped: 0, held: [] });
    expect(await drainOutbox(db, [webhook], { now: at(T0 + 60_000) })).toMatchObject({ delivered: 1 });
    expect(await drainOutbox(db, [webhook], { now: at(T0 + 999_999), force: true })).toMatchObject({ delivered: 0 });

    const requests = receiver.requests;
    expect(requests.map((r) => r.headers['x-policy-watch-delivery'])).toEqual([id, id]);
    expect(requests[1]!.body).toBe(requests[0]!.body);
    expect(requests.map((r) => r.answeredWith)).toEqual([503, 200]);
    expect(rowOf(id!)).toMatchObject({ status: 'delivered', attempts: 2, last_error: null, last_http_status: 200 });
  });

  it('waits longer after each failure', async () => {
    const [id] = enqueueEvent(db, change, [webhook], T0);
    receiver.answerAlways(500);
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 4; i += 1) {
      await drainOutbox(db, [webhook], { now: at(now), random: () => 0, baseDelayMs: 1_000 });
      const next = rowOf(id!).next_attempt_at as number;
      waits.push(next - now);
      now = next;
    }
    expect(waits).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('marks a delivery failed after maxAttempts, and retryFailed() makes it pending and due again', async () => {
    const [id] = enqueueEvent(db, change, [webhook], T0);
    receiver.answerAlways(503);
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await drainOutbox(db, [webhook], { now: at(T0), force: true, maxAttempts: 3 }));
    expect(results.map((r) => [r.retried, r.failed])).toEqual([[1, 0], [1, 0], [0, 1]]);
    expect(rowOf(id!)).toMatchObject({ status: 'failed', attempts: 3, last_http_status: 503 });
    expect(await drainOutbox(db, [webhook], { now: at(T0), force: true })).toMatchObject({ delivered: 0, retried: 0 });

    expect(retryFailed(db, { now: T0 + 5 })).toBe(1);
    expect(rowOf(id!)).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: T0 + 5 });
    receiver.answerAlways(200);
    expect(await drainOutbox(db, [webhook], { now: at(T0 + 5) })).toMatchObject({ delivered: 1 });
    expect(new Set(receiver.requests.map((r) => r.headers['x-policy-watch-delivery']))).toEqual(new Set([id]));
  });

  it('retries only the failed delivery named by retryFailed({ id })', async () => {
    const [a] = enqueueEvent(db, change, [webhook], T0);
    const [b] = enqueueEvent(db, change, [webhook], T0);
    receiver.answerAlways(503);
    await drainOutbox(db, [webhook], { now: at(T0), maxAttempts: 1 });
    expect(retryFailed(db, { id: b!, now: T0 })).toBe(1);
    expect([rowOf(a!).status, rowOf(b!).status]).toEqual(['failed', 'pending']);
    expect(retryFailed(db, { id: b!, now: T0 })).toBe(0);
  });

  it('with force, sends a pending delivery whose backoff has not run out', async () => {
    const [id] = enqueueEvent(db, change, [webhook], T0);
    receiver.answerNext(503);
    await drainOutbox(db, [webhook], { now: at(T0) });
    expect(await drainOutbox(db, [webhook], { now: at(T0 + 1) })).toMatchObject({ delivered: 0 });
    expect(await drainOutbox(db, [webhook], { now: at(T0 + 1), force: true })).toMatchObject({ delivered: 1 });
    expect(rowOf(id!).status).toBe('delivered');
  });

  it('counts a receiver that is down as a failed attempt, naming the network error', async () => {
    const down = await startReceiver();
    const gone = { ...webhook, url: down.url };
    await down.close();
    const [id] = enqueueEvent(db, change, [gone], T0);
    expect(await drainOutbox(db, [gone], { now: at(T0) })).toMatchObject({ retried: 1 });
    expect(rowOf(id!)).toMatchObject({ status: 'pending', attempts: 1, last_http_status: null });
    expect(rowOf(id!).last_error).toMatch(/ECONNREFUSED/);
  });

  it('counts a receiver that does not answer within timeoutMs as a failed attempt', async () => {
    const [id] = enqueueEvent(db, change, [webhook], T0);
    receiver.answerNext('hang');
    expect(await drainOutbox(db, [webhook], { now: at(T0), timeoutMs: 50 })).toMatchObject({ retried: 1 });
    expect(rowOf(id!).last_error).toBe('no answer within 50 ms');
  });

  it('leaves a delivery untouched and pending when shut down while it is in flight', async () => {
    const [id] = enqueueEvent(db, change, [webhook], T0);
    receiver.answerNext('hang');
    const controller = new AbortController();
    const draining = drainOutbox(db, [webhook], { now: at(T0), signal: controller.signal });
    await receiver.waitFor(1);
    controller.abort();
    expect(await draining).toEqual({ delivered: 0, retried: 0, failed: 0, skipped: 1, held: [] });
    expect(rowOf(id!)).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: T0 });
  });

  it('holds the deliveries of channels whose secret is unset, counted once per missing variable', async () => {
    const unset = (path: string, name: string): WebhookConfig => ({ ...webhook, url: `${receiver.url}/${path}`, secret: null, secretRef: `env:${name}` });
    const channels = [unset('a', 'HOOK_SECRET'), unset('b', 'HOOK_SECRET'), unset('c', 'OTHER_SECRET')];
    enqueueEvent(db, change, channels, T0);
    enqueueEvent(db, change, channels, T0);
    const result = await drainOutbox(db, channels, { now: at(T0), force: true });
    expect(result).toMatchObject({ delivered: 0, skipped: 6 });
    expect(result.held).toEqual(expect.arrayContaining([
      { count: 4, reason: 'secret env:HOOK_SECRET is not set' }, { count: 2, reason: 'secret env:OTHER_SECRET is not set' },
    ]));
    expect(result.held).toHaveLength(2);
    expect(receiver.requests).toHaveLength(0);
  });

  it('keeps deliveries of a webhook no longer configured pending, and sends them when it is back', async () => {
    const [id] = enqueueEvent(db, change, [webhook], T0);
    expect(await drainOutbox(db, [], { now: at(T0), force: true })).toEqual({ delivered: 0, retried: 0, failed: 0, skipped: 1, held: [] });
    expect(rowOf(id!)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(nextDueAt(db, [])).toBeNull();
    expect(await drainOutbox(db, [webhook], { now: at(T0) })).toMatchObject({ delivered: 1 });
  });

  it('looks the secret up in the current config, so a rotated secret signs the retry', async () => {
    enqueueEvent(db, change, [webhook], T0);
    const rotated = { ...webhook, secret: 'rotated' };
    await drainOutbox(db, [rotated], { now: at(T0) });
    const [request] = await receiver.waitFor(1);
    expect(verifySignature(request!.body, 'rotated', request!.headers['x-policy-watch-signature'] as string)).toBe(true);
  });

  it('sends a delivery only once when two drains run at the same time', async () => {
    enqueueEvent(db, change, [webhook], T0);
    const [a, b] = await Promise.all([
      drainOutbox(db, [webhook], { now: at(T0) }),
      drainOutbox(db, [webhook], { now: at(T0) }),
    ]);
    expect(a.delivered + b.delivered).toBe(1);
    expect(receiver.requests).toHaveLength(1);
  });

  it('sends one webhook\'s deliveries in the order they were written', async () => {
    const ids = [1, 2, 3].map((n) => enqueueEvent(db, change, [webhook], T0 + n)[0]);
    await drainOutbox(db, [webhook], { now: at(T0 + 10) });
    expect(receiver.requests.map((r) => r.headers['x-policy-watch-delivery'])).toEqual(ids);
  });

  it('sends slack bodies as stored, with the same headers', async () => {
    const slack: WebhookConfig = { ...webhook, format: 'slack' };
    const [id] = enqueueEvent(db, change, [slack], T0);
    await drainOutbox(db, [slack], { now: at(T0) });
    const [request] = await receiver.waitFor(1);
    expect(request!.headers['x-policy-watch-delivery']).toBe(id);
    expect(JSON.parse(request!.body).text).toContain('LinkedIn Privacy Policy: regions +CA');
  });
});

describe('drainOutbox() logging', () => {
  it('logs each outcome without the secret, the body or the token in the webhook path', async () => {
    const lines: string[] = [];
    const log = {
      info: (obj: object, msg?: string) => { lines.push(JSON.stringify({ ...obj, msg })); },
      warn: (obj: object, msg?: string) => { lines.push(JSON.stringify({ ...obj, msg })); },
    };
    const secretPath = { ...webhook, url: `${receiver.url}/T024BE7LD/B0123ABCD/XYZa1b2c3d4e5f6g7h8i9j0kl` };
    enqueueEvent(db, change, [secretPath], T0);
    enqueueEvent(db, change, [webhook], T0);
    receiver.answerNext(503);
    await drainOutbox(db, [secretPath], { now: at(T0), log, maxAttempts: 1 });
    enqueueEvent(db, change, [secretPath], T0);
    await drainOutbox(db, [secretPath], { now: at(T0), log });

    expect(lines.map((l) => JSON.parse(l).msg)).toEqual([
      'pending deliveries for a webhook that is no longer configured are kept, not sent',
      expect.stringMatching(/^webhook delivery failed after 1 attempts/),
      'pending deliveries for a webhook that is no longer configured are kept, not sent',
      'webhook delivered',
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('XYZa1b2c3d4e5f6g7h8i9j0kl');
    expect(all).toContain('/hook/…/…/…');
    expect(all).not.toContain('"facts"');
  });
});

describe('the outbox across a restart', () => {
  it('keeps pending deliveries, with their ids and bodies, when the database is closed and reopened', async () => {
    const [id] = enqueueEvent(db, change, [webhook], T0);
    receiver.answerNext(503);
    await drainOutbox(db, [webhook], { now: at(T0), random: () => 0 });
    const body = rowOf(id!).body;
    db.$client.close();

    db = openDatabase(file);
    expect(listDeliveries(db, { status: 'pending' }).map((d) => d.id)).toEqual([id]);
    expect(nextDueAt(db, [webhook])).toBe(T0 + 60_000);
    expect(await drainOutbox(db, [webhook], { now: at(T0 + 60_000) })).toMatchObject({ delivered: 1 });
    expect(receiver.requests[1]!.body).toBe(body);
    expect(receiver.requests[1]!.headers['x-policy-watch-delivery']).toBe(id);
  });
});

describe('listDeliveries(), countDeliveries() and nextDueAt()', () => {
  it('list the log newest first, filter by status and count each status', async () => {
    const [first] = enqueueEvent(db, change, [webhook], T0);
    const [second] = enqueueEvent(db, change, [webhook], T0 + 1_000);
    receiver.answerNext(200);
    await drainOutbox(db, [webhook], { now: at(T0 + 500) });

    expect(listDeliveries(db).map((d) => d.id)).toEqual([second, first]);
    expect(listDeliveries(db, { status: 'delivered' })).toEqual([expect.objectContaining({
      id: first, status: 'delivered', attempts: 1, changeId: '7', nextAttemptAt: null,
      createdAt: new Date(T0).toISOString(), deliveredAt: new Date(T0 + 500).toISOString(),
    })]);
    expect(listDeliveries(db, { status: 'pending' })[0]).not.toHaveProperty('body');
    expect(listDeliveries(db, { status: 'pending', includeBody: true })[0]!.body).toContain(second);
    expect(listDeliveries(db, { limit: 1 })).toHaveLength(1);
    expect(countDeliveries(db)).toEqual({ pending: 1, delivered: 1, failed: 0 });
    expect(nextDueAt(db)).toBe(T0 + 1_000);
  });

  it('say nothing is due on an empty outbox', () => {
    expect(nextDueAt(db)).toBeNull();
    expect(db.select().from(deliveries).all()).toEqual([]);
  });
});
