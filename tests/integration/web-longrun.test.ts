import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { createApp } from '../../src/api/create-app.js';
import { createTestDatabase, factChange, ms, seedChange, seedSnapshot, seedSource, type TestDatabase } from '../helpers/seed.js';
import { changes, sources } from '../../src/store/schema.js';
import { eq } from 'drizzle-orm';
import type { ChangePage } from '../../src/api/change-query.js';

describe('the web page and API over technical revisions, announcements and retired sources', () => {
  let test: TestDatabase;
  let technicalId: number;
  beforeEach(() => {
    test = createTestDatabase();
    seedSource(test.db, { id: 'privacy', name: 'LinkedIn Privacy Policy', lastStatus: 'unchanged' });
    const first = seedSnapshot(test.db, { sourceId: 'privacy', createdAt: ms('2025-09-22T06:00:00Z'), facts: { effectiveDate: '2024-11-20', upcomingEffectiveDate: '2025-11-03', regions: ['CA', 'US'] } });
    const revision = seedSnapshot(test.db, { sourceId: 'privacy', createdAt: ms('2025-12-01T06:00:00Z'), facts: { effectiveDate: '2024-11-20', upcomingEffectiveDate: '2025-11-03', regions: ['US'] } });
    technicalId = seedChange(test.db, { sourceId: 'privacy', detectedAt: ms('2025-12-01T06:00:00Z'), beforeSnapshotId: first, afterSnapshotId: revision, facts: [factChange('regions', ['CA', 'US'], ['US'])] });
    test.db.update(changes).set({ technical: true }).where(eq(changes.id, technicalId)).run();
    seedSource(test.db, { id: 'old-terms', lastStatus: 'unchanged' });
    test.db.update(sources).set({ retired: true, retiredAt: ms('2025-12-01T00:00:00Z') }).where(eq(sources.id, 'old-terms')).run();
  });
  afterEach(() => test.close());

  const get = (path: string) => createApp(test.db).request(path);

  it('shows an announced date that has passed as in force since, and a retired source as retired', async () => {
    const $ = load(await (await get('/')).text());
    expect($('article.source[data-source-id="privacy"] dl.facts').text()).toContain('in force since 2025-11-03');
    expect($('article.source[data-source-id="old-terms"] .badge').first().text()).toBe('retired');
  });

  it('leaves technical revisions out of the timeline, the feed and the counts unless asked for, then marks them', async () => {
    expect(load(await (await get('/')).text())(`li[data-change-id="${technicalId}"]`)).toHaveLength(0);
    expect(await (await get('/feed.atom')).text()).not.toContain(`/changes/${technicalId}`);
    expect(await (await get('/metrics')).text()).toContain('policy_watch_changes_total 0');
    expect(((await (await get('/api/changes')).json()) as ChangePage).changes).toEqual([]);

    const page = (await (await get('/api/changes?technical=1')).json()) as ChangePage;
    expect(page.changes.map((c) => [c.id, c.technical])).toEqual([[String(technicalId), true]]);
    const $ = load(await (await get('/?technical=1')).text());
    expect($(`li[data-change-id="${technicalId}"] .badge.technical`).text()).toBe('technical revision');
    expect(load(await (await get(`/changes/${technicalId}`)).text())('[data-technical="true"]').text()).toContain('re-read by a newer extractor');
    expect(await (await get(`/api/changes/${technicalId}`)).json()).toMatchObject({ technical: true });
  });

  it('refuses a technical parameter that is not 1 or 0', async () => {
    expect((await get('/api/changes?technical=maybe')).status).toBe(400);
  });
});
