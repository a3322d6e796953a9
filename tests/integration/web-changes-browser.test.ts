import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import { createTestDatabase, seedLinkedInTimeline, type TestDatabase } from '../helpers/seed.js';
import { seedOptOutRemoved } from '../helpers/seed-opt-out-removed.js';

const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));

let test: TestDatabase;
let acme: ReturnType<typeof seedOptOutRemoved>;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  test = createTestDatabase();
  seedLinkedInTimeline(test.db);
  acme = seedOptOutRemoved(test.db);
  server = await startServer(test.db, { host: '127.0.0.1', port: 0, token: null, publicUrl: '' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  test?.close();
});

async function open(path: string, width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}${path}`);
  return page;
}

/** The distinct source ids of a `/facts.csv` body (its first column, after the header). */
function csvSourceIds(csv: string): string[] {
  const rows = csv.replace(/^\uFEFF/, '').split('\r\n').slice(1).filter(Boolean);
  return [...new Set(rows.map((row) => row.split(',')[0]!))];
}

async function fitsSideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe.each([[1280, 900], [390, 844]])('at %i × %i px', (width, height) => {
  it('the home page shows the latest change above the fold, with which way it cuts and the sentence behind it', async () => {
    const page = await open('/', width, height);
    try {
      const first = page.locator('li.change').first();
      expect(await first.getAttribute('data-change-id')).toBe(String(acme.changeId));
      const box = (await first.boundingBox())!;
      expect(box.y, 'the first change starts on screen').toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `the first change ends at ${box.y + box.height} px`).toBeLessThanOrEqual(height);
      expect(await first.getAttribute('data-direction')).toBe('wider');
      // What, which way, when, the sentence behind it, a link to the change.
      const defaultLine = first.locator('li[data-fact="aiTrainingDefault"]');
      expect(await defaultLine.innerText()).toContain('Training default');
      expect(await defaultLine.locator('.dir').innerText()).toContain('Wider use');
      expect(await defaultLine.innerText()).toContain('On by default, opt-out');
      expect(await defaultLine.locator('q.said').innerText()).toContain('This setting can no longer be turned off.');
      expect(await first.locator('time').getAttribute('datetime')).toBe('2026-02-01T06:00:00.000Z');
      expect(await first.locator('a.title').getAttribute('href')).toBe(`/changes/${acme.changeId}`);
      // Wider is red, narrower green: the colour says which way it cuts.
      const wider = await defaultLine.locator('.dir').evaluate((el) => getComputedStyle(el).color);
      expect(wider).toBe('rgb(164, 14, 38)');
      // The sources come after the changes.
      const changes = (await page.locator('#timeline').boundingBox())!;
      const sources = (await page.locator('#sources').boundingBox())!;
      expect(sources.y).toBeGreaterThan(changes.y);
      expect(await fitsSideways(page)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${OUTPUT}home-changes-${width}.png` });
      await page.screenshot({ path: `${OUTPUT}home-changes-${width}-full.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('a change page shows each fact\'s direction and the sentence it was read from before and after', async () => {
    const page = await open(`/changes/${acme.changeId}`, width, height);
    try {
      const row = page.locator('tr[data-fact="aiTrainingDefault"]');
      expect(await row.getAttribute('data-direction')).toBe('wider');
      expect(await row.locator('td.before').innerText()).toContain('Opt-in only');
      expect(await row.locator('td.before q.said').innerText()).toBe('we may use your posts to improve our AI models if you opt in');
      expect(await row.locator('td.after').innerText()).toContain('On by default, opt-out');
      expect(await row.locator('td.after q.said').innerText()).toContain('This setting can no longer be turned off.');
      const optOut = page.locator('tr[data-fact="optOutPath"]');
      expect(await optOut.locator('.dir').innerText()).toContain('Wider use');
      expect(await optOut.locator('td.before q.said').innerText()).toBe('Go to Settings > Privacy > AI training to change your choice.');
      expect(await optOut.locator('td.before').innerText()).toContain('Settings › Privacy › AI training');
      expect(await page.locator('tr[data-fact="effectiveDate"]').getAttribute('data-direction')).toBe('neutral');
      expect(await page.locator('tr[data-fact="regions"] td.after .chip').allInnerTexts()).toEqual(['Worldwide']);
      expect(await page.locator('tr[data-fact="minimumAge"] .dir').innerText()).toContain('Wider use');
      expect(await fitsSideways(page)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${OUTPUT}change-evidence-${width}.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('/facts shows every source side by side, each cell linking to its evidence', async () => {
    const page = await open('/facts', width, height);
    try {
      const acmeRow = page.locator(`tr[data-source-id="${acme.sourceId}"]`);
      expect(await acmeRow.locator('td[data-fact="aiTrainingDefault"]').innerText()).toBe('On by default, opt-out');
      expect(await acmeRow.locator('td[data-fact="includedData"] .chip').allInnerTexts()).toEqual(['AI chats and prompts', 'Posts']);
      expect(await acmeRow.locator('td[data-fact="regions"]').innerText()).toContain('Worldwide');
      expect(await acmeRow.locator('td[data-fact="optOutPath"]').innerText()).toBe('—');
      expect(await acmeRow.locator('td[data-fact="minorsExcluded"]').innerText()).toBe('Excluded under 16');
      const linkedin = page.locator('tr[data-source-id="linkedin-privacy-policy"]');
      expect(await linkedin.locator('td[data-fact="regions"]').innerText()).toContain('United Kingdom');
      // The page never scrolls sideways: the table scrolls in its own box.
      expect(await fitsSideways(page)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${OUTPUT}facts-${width}.png`, fullPage: true });

      await acmeRow.locator('td[data-fact="aiTrainingDefault"] a').click();
      await page.waitForURL(`${server.url}/sources/${acme.sourceId}#fact-aiTrainingDefault`);
      const target = page.locator('#fact-aiTrainingDefault');
      expect(await target.locator('td.evidence').innerText()).toContain('This setting can no longer be turned off.');
      const box = (await target.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(height);
    } finally {
      await page.close();
    }
  });
});

