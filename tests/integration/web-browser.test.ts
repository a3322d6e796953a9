import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import { createTestDatabase, ms, seedLinkedInTimeline, seedSnapshot, seedSource, type LinkedInTimeline, type TestDatabase } from '../helpers/seed.js';

const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));

let test: TestDatabase;
let timeline: LinkedInTimeline;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  test = createTestDatabase();
  timeline = seedLinkedInTimeline(test.db);
  server = await startServer(test.db, { host: '127.0.0.1', port: 0, token: null, publicUrl: '' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  test?.close();
});

describe('the web page in Chromium', () => {
  it('lists the sources with their status and current facts', async () => {
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.goto(`${server.url}/`);
    expect(await page.title()).toBe('policy-watch');
    const names = await page.locator('article.source h3').allTextContents();
    expect(names).toEqual([
      'LinkedIn Trust & Safety blog', 'Updates to our terms and data use', 'Generative AI help article',
      'LinkedIn Privacy Policy', 'LinkedIn User Agreement',
    ]);
    await expect(page.locator('[data-source-id="linkedin-help-ai"] .badge.failing').textContent()).resolves.toBe('failing ×3');
    await page.screenshot({ path: `${OUTPUT}web-home.png`, fullPage: true });
    // The CSP forbids scripts; nothing on the page should have tried to break it.
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('opens a change from the timeline and shows its fact diff and text diff', async () => {
    await page.goto(`${server.url}/`);
    await page.locator(`li.change[data-change-id="${timeline.privacy.regionsChange}"] a.title`).click();
    await page.waitForURL(`${server.url}/changes/${timeline.privacy.regionsChange}`);
    expect(await page.locator('h1').textContent()).toBe('LinkedIn Privacy Policy');
    expect(await page.locator('tr[data-fact="regions"] td.after .chip.add').evaluateAll((chips) => chips.map((c) => c.getAttribute('title')))).toEqual(['CA', 'CH', 'EEA', 'EU', 'GB', 'HK']);
    expect(await page.locator('table.text-diff tr.add').first().textContent()).toContain('Effective November 3, 2025');
    const added = await page.locator('table.text-diff tr.add td.code').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const removed = await page.locator('table.text-diff tr.del td.code').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(added).not.toBe(removed);
    await page.screenshot({ path: `${OUTPUT}web-change.png`, fullPage: true });
  });

  it('filters the timeline by source with the form, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    try {
      await plain.goto(`${server.url}/`);
      await plain.click('details.filter-box summary');
      await plain.selectOption('select[name="source"]', 'linkedin-user-agreement');
      await plain.click('form.filters button[type="submit"]');
      await plain.waitForURL(/source=linkedin-user-agreement/);
      expect(await plain.locator('li.change').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('opens a source page from its card: facts with labels and evidence, timeline, checks, snapshots', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('article.source[data-source-id="linkedin-privacy-policy"] h3 a').click();
    await page.waitForURL(`${server.url}/sources/linkedin-privacy-policy`);
    expect(await page.locator('h1').textContent()).toBe('LinkedIn Privacy Policy');
    const effective = page.locator('table.facts-table tr[data-fact="effectiveDate"]');
    expect(await effective.locator('th').innerText()).toContain('Effective date');
    expect(await effective.locator('td.evidence').innerText()).toContain('Effective November 3, 2025');
    expect(await page.locator('.fact-history[data-fact="regions"] li').count()).toBe(2);
    expect(await page.locator('table.checks tr.blocked td.note').innerText()).toBe('HTTP 999');
    await page.screenshot({ path: `${OUTPUT}web-source.png`, fullPage: true });
    // Follow the timeline to the change that widened the regions.
    await page.locator('.fact-history[data-fact="regions"] li.current a.moved').click();
    await page.waitForURL(`${server.url}/changes/${timeline.privacy.regionsChange}`);
  });

  it('shows a snapshot\'s archived copy and its raw page as inert text', async () => {
    const [, p2] = timeline.privacy.snapshots;
    await page.goto(`${server.url}/snapshots/${p2}`);
    expect(await page.locator('pre.archived-text').innerText()).toContain("We're updating our Privacy Policy on November 3, 2025.");
    await page.screenshot({ path: `${OUTPUT}web-snapshot.png`, fullPage: true });

    const source = seedSource(test.db, { id: 'scripted-page' });
    const scripted = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-01T00:00:00Z'), text: '<script>document.title="ran"; window.ran = true</script><b>Policy</b>' });
    const raw = await browser.newPage();
    try {
      const response = await raw.goto(`${server.url}/snapshots/${scripted}/raw`);
      expect(response!.headers()['content-type']).toBe('text/plain; charset=utf-8');
      expect(await raw.evaluate(() => document.contentType)).toBe('text/plain');
      expect(await raw.title()).not.toBe('ran');
      expect(await raw.locator('body').innerText()).toContain('<script>document.title="ran"; window.ran = true</script><b>Policy</b>');
      expect(await raw.locator('b').count()).toBe(0);
    } finally {
      await raw.close();
    }
  });

  it('reads well 390 px wide: every page fits without sideways scrolling', async () => {
    const narrow = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    try {
      const pages: Array<[string, string]> = [
        ['/', 'web-home-390'],
        [`/sources/linkedin-privacy-policy`, 'web-source-390'],
        [`/sources/${timeline.blog.postId}`, 'web-post-390'],
        [`/changes/${timeline.privacy.regionsChange}`, 'web-change-390'],
        [`/snapshots/${timeline.privacy.snapshots[2]}`, 'web-snapshot-390'],
      ];
      for (const [path, shot] of pages) {
        await narrow.goto(`${server.url}${path}`);
        expect(await narrow.locator('h1').innerText(), path).not.toBe('');
        const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
        await narrow.screenshot({ path: `${OUTPUT}${shot}.png`, fullPage: true });
      }
      await narrow.goto(`${server.url}/sources/linkedin-privacy-policy`);
      // The labels and values are still there, not cut off.
      expect(await narrow.locator('table.facts-table tr[data-fact="regions"]').innerText()).toContain('Regions covered');
      expect(await narrow.locator('table.facts-table tr[data-fact="regions"] td.value').isVisible()).toBe(true);
    } finally {
      await narrow.close();
    }
  });

  it('serves a feed that the browser parses as strict XML', async () => {
    const xml = await (await fetch(`${server.url}/feed.atom`)).text();
    const blank = await browser.newPage();
    try {
      const parsed = await blank.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, entries: doc.getElementsByTagName('entry').length };
      }, xml);
      expect(parsed).toEqual({ error: null, entries: 3 });
    } finally {
      await blank.close();
    }
  });
});
