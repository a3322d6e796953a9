import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/test-config.js';
import { renderPages, type RenderOptions, type RenderRequest } from '../../src/crawl/render-pages.js';
import type { FetchedPage } from '../../src/crawl/fetch-pages.js';
import type { HostBackoff } from '../../src/domain/host-backoff.js';
import { startLoopbackHosts, maxInFlight, type HostAnswer, type LoopbackHosts } from '../helpers/loopback-hosts.js';
import { scriptDrawnPage, EMPTY_SHELL } from '../helpers/script-pages.js';

const CHROMIUM = '/usr/bin/chromium';

const OPTIONS: Omit<RenderOptions, 'onPage'> = {
  timeoutMs: 4000, maxRetries: 0, maxBodyBytes: 20_000, maxConcurrency: 4, maxRequestsPerMinute: 10_000,
  respectRobotsTxt: false, perHost: { maxConcurrency: 4, delayMs: 0 }, userAgent: 'policy-watch-test',
  browser: { executablePath: CHROMIUM },
};

/** A loopback port nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Renders `requests` and returns the pages by key. */
async function render(requests: RenderRequest[], options: Partial<RenderOptions> = {}) {
  const pages = new Map<string, FetchedPage>();
  const summary = await renderPages(requests, { ...OPTIONS, ...options, onPage: (page) => { pages.set(page.key, page); } });
  return { pages, summary };
}

