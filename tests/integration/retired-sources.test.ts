import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, seedSource, type TestDatabase } from '../helpers/seed.js';
import { syncSources, getSourceRow } from '../../src/store/source-rows.js';
import { listSources } from '../../src/store/query-sources.js';
import { createApp } from '../../src/api/create-app.js';
import type { Source } from '../../src/domain/source.js';
import type { SourceRecord } from '../../src/domain/records.js';

const blog: Source = { id: 'blog', url: 'https://www.linkedin.com/blog/member/trust-and-safety', kind: 'blog', follow: ['/blog/member/trust-and-safety/*'] };
const privacy: Source = { id: 'privacy', url: 'https://www.linkedin.com/legal/privacy-policy', kind: 'privacy-policy' };

describe('retiring sources no longer configured', () => {
  let test: TestDatabase;
  beforeEach(() => {
    test = createTestDatabase();
    syncSources(test.db, [blog, privacy], 1000);
    seedSource(test.db, { id: 'blog/post-1', kind: 'blog-post', origin: 'discovered', parentId: 'blog' });
  });
  afterEach(() => test.close());

  const retired = (id: string) => getSourceRow(test.db, id)?.retired;

  it('keeps a configured blog\'s discovered posts active', () => {
    syncSources(test.db, [blog, privacy], 2000);
    expect([retired('blog'), retired('blog/post-1'), retired('privacy')]).toEqual([false, false, false]);
  });

  it('retires a source removed from the config, with the posts of a removed blog, and brings them back', () => {
    syncSources(test.db, [privacy], 2000);
    expect(getSourceRow(test.db, 'blog')).toMatchObject({ retired: true, retiredAt: 2000 });
    expect(retired('blog/post-1')).toBe(true);
    expect(retired('privacy')).toBe(false);

    syncSources(test.db, [blog, privacy], 3000);
    expect(getSourceRow(test.db, 'blog')).toMatchObject({ retired: false, retiredAt: null });
    expect(retired('blog/post-1')).toBe(false);
  });

  it('lists a retired source as retired in the store and the API, history kept', async () => {
    syncSources(test.db, [blog], 2000);
    expect(listSources(test.db).find((s) => s.id === 'privacy')).toMatchObject({ status: 'retired', retiredAt: new Date(2000).toISOString() });
    const body = await (await createApp(test.db).request('/api/sources')).json() as SourceRecord[];
    expect(body.find((s) => s.id === 'privacy')?.status).toBe('retired');
    expect(body.find((s) => s.id === 'blog')?.status).toBeNull();
  });
});
