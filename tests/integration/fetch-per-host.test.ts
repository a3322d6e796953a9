import { afterEach, describe, expect, it } from 'vitest';
import { fetchPages, type CrawlSummary, type FetchedPage, type FetchRequest } from '../../src/crawl/fetch-pages.js';
import type { FetchOptions } from '../../src/domain/config.js';
import type { HostBackoff } from '../../src/domain/host-backoff.js';
import { tempDir, writeConfig, FAST_FETCH } from '../helpers/test-config.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { openDatabase } from '../../src/store/open-database.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import { startLoopbackHosts, maxInFlight, minStartSpacing, type HostAnswer, type LoopbackHosts } from '../helpers/loopback-hosts.js';

const PAGE = '<html><body><main><p>A policy page.</p></main></body></html>';
const ADDRESSES = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];

let sites: LoopbackHosts | undefined;
afterEach(async () => {
  await sites?.close();
  sites = undefined;
});

const options = (fetch: Partial<FetchOptions>): FetchOptions => ({
  timeoutMs: 5000, maxRetries: 0, maxBodyBytes: 1024 * 1024, maxConcurrency: 6, maxRequestsPerMinute: 10_000,
  respectRobotsTxt: false, perHost: { maxConcurrency: 1, delayMs: 0 }, ...fetch,
});

/** `count` pages on each host, in config order host by host (the crawl must not keep that order). */
function pagesOn(hosts: LoopbackHosts, count: number): FetchRequest[] {
  return hosts.hosts.flatMap((host, h) => Array.from({ length: count }, (_, n) => ({ key: `h${h}-p${n}`, url: host.at(`/p/${n}`) })));
}

async function crawl(requests: FetchRequest[], fetch: Partial<FetchOptions>, pausedHosts?: HostBackoff[]): Promise<{ pages: Map<string, FetchedPage & { at: number }>; summary: CrawlSummary }> {
  const pages = new Map<string, FetchedPage & { at: number }>();
  const summary = await fetchPages(requests, {
    ...options(fetch), userAgent: 'policy-watch-test', pausedHosts,
    onPage: (page) => { pages.set(page.key, { ...page, at: Date.now() }); },
  });
  return { pages, summary };
}

