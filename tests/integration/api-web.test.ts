import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import {
  createTestDatabase, factChange, ms, seedChange, seedLinkedInTimeline, seedSnapshot, seedSource,
  type LinkedInTimeline, type TestDatabase,
} from '../helpers/seed.js';

let test: TestDatabase;
let timeline: LinkedInTimeline;
let server: RunningServer;

beforeEach(async () => {
  test = createTestDatabase();
  timeline = seedLinkedInTimeline(test.db);
  server = await startServer(test.db, { host: '127.0.0.1', port: 0, token: null, publicUrl: '' });
});
afterEach(async () => {
  await server.close();
  test.close();
});

async function page(path: string) {
  const response = await fetch(`${server.url}${path}`);
  const body = await response.text();
  return { response, body, $: load(body) };
}

describe('GET /', () => {
  it('shows every source with its status and current facts', async () => {
    const { response, $ } = await page('/');
    expect(response.headers.get('content-type')).toContain('text/html');
    expect($('article.source')).toHaveLength(5);
    const privacy = $('article.source[data-source-id="linkedin-privacy-policy"]');
    expect(privacy.find('h3').text()).toBe('LinkedIn Privacy Policy');
    // The badge says when the source last changed; the last check's status is said apart.
    expect(privacy.find('.badge').first().text()).toBe('changed 2025-11-03');
    expect(privacy.find('.check-status .status').text()).toBe('unchanged');
    expect(privacy.find('dl.facts').text()).toContain('2025-11-03');
    const help = $('article.source[data-source-id="linkedin-help-ai"]');
    expect(help.find('.badge.failing').text()).toBe('failing ×3');
    expect(help.text()).toContain('No snapshot yet.');
    expect(help.find('.problem').text()).toBe('Last check blocked (HTTP 999): HTTP 999 (LinkedIn bot wall)');
  });

  it('names a discovered post without a configured name by its page title', async () => {
    const { $ } = await page('/');
    expect($('article.source[data-source-id="linkedin-blog-trust/ai-data-update"] h3').text()).toBe('Updates to our terms and data use');
  });

  it('lists the changes newest first, each linking to its page', async () => {
    const { $ } = await page('/');
    const links = $('li.change a.title').map((_, el) => $(el).attr('href')).get();
    expect(links).toEqual([
      `/changes/${timeline.privacy.regionsChange}`, `/changes/${timeline.privacy.announcement}`, `/changes/${timeline.agreement.textChange}`,
    ]);
    expect($('li.change').first().text()).toContain('+Canada');
    expect($('li.change').first().attr('data-direction')).toBe('wider');
    expect($('li.change').first().find('li[data-fact="regions"] .dir').text()).toContain('Wider use');
    // The changes come before the sources.
    expect($('#timeline').index()).toBeLessThan($('#sources').index());
  });

  it('filters the timeline with the same parameters as the API and links to older pages', async () => {
    const filtered = await page('/?source=linkedin-privacy-policy&limit=1');
    expect(filtered.$('li.change')).toHaveLength(1);
    const older = filtered.$('a[rel="next"]').attr('href')!;
    expect(older).toContain('source=linkedin-privacy-policy');
    const next = await page(older.replace(/#.*$/, ''));
    expect(next.$('li.change a.title').attr('href')).toBe(`/changes/${timeline.privacy.announcement}`);
  });

  it('answers a bad filter with an HTML page naming it', async () => {
    const { response, $ } = await page('/?since=soon');
    expect(response.status).toBe(400);
    expect($('.error-box').text()).toContain("invalid 'since'");
  });

  it('escapes what comes from pages and config, and links only http(s) URLs', async () => {
    const source = seedSource(test.db, { id: 'evil', name: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' });
    seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-01T00:00:00Z'), title: '<script>alert(2)</script>', facts: { optOutPath: ['<b>bold</b>'] } });
    const { body, $ } = await page('/');
    expect($('img')).toHaveLength(0);
    expect($('script')).toHaveLength(0);
    expect($('b')).toHaveLength(0);
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect($('a[href^="javascript"]')).toHaveLength(0);
  });
});

describe('GET /changes/:id', () => {
  it('shows the fact diff before → after with the added and removed values marked', async () => {
    const { $ } = await page(`/changes/${timeline.privacy.regionsChange}`);
    expect($('h1').text()).toBe('LinkedIn Privacy Policy');
    const regions = $('tr[data-fact="regions"]');
    expect(regions.attr('data-direction')).toBe('wider');
    expect(regions.find('td.before .chip').text()).toBe('United States');
    expect(regions.find('td.after .chip.add').map((_, el) => $(el).attr('title')).get()).toEqual(['CA', 'CH', 'EEA', 'EU', 'GB', 'HK']);
    expect(regions.find('td.after .chip.add').first().text()).toBe('Canada');
    expect(regions.find('.change-note').text()).toBe('+Canada+Switzerland+European Economic Area+European Union+United Kingdom+Hong Kong');
    expect($('tr[data-fact="effectiveDate"]').attr('data-direction')).toBe('neutral');
    expect($('tr[data-fact="effectiveDate"] td.before q.said').text()).toBe('Effective November 20, 2024');
    expect($('tr[data-fact="effectiveDate"] td.after q.said').text()).toBe('Effective November 3, 2025');
    expect($('tr[data-fact="upcomingEffectiveDate"] .change-note').text()).toBe('no longer stated');
    expect($('tr[data-fact="effectiveDate"] del.val').text()).toBe('2024-11-20');
    expect($('tr[data-fact="effectiveDate"] ins.val').text()).toBe('2025-11-03');
  });

  it('shows the text diff as added and removed lines, with the changed words marked', async () => {
    const { $ } = await page(`/changes/${timeline.privacy.regionsChange}`);
    expect($('table.text-diff tr.del').text()).toContain('Effective November 20, 2024');
    expect($('table.text-diff tr.add').text()).toContain('Effective November 3, 2025');
    expect($('table.text-diff tr.add mark').map((_, el) => $(el).text()).get().join('')).toContain('3');
  });

  it('says so when only the wording changed', async () => {
    const { $ } = await page(`/changes/${timeline.agreement.textChange}`);
    expect($('#facts + .empty').text()).toContain('No policy fact changed');
    expect($('table.text-diff tr.add').text()).toContain('16 years or older');
  });

  it('escapes the text diff', async () => {
    const source = seedSource(test.db, { id: 'html-in-text' });
    const a = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-01T00:00:00Z') });
    const b = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-02T00:00:00Z') });
    const id = seedChange(test.db, {
      sourceId: source, detectedAt: ms('2026-01-02T00:00:00Z'), beforeSnapshotId: a, afterSnapshotId: b,
      facts: [factChange('minimumAge', 16, 18)], textDiff: { before: 'ok\n', after: '<script>alert(1)</script>\n' },
    });
    const { $ } = await page(`/changes/${id}`);
    expect($('script')).toHaveLength(0);
    expect($('tr.add').text()).toContain('<script>alert(1)</script>');
  });

  it('answers an unknown change with an HTML 404', async () => {
    const { response, $ } = await page('/changes/4040');
    expect(response.status).toBe(404);
    expect($('h1').text()).toBe('Not found');
  });
});