describe.skipIf(!existsSync(CHROMIUM))('renderPages() in headless Chromium', () => {
  let sites: LoopbackHosts;
  const [main, other, limited, paused] = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
  const answers: Record<string, HostAnswer> = {
    '/drawn': { body: scriptDrawnPage() },
    '/drawn-late': { body: scriptDrawnPage(undefined, 800) },
    '/shell': { body: EMPTY_SHELL },
    '/forbidden': { status: 403, body: '<p>Forbidden</p>' },
    '/linkedin-999': { status: 999, body: '<p>Request denied</p>' },
    '/gone': { status: 404, body: '<p>Not found</p>' },
    '/broken': { status: 500, body: '<p>Server error</p>' },
    '/huge': { body: scriptDrawnPage(`<main>${'<p>Effective November 3, 2025. '.repeat(1000)}</main>`) },
    '/slow-down': { status: 429, headers: { 'retry-after': '3600' }, body: '<p>Too many requests</p>' },
    // Answers long after any test has ended: only a kill ends its wait.
    '/hang': { delayMs: 30_000, body: scriptDrawnPage() },
  };

  beforeAll(async () => {
    sites = await startLoopbackHosts([main, other, limited, paused], (host, path) => {
      if (path === '/elsewhere') return { status: 302, headers: { location: sites.hosts[1]!.at('/drawn') } };
      return answers[path] ?? { status: 404, body: 'no such page' };
    });
  });
  afterAll(async () => {
    await sites.close();
  });

  it('reads script-drawn text, and tells blocked, failed, empty and foreign pages apart like fetched ones', async () => {
    const at = (path: string) => sites.hosts[0]!.at(path);
    const stored: HostBackoff[] = [];
    const { pages, summary } = await render([
      { key: 'drawn', url: at('/drawn') },
      { key: 'drawn-late', url: at('/drawn-late'), select: 'main' },
      { key: 'never-drawn', url: at('/drawn'), select: ['#terms-of-sale', 'main'] },
      { key: 'shell', url: at('/shell') },
      { key: 'forbidden', url: at('/forbidden') },
      { key: 'linkedin-999', url: at('/linkedin-999') },
      { key: 'gone', url: at('/gone') },
      { key: 'broken', url: at('/broken') },
      { key: 'huge', url: at('/huge') },
      { key: 'elsewhere', url: at('/elsewhere') },
      { key: 'slow-down', url: sites.hosts[2]!.at('/slow-down') },
      { key: 'paused', url: sites.hosts[3]!.at('/drawn') },
      { key: 'refused', url: `http://127.0.0.1:${await closedPort()}/policy` },
    ], {
      pausedHosts: [{ host: paused, until: Date.now() + 60_000, reason: 'HTTP 429 Retry-After' }],
      onBackoff: (backoff) => { stored.push(backoff); },
    });

    expect(pages.get('drawn')).toMatchObject({ outcome: 'ok', httpStatus: 200, contentType: 'text/html', etag: null });
    expect(pages.get('drawn')?.body).toContain('Effective November 3, 2025');
    expect(pages.get('drawn')?.bytes).toBe(Buffer.byteLength(pages.get('drawn')!.body!));
    expect(pages.get('drawn-late')?.body).toContain('Data for Generative AI Improvement');
    expect(pages.get('never-drawn')).toMatchObject({ outcome: 'error', reason: expect.stringContaining('never showed "#terms-of-sale"'), errorKind: 'transient' });
    expect(pages.get('shell')).toMatchObject({ outcome: 'error', reason: 'the rendered page has no text (its scripts drew nothing)', errorKind: 'transient' });
    expect(pages.get('forbidden')).toMatchObject({ outcome: 'blocked', httpStatus: 403, reason: 'HTTP 403', errorKind: 'blocked' });
    expect(pages.get('linkedin-999')).toMatchObject({ outcome: 'blocked', httpStatus: 999, errorKind: 'blocked' });
    expect(pages.get('gone')).toMatchObject({ outcome: 'error', httpStatus: 404, reason: 'HTTP 404', errorKind: 'permanent' });
    expect(pages.get('broken')).toMatchObject({ outcome: 'error', httpStatus: 500, reason: 'HTTP 500', errorKind: 'transient' });
    expect(pages.get('huge')).toMatchObject({ outcome: 'error', reason: expect.stringMatching(/over fetch\.maxBodyBytes \(20000\)/), errorKind: 'permanent' });
    expect(pages.get('elsewhere')).toMatchObject({ outcome: 'error', reason: `redirect to another host refused: ${new URL(sites.hosts[1]!.at('/')).host}`, errorKind: 'permanent' });
    expect(pages.get('refused')).toMatchObject({ outcome: 'error', httpStatus: null, errorKind: 'transient', reason: expect.stringMatching(/^connection refused/) });
    expect(pages.get('slow-down')).toMatchObject({
      outcome: 'blocked', httpStatus: 429, errorKind: 'blocked',
      reason: 'HTTP 429 (Retry-After 3600 s: longer than fetch.timeoutMs, not asked again in this check)',
    });
    // The long pause is handed over once, as it comes, and is in the summary too.
    expect(stored).toEqual([expect.objectContaining({ host: limited, reason: 'HTTP 429 Retry-After' })]);
    expect(summary.backoffs).toEqual(stored);
    expect(pages.get('paused')).toMatchObject({ outcome: 'blocked', reason: expect.stringContaining('HTTP 429 Retry-After'), errorKind: 'blocked' });
    expect(sites.hosts[3]!.hits).toEqual([]);
    expect(summary).toMatchObject({ stopped: false, notAsked: [] });
  });

  it('spaces the starts on one host by fetch.perHost.delayMs, one page at a time', async () => {
    const before = sites.hosts[0]!.hits.length;
    const urls = ['/drawn', '/drawn?2', '/drawn?3'].map((path, i) => ({ key: `page-${i}`, url: sites.hosts[0]!.at(path) }));
    const { pages } = await render(urls, { perHost: { maxConcurrency: 1, delayMs: 400 } });
    expect([...pages.values()].map((page) => page.outcome)).toEqual(['ok', 'ok', 'ok']);
    const hits = sites.hosts[0]!.hits.slice(before).filter((hit) => hit.path === '/drawn');
    expect(hits).toHaveLength(3);
    expect(maxInFlight(hits)).toBe(1);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start - hits[i - 1]!.start).toBeGreaterThanOrEqual(400);
  });

  it('stops when its signal aborts: pages in flight are reported, those never asked are listed as not asked', async () => {
    const controller = new AbortController();
    const pages = new Map<string, FetchedPage>();
    const urls = Array.from({ length: 4 }, (_, i) => ({ key: `page-${i}`, url: sites.hosts[0]!.at(`/drawn?stop-${i}`) }));
    const summary = await renderPages(urls, {
      ...OPTIONS, perHost: { maxConcurrency: 1, delayMs: 1000 }, signal: controller.signal,
      onPage: (page) => {
        pages.set(page.key, page);
        controller.abort();
      },
    });
    expect(pages.get('page-0')?.outcome).toBe('ok');
    expect([...pages.values()].every((page) => page.outcome === 'ok')).toBe(true);
    expect(summary.stopped).toBe(true);
    expect(summary.notAsked).toContain('page-3');
    expect([...pages.keys(), ...summary.notAsked].sort()).toEqual(urls.map((u) => u.key));
  });

  it('is killed by its killSignal within a few seconds: the page in flight is abandoned, unreported, with the rest', async () => {
    const kill = new AbortController();
    const pages = new Map<string, FetchedPage>();
    const host = sites.hosts[1]!;
    const before = host.hits.length;
    const requests = [
      { key: 'first', url: host.at('/drawn?kill') },
      { key: 'hanging', url: host.at('/hang') },
      { key: 'after', url: host.at('/drawn?after-kill') },
    ];
    const rendering = renderPages(requests, {
      ...OPTIONS, timeoutMs: 60_000, perHost: { maxConcurrency: 1, delayMs: 0 }, killSignal: kill.signal,
      onPage: (page) => { pages.set(page.key, page); },
    });
    while (!host.hits.slice(before).some((hit) => hit.path === '/hang')) await new Promise((resolve) => setTimeout(resolve, 50));
    const killedAt = Date.now();
    kill.abort();
    const summary = await rendering;
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    expect([...pages.keys()]).toEqual(['first']);
    expect(summary).toMatchObject({ stopped: true, backoffs: [] });
    expect(summary.notAsked.sort()).toEqual(['after', 'hanging']);
    expect(host.hits.slice(before).map((hit) => hit.path)).not.toContain('/drawn?after-kill');
  });

  it('told to stop before it starts, launches no browser, asks no host and lists every page as not asked', async () => {
    const before = sites.hits.length;
    const { pages, summary } = await render([{ key: 'a', url: sites.hosts[0]!.at('/drawn') }], { signal: AbortSignal.abort() });
    expect(pages.size).toBe(0);
    expect(summary).toEqual({ backoffs: [], notAsked: ['a'], stopped: true });
    expect(sites.hits.length).toBe(before);
  });

  it('with no browser, reports every page as an error with the install hint and asks no host', async () => {
    const before = sites.hits.length;
    const { pages } = await render([{ key: 'a', url: sites.hosts[0]!.at('/drawn') }, { key: 'b', url: sites.hosts[1]!.at('/drawn') }], {
      browser: { executablePath: '/nonexistent/chromium' },
    });
    for (const key of ['a', 'b']) expect(pages.get(key)).toMatchObject({ outcome: 'error', reason: expect.stringMatching(/^no browser for render: browser\.executablePath \/nonexistent\/chromium is not an executable file; install chromium/), errorKind: 'permanent' });
    expect(sites.hits.length).toBe(before);
  });

  it('with a browser that does not start, reports every page as an error saying so, and the call returns', async () => {
    const dir = tempDir('policy-watch-broken-browser-');
    try {
      const broken = dir.file('chromium');
      writeFileSync(broken, '#!/bin/sh\necho "error while loading shared libraries" >&2\nexit 127\n');
      chmodSync(broken, 0o755);
      const { pages } = await render([{ key: 'a', url: sites.hosts[0]!.at('/drawn') }, { key: 'b', url: sites.hosts[0]!.at('/drawn?b') }], {
        browser: { executablePath: broken },
      });
      for (const key of ['a', 'b']) expect(pages.get(key)).toMatchObject({ outcome: 'error', reason: expect.stringMatching(new RegExp(`^browser ${broken} did not start: .*; install chromium`)), errorKind: 'permanent' });
    } finally {
      dir.remove();
    }
  });
});
