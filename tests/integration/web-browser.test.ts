import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import { createTestDatabase, seedLinkedInTimeline, type LinkedInTimeline, type TestDatabase } from '../helpers/seed.js';

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
    expect(await page.locator('tr[data-fact="regions"] td:nth-child(3) .chip.add').allTextContents()).toEqual(['CA', 'CH', 'EEA', 'EU', 'GB', 'HK']);
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
      await plain.selectOption('select[name="source"]', 'linkedin-user-agreement');
      await plain.click('form.filters button[type="submit"]');
      await plain.waitForURL(/source=linkedin-user-agreement/);
      expect(await plain.locator('li.change').count()).toBe(1);
    } finally {
      await context.close();
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