describe('politeness per host (several loopback hosts)', () => {
  it('never has more than perHost.maxConcurrency requests in flight on one host, and starts them at least delayMs apart', async () => {
    sites = await startLoopbackHosts(ADDRESSES, () => ({ body: PAGE, delayMs: 40 }));
    const { pages } = await crawl(pagesOn(sites, 4), { perHost: { maxConcurrency: 1, delayMs: 150 } });

    expect([...pages.values()].every((page) => page.outcome === 'ok')).toBe(true);
    for (const host of sites.hosts) {
      expect(host.hits).toHaveLength(4);
      expect(maxInFlight(host.hits)).toBe(1);
      expect(minStartSpacing(host.hits)).toBeGreaterThanOrEqual(150);
    }
    // The hosts were asked side by side, not one after the other in config order.
    expect(maxInFlight(sites.hits)).toBeGreaterThan(1);
    const firstStarts = sites.hosts.map((host) => host.hits[0]!.start);
    expect(Math.max(...firstStarts) - Math.min(...firstStarts)).toBeLessThan(150);
  });

  it('lets perHost.maxConcurrency requests run at once on a host, and no more', async () => {
    sites = await startLoopbackHosts(ADDRESSES.slice(0, 2), () => ({ body: PAGE, delayMs: 80 }));
    await crawl(pagesOn(sites, 6), { maxConcurrency: 8, perHost: { maxConcurrency: 2, delayMs: 0 } });
    for (const host of sites.hosts) {
      expect(host.hits).toHaveLength(6);
      expect(maxInFlight(host.hits)).toBe(2);
    }
    expect(maxInFlight(sites.hits)).toBe(4);
  });

  it('fills every overall slot with requests to different hosts (maxConcurrency above crawlee\'s default of 10)', async () => {
    const addresses = Array.from({ length: 12 }, (_, i) => `127.0.0.${i + 2}`);
    sites = await startLoopbackHosts(addresses, () => ({ body: PAGE, delayMs: 150 }));
    await crawl(pagesOn(sites, 2), { maxConcurrency: 12, perHost: { maxConcurrency: 1, delayMs: 0 } });
    expect(maxInFlight(sites.hits)).toBe(12);
    for (const host of sites.hosts) expect(maxInFlight(host.hits)).toBe(1);
  });

  it('waits out a short Retry-After on that host only: the other hosts go on meanwhile', async () => {
    sites = await startLoopbackHosts(ADDRESSES, (host, _path, nth) =>
      host === '127.0.0.2' && nth === 1 ? { status: 429, headers: { 'retry-after': '2' }, body: 'busy' } : { body: PAGE, delayMs: 30 });
    const [paused] = sites.hosts;
    const { pages } = await crawl(pagesOn(sites, 3), { maxConcurrency: 2, perHost: { maxConcurrency: 1, delayMs: 0 } });

    expect([...pages.values()].map((page) => page.outcome)).toEqual(Array(9).fill('ok'));
    const refusedAt = paused!.hits[0]!.start;
    // Nothing was asked of the paused host for the two seconds it asked for...
    expect(paused!.hits[1]!.start - refusedAt).toBeGreaterThanOrEqual(1900);
    // ...while every page of the other hosts was read in that time.
    const others = [...pages.values()].filter((page) => !page.key.startsWith('h0-'));
    expect(Math.max(...others.map((page) => page.at))).toBeLessThan(refusedAt + 1900);
  });

  it('closes a host whose Retry-After is longer than fetch.timeoutMs: its other pages are blocked unasked, the others read, the pause reported', async () => {
    sites = await startLoopbackHosts(ADDRESSES, (host) =>
      host === '127.0.0.3' ? { status: 429, headers: { 'retry-after': '3600' }, body: 'busy', delayMs: 20 } : { body: PAGE, delayMs: 20 });
    const before = Date.now();
    const { pages, summary } = await crawl(pagesOn(sites, 3), { perHost: { maxConcurrency: 1, delayMs: 0 } });

    expect(sites.hosts[1]!.hits).toHaveLength(1);
    const closed = [...pages.values()].filter((page) => page.key.startsWith('h1-'));
    expect(closed.map((page) => page.outcome)).toEqual(['blocked', 'blocked', 'blocked']);
    expect(closed.filter((page) => page.httpStatus === 429).map((page) => page.reason)).toEqual([expect.stringMatching(/^HTTP 429 \(Retry-After 3600 s/)]);
    expect(closed.filter((page) => page.httpStatus === null).map((page) => page.reason))
      .toEqual(Array(2).fill(expect.stringMatching(/^host paused until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(HTTP 429 Retry-After\)$/)));
    expect([...pages.values()].filter((page) => !page.key.startsWith('h1-')).every((page) => page.outcome === 'ok')).toBe(true);
    expect(summary.backoffs).toEqual([{ host: '127.0.0.3', until: expect.any(Number), reason: 'HTTP 429 Retry-After' }]);
    expect(summary.backoffs[0]!.until).toBeGreaterThanOrEqual(before + 3_600_000);
  });

  it('asks nothing of a host paused by an earlier cycle and records its pages as blocked with the pause', async () => {
    sites = await startLoopbackHosts(ADDRESSES.slice(0, 2), () => ({ body: PAGE }));
    const until = Date.parse('2099-12-01T12:00:00Z');
    const { pages, summary } = await crawl(pagesOn(sites, 2), {}, [{ host: '127.0.0.2', until, reason: 'HTTP 429 Retry-After' }]);
    expect(sites.hosts[0]!.hits).toEqual([]);
    expect(pages.get('h0-p0')).toMatchObject({ outcome: 'blocked', httpStatus: null, reason: 'host paused until 2099-12-01T12:00:00Z (HTTP 429 Retry-After)' });
    expect(pages.get('h1-p1')).toMatchObject({ outcome: 'ok' });
    expect(summary.backoffs).toEqual([]);
  });

  it("honours robots.txt's Crawl-delay as the host's delay when respectRobotsTxt is on, and skips what it disallows", async () => {
    const robots = 'User-agent: *\nCrawl-delay: 0.4\nDisallow: /private\n';
    sites = await startLoopbackHosts(ADDRESSES.slice(0, 2), (_host, path): HostAnswer =>
      path === '/robots.txt' ? { body: robots, headers: { 'content-type': 'text/plain' } } : { body: PAGE, delayMs: 10 });
    const requests = [...pagesOn(sites, 3), { key: 'private', url: sites.hosts[0]!.at('/private') }];
    const { pages } = await crawl(requests, { respectRobotsTxt: true, perHost: { maxConcurrency: 1, delayMs: 100 } });

    expect(pages.get('private')).toMatchObject({ outcome: 'error', reason: 'disallowed by robots.txt' });
    for (const host of sites.hosts) {
      const visits = host.hits.filter((hit) => hit.path.startsWith('/p/'));
      expect(visits).toHaveLength(3);
      expect(minStartSpacing(visits)).toBeGreaterThanOrEqual(400);
      expect(host.hits.some((hit) => hit.path === '/private')).toBe(false);
    }
  });
});

describe('a Retry-After remembered across check cycles', () => {
  it('records the paused host\'s sources as blocked in the next cycle without asking it, while the other host is checked', async () => {
    let refuse = false;
    sites = await startLoopbackHosts(ADDRESSES.slice(0, 2), (host) =>
      refuse && host === '127.0.0.2' ? { status: 429, headers: { 'retry-after': '7200' }, body: 'busy' } : { body: privacyPolicyPage() });
    const [slow, other] = sites.hosts;
    const dir = tempDir();
    const config = writeConfig(dir, {
      fetch: { ...FAST_FETCH, perHost: { maxConcurrency: 1, delayMs: 0 } },
      sources: [
        { id: 'slow-a', url: slow!.at('/a'), kind: 'privacy-policy' },
        { id: 'slow-b', url: slow!.at('/b'), kind: 'privacy-policy' },
        { id: 'other', url: other!.at('/a'), kind: 'privacy-policy' },
      ],
    });
    const db = openDatabase(config.database);
    try {
      const status = async () => new Map((await runCheckCycle({ db, config })).results.map((r) => [r.sourceId, r]));
      expect([...(await status()).values()].map((r) => r.status)).toEqual(['new', 'new', 'new']);

      refuse = true;
      const refused = await status();
      expect([refused.get('slow-a')!.status, refused.get('slow-b')!.status, refused.get('other')!.status]).toEqual(['blocked', 'blocked', 'unchanged']);
      expect(slow!.hits).toHaveLength(3);
      const [row] = db.$client.prepare('SELECT host, until, reason FROM host_backoffs').all() as { host: string; until: number; reason: string }[];
      expect(row).toMatchObject({ host: '127.0.0.2', reason: 'HTTP 429 Retry-After' });

      const next = await status();
      const reason = `host paused until ${new Date(row!.until).toISOString().replace(/\.\d{3}Z$/, 'Z')} (HTTP 429 Retry-After)`;
      expect(next.get('slow-a')).toMatchObject({ status: 'blocked', reason, httpStatus: null });
      expect(next.get('slow-b')).toMatchObject({ status: 'blocked', reason, httpStatus: null });
      expect(next.get('other')!.status).toBe('unchanged');
      expect(slow!.hits).toHaveLength(3);
      expect(other!.hits).toHaveLength(3);
      const checks = db.$client.prepare("SELECT reason FROM checks WHERE source_id = 'slow-a' ORDER BY id").all() as { reason: string | null }[];
      expect(checks.at(-1)!.reason).toBe(reason);
    } finally {
      db.$client.close();
      dir.remove();
    }
  });
});
