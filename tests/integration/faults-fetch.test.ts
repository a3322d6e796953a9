import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authwallPage, privacyPolicyPage } from '../helpers/linkedin-pages.js';
import type { Route } from '../helpers/local-site.js';
import { startFaultHarness, PAGE_PATH, type FaultHarness } from '../helpers/fault-harness.js';
import * as faults from '../helpers/fault-routes.js';

let h: FaultHarness;
beforeEach(async () => {
  h = await startFaultHarness({ failAfter: 2 });
  h.serveGoodPage();
});
afterEach(async () => { await h.close(); });

/**
 * The page is checked once (a baseline), then answers with the fault three checks in a row, then
 * comes back as it was. Every fault check is recorded with its status and reason; the snapshots,
 * facts and current snapshot do not move; no change is recorded; the receiver gets one
 * `source.failing` (at the second failure, `failAfter` = 2) and one `source.recovered`, nothing else.
 */
async function expectHarmless(fault: Route, expected: { status: 'blocked' | 'error'; reason: RegExp; httpStatus?: number | null }) {
  expect((await h.check()).status).toBe('new');
  const before = h.contentState();

  h.serve(fault);
  for (let i = 0; i < 3; i++) {
    const result = await h.check();
    expect(result.status, `fault check ${i + 1}`).toBe(expected.status);
    expect(result.reason).toMatch(expected.reason);
    if (expected.httpStatus !== undefined) expect(result.httpStatus).toBe(expected.httpStatus);
    expect(result.changeId).toBeNull();
    expect(h.eventsDelivered()).toEqual(i === 0 ? [] : ['source.failing']);
  }

  h.serveGoodPage();
  expect((await h.check()).status).toBe('unchanged');
  expect(h.contentState()).toEqual(before);
  expect(h.changeCount()).toBe(0);
  expect(h.eventsDelivered()).toEqual(['source.failing', 'source.recovered']);

  const rows = h.checkRows();
  expect(rows.map((r) => r.status)).toEqual(['new', expected.status, expected.status, expected.status, 'unchanged']);
  for (const row of rows.slice(1, 4)) {
    expect(row.reason).toMatch(expected.reason);
    expect(row.snapshotId).toBeNull();
  }
  const failing = JSON.parse(h.receiver.requests.find((r) => r.headers['x-policy-watch-event'] === 'source.failing')!.body);
  expect(failing).toMatchObject({ event: 'source.failing' });
  expect(JSON.stringify(failing)).toMatch(expected.reason);
}

describe('a server that answers with an error status', () => {
  it('records HTTP 500 as an error, retried within fetch.maxRetries, and changes nothing', async () => {
    h.reconfigure((c) => ({ ...c, fetch: { ...c.fetch, maxRetries: 1 } }));
    await expectHarmless(faults.status(500), { status: 'error', reason: /HTTP 500/, httpStatus: 500 });
    // One baseline, three faults of two attempts each (one retry), one recovery.
    expect(h.site.hits.get(PAGE_PATH)).toBe(1 + 3 * 2 + 1);
  });

  it('records HTTP 503 without Retry-After as an error and changes nothing', async () => {
    await expectHarmless(faults.status(503), { status: 'error', reason: /HTTP 503/, httpStatus: 503 });
  });

  it("records LinkedIn's HTTP 999 as blocked, never retried, and changes nothing", async () => {
    h.reconfigure((c) => ({ ...c, fetch: { ...c.fetch, maxRetries: 2 } }));
    await expectHarmless(faults.status(999, '<html><body>request denied</body></html>'), { status: 'blocked', reason: /HTTP 999/, httpStatus: 999 });
    expect(h.site.hits.get(PAGE_PATH)).toBe(5);
  });

  it('records HTTP 403 as blocked, never retried, and changes nothing', async () => {
    h.reconfigure((c) => ({ ...c, fetch: { ...c.fetch, maxRetries: 2 } }));
    await expectHarmless(faults.status(403, '<html><body>Forbidden</body></html>'), { status: 'blocked', reason: /HTTP 403/, httpStatus: 403 });
    expect(h.site.hits.get(PAGE_PATH)).toBe(5);
  });

  it('records a sign-in wall served with 200 as blocked and changes nothing', async () => {
    await expectHarmless(faults.status(200, authwallPage()), { status: 'blocked', reason: /sign-in wall/ });
  });

  it('records an empty 200 as an error and changes nothing', async () => {
    await expectHarmless(faults.status(200, ''), { status: 'error', reason: /empty body/ });
  });
});