describe('/facts filters and CSV', () => {
  it('filters by kind and by service without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/facts`);
      await page.selectOption('select[name="kind"]', 'blog-post');
      await page.click('form.filters button[type="submit"]');
      await page.waitForURL(/kind=blog-post/);
      expect(await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source-id'))))
        .toEqual(['linkedin-blog-trust/ai-data-update']);
      await page.goto(`${server.url}/facts?service=acme`);
      expect(await page.locator('tbody tr').count()).toBe(1);
      expect(await page.locator('input[name="service"]').inputValue()).toBe('acme');
    } finally {
      await context.close();
    }
  });

  it('links a CSV of the sources the filters show, and the CSV honours them', async () => {
    const page = await open('/facts?kind=blog-post', 1280, 900);
    try {
      expect(await page.locator('a.csv').getAttribute('href')).toBe('/facts.csv?kind=blog-post');
      await page.goto(`${server.url}/facts?kind=privacy-policy&service=Acme`);
      const shown = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source-id')));
      expect(shown).toEqual([acme.sourceId]);
      const href = (await page.locator('a.csv').getAttribute('href'))!;
      expect(href).toBe('/facts.csv?kind=privacy-policy&service=Acme');
      expect(csvSourceIds(await (await fetch(`${server.url}${href}`)).text())).toEqual(shown);
    } finally {
      await page.close();
    }
    expect(csvSourceIds(await (await fetch(`${server.url}/facts.csv?kind=blog-post`)).text())).toEqual(['linkedin-blog-trust/ai-data-update']);
    expect(csvSourceIds(await (await fetch(`${server.url}/facts.csv?service=nobody-watches-this`)).text())).toEqual([]);
    expect(csvSourceIds(await (await fetch(`${server.url}/facts.csv`)).text())).toEqual(expect.arrayContaining([acme.sourceId, 'linkedin-privacy-policy', 'linkedin-blog-trust/ai-data-update']));
  });

  it('links a CSV that is the export format', async () => {
    const page = await open('/facts', 1280, 900);
    try {
      expect(await page.locator('a.csv').getAttribute('href')).toBe('/facts.csv');
    } finally {
      await page.close();
    }
    const response = await fetch(`${server.url}/facts.csv?source=${acme.sourceId}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('sourceId,fact,value,from,until,fromSnapshotId,untilSnapshotId,evidence');
    expect(lines).toContain(`acme-chat-privacy,aiTrainingDefault,on,2026-02-01T06:00:00.000Z,,${acme.after},,we use your posts and your chats with Acme Assistant to train our AI models. This setting can no longer be turned off.`);
  });
});
