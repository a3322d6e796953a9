import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/test-config.js';
import { renderPages, type RenderOptions, type RenderRequest } from '../../src/crawl/render-pages.js';
import type { FetchedPage } from '../../src/crawl/fetch-pages.js';
import { startLoopbackHosts, maxInFlight, type HostAnswer, type LoopbackHosts } from '../helpers/loopback-hosts.js';
import { scriptDrawnPage, EMPTY_SHELL } from '../helpers/script-pages.js';

const CHROMIUM = '/usr/bin/chromium';

const OPTIONS: Omit<RenderOptions, 'onPage'> = {
  timeoutMs: 4000, maxRetries: 0, maxBodyBytes: 20_000, maxConcurrency: 4, maxRequestsPerMinute: 10_000,
  respectRobotsTxt: false, perHost: { maxConcurrency: 4, delayMs: 0 }, userAgent: 'policy-watch-test',
  browser: { executablePath: CHROMIUM },
};

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
    ], { pausedHosts: [{ host: paused, until: Date.now() + 60_000, reason: 'HTTP 429 Retry-After' }] });

    expect(pages.get('drawn')).toMatchObject({ outcome: 'ok', httpStatus: 200, contentType: 'text/html', etag: null });
    expect(pages.get('drawn')?.body).toContain('Effective November 3, 2025');
    expect(pages.get('drawn')?.bytes).toBe(Buffer.byteLength(pages.get('drawn')!.body!));
    expect(pages.get('drawn-late')?.body).toContain('Data for Generative AI Improvement');
    expect(pages.get('never-drawn')).toMatchObject({ outcome: 'error', reason: expect.stringContaining('never showed "#terms-of-sale"') });
    expect(pages.get('shell')).toMatchObject({ outcome: 'error', reason: 'the rendered page has no text (its scripts drew nothing)' });
    expect(pages.get('forbidden')).toMatchObject({ outcome: 'blocked', httpStatus: 403, reason: 'HTTP 403' });
    expect(pages.get('linkedin-999')).toMatchObject({ outcome: 'blocked', httpStatus: 999 });
    expect(pages.get('gone')).toMatchObject({ outcome: 'error', httpStatus: 404, reason: 'HTTP 404' });
    expect(pages.get('broken')).toMatchObject({ outcome: 'error', httpStatus: 500, reason: 'HTTP 500' });
    expect(pages.get('huge')).toMatchObject({ outcome: 'error', reason: expect.stringMatching(/over fetch\.maxBodyBytes \(20000\)/) });
    expect(pages.get('elsewhere')).toMatchObject({ outcome: 'error', reason: `redirect to another host refused: ${new URL(sites.hosts[1]!.at('/')).host}` });
    expect(pages.get('slow-down')).toMatchObject({ outcome: 'blocked', httpStatus: 429, reason: 'HTTP 429 (Retry-After 3600)' });
    expect(summary.backoffs).toEqual([expect.objectContaining({ host: limited, reason: 'HTTP 429 Retry-After' })]);
    expect(pages.get('paused')).toMatchObject({ outcome: 'blocked', reason: expect.stringContaining('HTTP 429 Retry-After') });
    expect(sites.hosts[3]!.hits).toEqual([]);
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

  it('stops when its signal aborts: the pages not read yet are errors, and the call returns', async () => {
    const controller = new AbortController();
    const pages = new Map<string, FetchedPage>();
    const urls = Array.from({ length: 4 }, (_, i) => ({ key: `page-${i}`, url: sites.hosts[0]!.at(`/drawn?abort-${i}`) }));
    await renderPages(urls, {
      ...OPTIONS, perHost: { maxConcurrency: 1, delayMs: 1000 }, signal: controller.signal,
      onPage: (page) => {
        pages.set(page.key, page);
        controller.abort();
      },
    });
    expect(pages.get('page-0')?.outcome).toBe('ok');
    expect(pages.size).toBe(4);
    for (const key of ['page-2', 'page-3']) expect(pages.get(key)).toMatchObject({ outcome: 'error', reason: 'check cancelled' });
  });

  it('with no browser, reports every page as an error with the install hint and asks no host', async () => {
    const before = sites.hits.length;
    const { pages } = await render([{ key: 'a', url: sites.hosts[0]!.at('/drawn') }, { key: 'b', url: sites.hosts[1]!.at('/drawn') }], {
      browser: { executablePath: '/nonexistent/chromium' },
    });
    for (const key of ['a', 'b']) expect(pages.get(key)).toMatchObject({ outcome: 'error', reason: expect.stringMatching(/^no browser for render: browser\.executablePath \/nonexistent\/chromium is not an executable file; install chromium/) });
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
      for (const key of ['a', 'b']) expect(pages.get(key)).toMatchObject({ outcome: 'error', reason: expect.stringMatching(new RegExp(`^browser ${broken} did not start: .*; install chromium`)) });
    } finally {
      dir.remove();
    }
  });
});
