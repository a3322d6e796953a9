import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load, type CheerioAPI } from 'cheerio';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import {
  createTestDatabase, ms, seedCheck, seedLinkedInTimeline, seedSnapshot, seedSource,
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

const texts = ($: CheerioAPI, selector: string) => $(selector).map((_, el) => $(el).text().replace(/\s+/g, ' ').trim()).get();

describe('GET /sources/:id', () => {
  it('shows the current facts with human labels and the text each was read from', async () => {
    const { response, $ } = await page('/sources/linkedin-privacy-policy');
    expect(response.status).toBe(200);
    expect($('h1').text()).toBe('LinkedIn Privacy Policy');
    const effective = $('table.facts-table tr[data-fact="effectiveDate"]');
    expect(effective.find('th').text()).toContain('Effective date');
    expect(effective.find('td.value').text()).toBe('2025-11-03');
    expect(effective.find('td.evidence q').text()).toBe('Effective November 3, 2025');
    expect($('table.facts-table tr[data-fact="regions"] th').text()).toContain('Regions covered');
    expect(texts($, 'table.facts-table tr[data-fact="regions"] td.value .chip')).toEqual(['Canada', 'Switzerland', 'European Economic Area', 'European Union', 'United Kingdom', 'Hong Kong', 'United States']);
    expect($('table.facts-table tr[data-fact="aiTrainingDefault"] th').text()).toContain('Training default');
    expect($('table.facts-table tr[data-fact="aiTrainingDefault"] td.value').text()).toBe('On by default, opt-out');
    // Each fact row is an anchor the side-by-side page links to.
    expect($('#fact-aiTrainingDefault').attr('data-fact')).toBe('aiTrainingDefault');
    expect($('table.facts-table tbody tr')).toHaveLength(14);
    expect($('table.facts-table tr[data-fact="minimumAge"] td.value').text()).toBe('(not stated)');
    expect($('table.facts-table tr.unstated').map((_, tr) => $(tr).attr('data-fact')).get()).toContain('minimumAge');
    expect($('table.facts-table tr.unstated[data-fact="effectiveDate"]')).toHaveLength(0);
    expect($(`a[href="/snapshots/${timeline.privacy.snapshots[2]}"]`).length).toBeGreaterThan(0);
  });

  it('says when the source last changed', async () => {
    const { $ } = await page('/sources/linkedin-privacy-policy');
    expect($('.summary-meta').text()).toContain('Last changed 2025-11-03 06:00 UTC');
  });

  it('shows each fact over time, newest first, with the change that moved it', async () => {
    const { $ } = await page('/sources/linkedin-privacy-policy');
    const upcoming = $('.fact-history[data-fact="upcomingEffectiveDate"] li');
    expect(upcoming.map((_, li) => $(li).find('.moved').text()).get()).toEqual([
      `change #${timeline.privacy.regionsChange}`, `change #${timeline.privacy.announcement}`, 'first snapshot',
    ]);
    expect(upcoming.eq(0).text()).toContain('(not stated)');
    expect(upcoming.eq(0).hasClass('current')).toBe(true);
    expect(upcoming.eq(1).text()).toContain('2025-11-03');
    expect(upcoming.eq(0).find('a.moved').attr('href')).toBe(`/changes/${timeline.privacy.regionsChange}`);
    const regions = $('.fact-history[data-fact="regions"] li');
    expect(regions).toHaveLength(2);
    expect(regions.eq(0).find('time').attr('datetime')).toBe('2025-11-03T06:00:00.000Z');
    expect(texts($, '.fact-history[data-fact="regions"] li:last-child .chip')).toEqual(['United States']);
    // A fact the page never stated is named once, not given an empty history.
    expect($('.fact-history[data-fact="minimumAge"]')).toHaveLength(0);
    expect($('#timeline + .card').text()).toContain('Never stated:');
    expect($('#timeline + .card').text()).toContain('Minimum age for training');
  });

  it('lists the source\'s changes, newest first, each linking to its page', async () => {
    const { $ } = await page('/sources/linkedin-privacy-policy');
    expect($('#changes + ol.timeline li.change a.title').map((_, a) => $(a).attr('href')).get()).toEqual([
      `/changes/${timeline.privacy.regionsChange}`, `/changes/${timeline.privacy.announcement}`,
    ]);
    const never = await page('/sources/linkedin-help-ai');
    expect(never.$('#changes + .empty').text()).toContain('No change yet');
  });

  it('lists every check with its status, blocked days marked', async () => {
    const { $ } = await page('/sources/linkedin-privacy-policy');
    expect(texts($, 'table.checks tbody td:nth-child(2)')).toEqual(['unchanged', 'changed', 'blocked', 'changed', 'new']);
    const blocked = $('table.checks tr.blocked');
    expect(blocked).toHaveLength(1);
    expect(blocked.find('td.note').text()).toBe('HTTP 999');
    expect(texts($, '.problem-days li')).toEqual(['2025-10-01 · 1 blocked']);
    expect($('#checks .count').text()).toBe('5');
  });

  it('pages through the check history with an older-checks link', async () => {
    const first = await page('/sources/linkedin-privacy-policy?limit=2');
    expect(texts(first.$, 'table.checks tbody td:nth-child(2)')).toEqual(['unchanged', 'changed']);
    const older = first.$('a[rel="next"]').attr('href')!;
    expect(older).toMatch(/^\?limit=2&cursor=/);
    const second = await page(`/sources/linkedin-privacy-policy${older.replace(/#.*$/, '')}`);
    expect(texts(second.$, 'table.checks tbody td:nth-child(2)')).toEqual(['blocked', 'changed']);
    const third = await page(`/sources/linkedin-privacy-policy${second.$('a[rel="next"]').attr('href')!.replace(/#.*$/, '')}`);
    expect(texts(third.$, 'table.checks tbody td:nth-child(2)')).toEqual(['new']);
    expect(third.$('a[rel="next"]')).toHaveLength(0);
    expect(third.$('.pager').text()).toContain('Newest checks');
  });

  it('shows a source that was never read: no facts, its blocked checks and days', async () => {
    const { $ } = await page('/sources/linkedin-help-ai');
    expect($('#facts + .empty').text()).toContain('No snapshot yet');
    expect($('table.checks tr.blocked')).toHaveLength(3);
    expect(texts($, '.problem-days li')).toEqual(['2025-11-03 · 1 blocked', '2025-11-02 · 1 blocked', '2025-11-01 · 1 blocked']);
    expect($('.badge.failing').text()).toBe('failing ×3');
  });

  it('opens a discovered post, whose id has a slash, and links to its blog', async () => {
    const { response, $ } = await page(`/sources/${timeline.blog.postId}`);
    expect(response.status).toBe(200);
    expect($('h1').text()).toBe('Updates to our terms and data use');
    expect($(`a[href="/sources/${timeline.blog.sourceId}"]`).text()).toBe(timeline.blog.sourceId);
    expect($('.summary-meta').text()).toContain('Last changed never');
  });

  it('lists the snapshots with links to their archived copies', async () => {
    const { $ } = await page('/sources/linkedin-privacy-policy');
    const [p1, p2, p3] = timeline.privacy.snapshots;
    expect($('table.snapshots tbody tr').map((_, tr) => $(tr).attr('data-snapshot-id')).get()).toEqual([String(p3), String(p2), String(p1)]);
    expect($(`table.snapshots a[href="/snapshots/${p1}/raw"]`).text()).toBe('raw HTML');
  });

  it('keeps a page that churns readable: the latest 20 values per fact and the latest 50 snapshots', async () => {
    const id = seedSource(test.db, { id: 'churn' });
    for (let day = 1; day <= 55; day++) {
      const at = ms('2026-01-01T00:00:00Z') + day * 86_400_000;
      seedSnapshot(test.db, { sourceId: id, createdAt: at, facts: { minimumAge: day } });
    }
    const { $ } = await page('/sources/churn');
    const values = $('.fact-history[data-fact="minimumAge"] li');
    expect(values).toHaveLength(21);
    expect(values.first().text()).toContain('55');
    expect(values.last().text()).toContain('and 35 earlier values');
    expect(values.last().find('a').attr('href')).toBe('/?source=churn&fact=minimumAge#timeline');
    expect($('table.snapshots tbody tr')).toHaveLength(50);
    expect($('#snapshots ~ .pager').text()).toContain('5 older snapshots');
  });

  it('answers an unknown source with an HTML 404', async () => {
    const { response, $ } = await page('/sources/no-such-source');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect($('.error-box').text()).toContain('No source has the id no-such-source');
  });

  it('escapes names, titles and evidence that come from pages and config', async () => {
    const id = seedSource(test.db, { id: 'evil', name: '<img src=x onerror=alert(1)>' });
    const snapshot = seedSnapshot(test.db, {
      sourceId: id, createdAt: ms('2026-01-01T00:00:00Z'), title: '<script>alert(2)</script>',
      facts: { effectiveDate: '2026-01-01' }, evidence: { effectiveDate: '<b onclick="x()">Effective</b>' },
    });
    seedCheck(test.db, { sourceId: id, at: ms('2026-01-01T00:00:00Z'), status: 'error', reason: '<i>broken</i>', httpStatus: 500 });
    for (const path of ['/sources/evil', `/snapshots/${snapshot}`]) {
      const { body, $ } = await page(path);
      expect($('img, script, b, i')).toHaveLength(0);
      expect(body).toContain('&lt;');
    }
  });
});

describe('GET /snapshots/:id', () => {
  it('shows the archived text, the facts read from it and links to its neighbours', async () => {
    const [p1, p2, p3] = timeline.privacy.snapshots;
    const { response, $ } = await page(`/snapshots/${p2}`);
    expect(response.status).toBe(200);
    expect($('h1').text()).toBe(`Snapshot #${p2}`);
    expect($('pre.archived-text').text()).toContain("We're updating our Privacy Policy on November 3, 2025.");
    expect($('tr[data-fact="upcomingEffectiveDate"] td.evidence').text()).toContain('November 3, 2025');
    expect($('a[rel="prev"]').attr('href')).toBe(`/snapshots/${p1}`);
    expect($('a[rel="next"]').attr('href')).toBe(`/snapshots/${p3}`);
    expect($(`a[href="/snapshots/${p2}/raw"]`)).toHaveLength(1);
    expect($('.crumbs a').first().attr('href')).toBe('/sources/linkedin-privacy-policy');
  });

  it('answers an unknown snapshot with a 404 and a bad id with a 400', async () => {
    expect((await page('/snapshots/9999')).response.status).toBe(404);
    expect((await page('/snapshots/9999/raw')).response.status).toBe(404);
    expect((await page('/snapshots/abc')).response.status).toBe(400);
  });
});

describe('GET /snapshots/:id/raw', () => {
  it('serves the stored page as inert plain text: never sniffed, sandboxed, scripts left as text', async () => {
    const id = seedSource(test.db, { id: 'scripted' });
    const snapshot = seedSnapshot(test.db, { sourceId: id, createdAt: ms('2026-01-01T00:00:00Z'), text: '<script>document.title="ran"</script>Policy text' });
    const response = await fetch(`${server.url}/snapshots/${snapshot}/raw`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    const body = await response.text();
    expect(body).toMatch(/^<html><body><main><script>document.title="ran"<\/script>Policy text<\/main>/);
  });

  it('keeps the bearer token rule of the web pages', async () => {
    const guarded = await startServer(test.db, { host: '127.0.0.1', port: 0, token: 's3cret', publicUrl: '' });
    try {
      const [, , p3] = timeline.privacy.snapshots;
      for (const path of ['/sources/linkedin-privacy-policy', `/snapshots/${p3}`, `/snapshots/${p3}/raw`]) {
        expect((await fetch(`${guarded.url}${path}`)).status).toBe(401);
        expect((await fetch(`${guarded.url}${path}`, { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200);
      }
    } finally {
      await guarded.close();
    }
  });
});

describe('links to the source pages', () => {
  it('links every card to its source page and says when it last changed', async () => {
    const { $ } = await page('/');
    const links = $('article.source h3 a').map((_, a) => $(a).attr('href')).get();
    expect(links).toContain('/sources/linkedin-privacy-policy');
    expect(links).toContain(`/sources/${timeline.blog.postId}`);
    expect($('article.source[data-source-id="linkedin-privacy-policy"] .badge.last-change').text()).toBe('changed 2025-11-03');
    expect($('article.source[data-source-id="linkedin-privacy-policy"] .badge.last-change').attr('href')).toBe('/?source=linkedin-privacy-policy#timeline');
    expect($('article.source[data-source-id="linkedin-blog-trust"] .badge.no-change').text()).toBe('no change yet');
    expect($('article.source[data-source-id="linkedin-help-ai"] .badge.no-change').text()).toBe('no snapshot yet');
  });

  it('links every change on the home page and the change page to its source page', async () => {
    const home = await page('/');
    expect(home.$('li.change a.source-link').map((_, a) => home.$(a).attr('href')).get()).toEqual([
      '/sources/linkedin-privacy-policy', '/sources/linkedin-privacy-policy', '/sources/linkedin-user-agreement',
    ]);
    const change = await page(`/changes/${timeline.privacy.regionsChange}`);
    expect(change.$('h1 a').attr('href')).toBe('/sources/linkedin-privacy-policy');
    expect(change.$(`a[href="/snapshots/${timeline.privacy.snapshots[1]}"]`)).toHaveLength(1);
  });

  it('never strikes through "(not stated)"', async () => {
    for (const path of ['/', `/changes/${timeline.privacy.regionsChange}`, `/changes/${timeline.privacy.announcement}`, '/sources/linkedin-privacy-policy']) {
      const { $ } = await page(path);
      expect($('.not-stated').length, path).toBeGreaterThan(0);
      expect($('del .not-stated, .not-stated del, del:contains("not stated")').length, path).toBe(0);
    }
  });
});
