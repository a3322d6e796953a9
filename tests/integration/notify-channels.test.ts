import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import type { WebhookConfig } from '../../src/domain/config.js';
import type { FactChange } from '../../src/domain/facts.js';
import { drainOutbox, enqueueEvent } from '../../src/notify/outbox.js';
import { changeUrl, type OutboxEvent } from '../../src/notify/outbox-event.js';
import { sendTestEvent } from '../../src/notify/send-test-event.js';
import { verifySignature } from '../../src/notify/sign.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { decodeWords, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const T0 = Date.UTC(2025, 10, 3, 6, 0, 0);
const regions = {
  fact: 'regions', before: ['US'], after: ['CA', 'US'], added: ['CA'], removed: [],
  evidence: 'We use data in the United States and Canada to improve AI models.',
} as FactChange;
const change: OutboxEvent = {
  event: 'facts.changed',
  source: { id: 'linkedin-privacy-policy', url: 'https://www.linkedin.com/legal/privacy-policy', name: 'LinkedIn Privacy Policy' },
  change: {
    id: 7, detectedAt: T0, textDiffUrl: changeUrl('http://127.0.0.1:8787', 7),
    facts: [regions, { fact: 'effectiveDate', before: '2024-11-20', after: '2025-11-03' }],
  },
};
const WEB_LINK = 'http://127.0.0.1:8787/changes/7';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-watch-channels-'));
  db = openDatabase(join(dir, 'test.db'));
});

afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const rowOf = (id: string) => db.$client.prepare('SELECT * FROM deliveries WHERE id = ?').get(id) as Record<string, unknown>;