describe('Retry-After', () => {
  /**
   * A wait longer than `fetch.timeoutMs` ends the check with the wait in the reason, and the host
   * is remembered as paused: the next checks are `blocked` without asking it, until the pause ends
   * (here: the stored pause is removed, as when its time has passed); then the page reads again.
   */
  async function expectRememberedPause(fault: Route, first: { status: 'blocked' | 'error'; reason: RegExp; httpStatus: number }) {
    expect((await h.check()).status).toBe('new');
    const before = h.contentState();
    h.serve(fault);
    const refused = await h.check();
    expect(refused).toMatchObject({ status: first.status, httpStatus: first.httpStatus, changeId: null });
    expect(refused.reason).toMatch(first.reason);
    const stored = h.db.$client.prepare('SELECT host, until, reason FROM host_backoffs').all() as { host: string; until: number; reason: string }[];
    expect(stored).toEqual([{ host: '127.0.0.1', until: expect.any(Number), reason: `HTTP ${first.httpStatus} Retry-After` }]);
    expect(stored[0]!.until).toBeGreaterThan(Date.now() + 3_000_000);
    const hitsAfterRefusal = h.site.hits.get(PAGE_PATH);

    for (let i = 0; i < 2; i++) {
      const skipped = await h.check();
      expect(skipped).toMatchObject({ status: 'blocked', httpStatus: null, changeId: null });
      expect(skipped.reason).toBe(`host paused until ${new Date(stored[0]!.until).toISOString().replace(/\.\d{3}Z$/, 'Z')} (HTTP ${first.httpStatus} Retry-After)`);
    }
    expect(h.site.hits.get(PAGE_PATH)).toBe(hitsAfterRefusal);
    // Blocked checks in a row count towards failAfter like any other.
    expect(h.eventsDelivered()).toEqual(['source.failing']);

    h.db.$client.prepare('DELETE FROM host_backoffs').run();
    h.serveGoodPage();
    expect((await h.check()).status).toBe('unchanged');
    expect(h.contentState()).toEqual(before);
    expect(h.changeCount()).toBe(0);
    expect(h.eventsDelivered()).toEqual(['source.failing', 'source.recovered']);
    expect(h.site.hits.get(PAGE_PATH)).toBe(hitsAfterRefusal! + 1);
  }

  it('records a 429 whose Retry-After is longer than fetch.timeoutMs as blocked with the wait in the reason, asks once, and skips the host in later checks', async () => {
    h.reconfigure((c) => ({ ...c, fetch: { ...c.fetch, maxRetries: 2 } }));
    await expectRememberedPause(faults.status(429, 'slow down', { 'retry-after': '3600' }), { status: 'blocked', reason: /HTTP 429 \(Retry-After 3600\b/, httpStatus: 429 });
    // The baseline, the one refused request, the recovery.
    expect(h.site.hits.get(PAGE_PATH)).toBe(3);
  });

  it('records a 503 whose Retry-After is a far HTTP date as an error, asks once, and skips the host in later checks', async () => {
    h.reconfigure((c) => ({ ...c, fetch: { ...c.fetch, maxRetries: 2 } }));
    const later = new Date(Date.now() + 3_600_000).toUTCString();
    await expectRememberedPause(faults.status(503, 'maintenance', { 'retry-after': later }), { status: 'error', reason: /HTTP 503 \(Retry-After/, httpStatus: 503 });
    expect(h.site.hits.get(PAGE_PATH)).toBe(3);
  });

  it.each([429, 503])('waits out a short Retry-After on %i, then asks again and reads the page', async (code) => {
    expect((await h.check()).status).toBe('new');
    let answered = 0;
    const times: number[] = [];
    h.serve({
      handle: (_req, res) => {
        times.push(Date.now());
        if (answered++ === 0) { res.writeHead(code, { 'retry-after': '1', 'content-type': 'text/plain' }); res.end('busy'); return; }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(privacyPolicyPage());
      },
    });
    const result = await h.check();
    expect(result.status).toBe('unchanged');
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(900);
    expect(h.site.hits.get(PAGE_PATH)).toBe(3);
    expect(h.eventsDelivered()).toEqual([]);
  });
});

describe('a connection that fails', () => {
  it('records a connection reset as an error and changes nothing', async () => {
    await expectHarmless(faults.connectionReset(), { status: 'error', reason: /connection reset/ });
  });

  it('records an answer slower than fetch.timeoutMs as a timeout and changes nothing', async () => {
    h.reconfigure((c) => ({ ...c, fetch: { ...c.fetch, timeoutMs: 500 } }));
    await expectHarmless(faults.slowAnswer(5000, () => '<html><body><main>late</main></body></html>'), { status: 'error', reason: /timeout/i });
  });

  it('records a body that trickles in slower than fetch.timeoutMs as a timeout and changes nothing', async () => {
    h.reconfigure((c) => ({ ...c, fetch: { ...c.fetch, timeoutMs: 500 } }));
    await expectHarmless(faults.tricklingBody(privacyPolicyPage()), { status: 'error', reason: /timeout/i });
  });

  it('records a body cut short (Content-Length larger than what arrives) as an error and changes nothing', async () => {
    await expectHarmless(faults.truncatedBody(privacyPolicyPage()), { status: 'error', reason: /body cut short/ });
  });

  it('records a host name that does not resolve as a DNS failure and changes nothing', async () => {
    expect((await h.check()).status).toBe('new');
    const before = h.contentState();
    const url = `http://policy-watch-fault-suite.invalid:${new URL(h.site.url).port}${PAGE_PATH}`;
    const original = h.config.sources;
    h.reconfigure((c) => ({ ...c, sources: c.sources.map((s) => ({ ...s, url })) }));
    for (let i = 0; i < 3; i++) {
      const result = await h.check();
      expect(result.status).toBe('error');
      expect(result.reason).toMatch(/DNS failure/);
    }
    h.reconfigure((c) => ({ ...c, sources: original }));
    expect((await h.check()).status).toBe('unchanged');
    expect(h.contentState()).toEqual(before);
    expect(h.changeCount()).toBe(0);
    expect(h.eventsDelivered()).toEqual(['source.failing', 'source.recovered']);
  });
});

describe('a body over fetch.maxBodyBytes', () => {
  const LIMIT = 256 * 1024;
  const OFFERED = 64 * 1024 * 1024;

  it.each([
    ['announced by Content-Length', true],
    ['sent chunked, without a length', false],
  ])('is stopped without being read whole when %s, and changes nothing', async (_what, contentLength) => {
    h.reconfigure((c) => ({ ...c, fetch: { ...c.fetch, maxBodyBytes: LIMIT } }));
    const streams: faults.BodyStream[] = [];
    const route: Route = {
      handle: (req, res) => {
        const huge = faults.hugeBody(OFFERED, { contentLength });
        streams.push(huge.seen);
        huge.route.handle!(req, res);
      },
    };
    await expectHarmless(route, { status: 'error', reason: /over fetch\.maxBodyBytes/ });
    expect(streams).toHaveLength(3);
    for (const seen of streams) {
      expect(seen.finished).toBe(false);
      expect(seen.clientClosed).toBe(true);
      // What the client took in is the limit plus socket buffers, far from the 64 MiB offered.
      expect(seen.written).toBeLessThan(16 * 1024 * 1024);
    }
  });
});

describe('redirects', () => {
  it('refuses a redirect to another host (localhost for 127.0.0.1) and never asks that host', async () => {
    const port = new URL(h.site.url).port;
    await expectHarmless(faults.redirect(`http://localhost:${port}/elsewhere`), { status: 'error', reason: /redirect to another host refused: localhost/ });
    expect(h.site.hits.get('/elsewhere')).toBeUndefined();
  });

  it('gives up on a redirect loop after a bounded number of hops and changes nothing', async () => {
    h.site.set('/loop', faults.redirect(PAGE_PATH));
    await expectHarmless(faults.redirect('/loop'), { status: 'error', reason: /redirect/i });
    expect(h.site.hits.get('/loop') ?? 0).toBeLessThan(3 * 25);
  });
});