describe('the email channel, against a real local SMTP server', () => {
  let sink: SmtpSink;
  let email: WebhookConfig;

  beforeEach(async () => {
    sink = await startSmtpSink();
    email = {
      url: sink.url, secret: null, events: ['facts.changed'], format: 'email',
      smtpUrl: sink.url, from: 'policy-watch@example.org', to: ['privacy-team@example.org', 'legal@example.org'],
    };
  });
  afterEach(() => sink.close());

  it('delivers a plain-text and an HTML message with the summary, the fact table and the web link', async () => {
    const [id] = enqueueEvent(db, change, [email], T0);
    const result = await drainOutbox(db, [email], { now: () => T0, timeoutMs: 5000 });
    expect(result).toEqual({ delivered: 1, retried: 0, failed: 0, skipped: 0, held: [] });

    const [mail] = await sink.waitFor(1);
    expect(mail!.from).toBe('policy-watch@example.org');
    expect(mail!.to).toEqual(['privacy-team@example.org', 'legal@example.org']);
    expect(mail!.headers.subject).toBe('LinkedIn Privacy Policy: regions +CA; effectiveDate 2024-11-20 → 2025-11-03');
    expect(mail!.headers['message-id']).toBe(`<${id}@policy-watch>`);
    expect(mail!.headers['x-policy-watch-delivery']).toBe(id);
    expect(mail!.headers['x-policy-watch-event']).toBe('facts.changed');
    expect(mail!.headers['content-type']).toMatch(/^multipart\/alternative/);

    expect(mail!.text).toContain('LinkedIn Privacy Policy: regions +CA');
    expect(mail!.text).toMatch(/regions\s+before:\s+US\s+after:\s+CA, US\s+added:\s+\+CA/);
    expect(mail!.text).toMatch(/effectiveDate\s+before:\s+2024-11-20\s+after:\s+2025-11-03/);
    expect(mail!.text).toContain('“We use data in the United States and Canada to improve AI models.”');
    expect(mail!.text).toContain(`View the change: ${WEB_LINK}`);

    expect(mail!.html).toContain('<th style="text-align:left;padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top">Before</th>');
    expect(mail!.html).toMatch(/<td[^>]*>regions<\/td><td[^>]*>US<\/td><td[^>]*>CA, US<\/td><td[^>]*>\+CA<\/td>/);
    expect(mail!.html).toContain(`<a href="${WEB_LINK}">View the change</a>`);
    expect(rowOf(id!)).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });
  });

  it('escapes page text in the HTML part', async () => {
    const hostile: OutboxEvent = {
      ...change,
      change: { ...change.change, facts: [{ fact: 'optOutPath', before: null, after: ['<script>alert(1)</script>'] }] },
    } as OutboxEvent;
    enqueueEvent(db, hostile, [email], T0);
    await drainOutbox(db, [email], { now: () => T0 });
    const [mail] = await sink.waitFor(1);
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('retries a refused message with backoff and then sends it again with the same Message-ID', async () => {
    sink.refuseNext(1, 451);
    const [id] = enqueueEvent(db, change, [email], T0);
    const first = await drainOutbox(db, [email], { now: () => T0, random: () => 0 });
    expect(first).toMatchObject({ delivered: 0, retried: 1 });
    const row = rowOf(id!);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_http_status: null });
    expect(row.last_error).toMatch(/^SMTP 451: .*try again later/);
    expect(row.next_attempt_at).toBe(T0 + 60_000); // half of the 2-minute base with jitter 0

    // Not due yet: nothing is sent.
    expect(await drainOutbox(db, [email], { now: () => T0 + 1000 })).toMatchObject({ delivered: 0, retried: 0 });
    const second = await drainOutbox(db, [email], { now: () => T0 + 60_000 });
    expect(second).toMatchObject({ delivered: 1 });
    const [mail] = await sink.waitFor(1);
    expect(mail!.headers['message-id']).toBe(`<${id}@policy-watch>`);
    expect(rowOf(id!)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('counts an SMTP server that is not there as a failed attempt naming the cause', async () => {
    const port = await closedPort();
    const gone = { ...email, url: `smtp://127.0.0.1:${port}`, smtpUrl: `smtp://127.0.0.1:${port}` };
    const [id] = enqueueEvent(db, change, [gone], T0);
    const result = await drainOutbox(db, [gone], { now: () => T0, maxAttempts: 1 });
    expect(result).toMatchObject({ failed: 1 });
    expect(rowOf(id!)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rowOf(id!).last_error).toMatch(/ECONNREFUSED/);
  });

  it('gives up on a server that never greets within the timeout, and leaves the row untouched on shutdown', async () => {
    const silent = createServer(() => undefined); // accepts, then says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const mute = { ...email, url, smtpUrl: url };
    try {
      const [id] = enqueueEvent(db, change, [mute], T0);
      expect(await drainOutbox(db, [mute], { now: () => T0, timeoutMs: 300 })).toMatchObject({ retried: 1 });
      expect(rowOf(id!).last_error).toMatch(/no answer within 300 ms|Greeting never received/);

      const stop = new AbortController();
      const before = rowOf(id!);
      const draining = drainOutbox(db, [mute], { now: () => T0, force: true, timeoutMs: 10_000, signal: stop.signal });
      setTimeout(() => stop.abort(), 100);
      expect(await draining).toMatchObject({ skipped: 1, retried: 0 });
      expect(rowOf(id!)).toEqual(before);
    } finally {
      silent.close();
    }
  });

  it('sends `webhooks test` as an e-mail too', async () => {
    const [result] = await sendTestEvent([email], { timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: true, signed: false, error: null });
    const [mail] = await sink.waitFor(1);
    expect(mail!.headers.subject).toMatch(/^policy-watch test event/);
    expect(mail!.headers['x-policy-watch-event']).toBe('test');
    expect(mail!.headers['message-id']).toBe(`<${result!.deliveryId}@policy-watch>`);
  });
});

describe('the ntfy channel', () => {
  let receiver: Receiver;
  beforeEach(async () => { receiver = await startReceiver(); });
  afterEach(() => receiver.close());

  it('publishes a plain-text message to the topic URL with Title, Tags and Click headers', async () => {
    const ntfy: WebhookConfig = { url: receiver.url, secret: 'ntfy-secret', events: ['facts.changed'], format: 'ntfy' };
    const [id] = enqueueEvent(db, change, [ntfy], T0);
    expect(await drainOutbox(db, [ntfy], { now: () => T0 })).toMatchObject({ delivered: 1 });
    const [request] = await receiver.waitFor(1);
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/hook');
    expect(request!.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(decodeWords(String(request!.headers.title))).toBe('LinkedIn Privacy Policy: regions +CA; effectiveDate 2024-11-20 → 2025-11-03');
    expect(request!.headers.tags).toBe('memo,policy-watch,facts.changed');
    expect(request!.headers.click).toBe(WEB_LINK);
    expect(request!.headers.actions).toBe(`view, Open, ${WEB_LINK}`);
    expect(request!.headers['x-policy-watch-delivery']).toBe(id);
    expect(request!.body).toBe('regions: US → CA, US (+CA)\neffectiveDate: 2024-11-20 → 2025-11-03');
    expect(verifySignature(request!.body, 'ntfy-secret', request!.headers['x-policy-watch-signature'] as string)).toBe(true);
  });

  it('sends credentials written in the topic URL as Basic auth, never in the URL', async () => {
    const withToken = receiver.url.replace('http://', 'http://:tk_abc123@');
    const ntfy: WebhookConfig = { url: withToken, secret: null, events: ['source.failing'], format: 'ntfy' };
    const failing: OutboxEvent = {
      event: 'source.failing', source: change.source, status: 'blocked', reason: 'HTTP 999', failures: 3,
    };
    enqueueEvent(db, failing, [ntfy], T0);
    expect(await drainOutbox(db, [ntfy], { now: () => T0 })).toMatchObject({ delivered: 1 });
    const [request] = await receiver.waitFor(1);
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(':tk_abc123').toString('base64')}`);
    expect(request!.headers.priority).toBe('4');
    expect(request!.headers.tags).toBe('warning,policy-watch,source.failing');
    expect(request!.headers.click).toBe('https://www.linkedin.com/legal/privacy-policy');
    expect(request!.body).toBe('HTTP 999');
  });
});

describe('the teams channel', () => {
  let receiver: Receiver;
  beforeEach(async () => { receiver = await startReceiver(); });
  afterEach(() => receiver.close());

  it('posts an Adaptive Card message with the title, a fact set and an OpenUrl action', async () => {
    const teams: WebhookConfig = { url: receiver.url, secret: null, events: ['facts.changed'], format: 'teams' };
    const [id] = enqueueEvent(db, change, [teams], T0);
    expect(await drainOutbox(db, [teams], { now: () => T0 })).toMatchObject({ delivered: 1 });
    const [request] = await receiver.waitFor(1);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-policy-watch-delivery']).toBe(id);
    const body = JSON.parse(request!.body);
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const { contentType, content } = body.attachments[0];
    expect(contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(content.body[0]).toMatchObject({ type: 'TextBlock', text: 'LinkedIn Privacy Policy: regions +CA; effectiveDate 2024-11-20 → 2025-11-03' });
    const factSet = content.body.find((b: { type: string }) => b.type === 'FactSet');
    expect(factSet.facts).toEqual([
      { title: 'regions', value: 'US → CA, US  +CA' },
      { title: 'effectiveDate', value: '2024-11-20 → 2025-11-03' },
    ]);
    expect(content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'View the change', url: WEB_LINK }]);
  });
});

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
