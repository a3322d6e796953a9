import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSources } from '../../src/store/query-sources.js';
import { createTestDatabase, seedLinkedInTimeline, seedSource, type LinkedInTimeline, type TestDatabase } from '../helpers/seed.js';

describe('listSources()', () => {
  let test: TestDatabase;
  let timeline: LinkedInTimeline;
  beforeEach(() => {
    test = createTestDatabase();
    timeline = seedLinkedInTimeline(test.db);
  });
  afterEach(() => test.close());

  it('returns every source ordered by id, a blog post right after its blog', () => {
    expect(listSources(test.db).map((s) => s.id)).toEqual([
      'linkedin-blog-trust', 'linkedin-blog-trust/ai-data-update', 'linkedin-help-ai',
      'linkedin-privacy-policy', 'linkedin-user-agreement',
    ]);
  });

  it('counts the non-null facts of the current snapshot and gives its id as a string', () => {
    const privacy = listSources(test.db).find((s) => s.id === timeline.privacy.sourceId)!;
    expect(privacy).toMatchObject({
      url: 'https://www.linkedin.com/legal/privacy-policy',
      kind: 'privacy-policy',
      name: 'LinkedIn Privacy Policy',
      origin: 'config',
      status: 'unchanged',
      lastCheckedAt: '2025-11-03T12:00:00.000Z',
      lastSuccessAt: '2025-11-03T12:00:00.000Z',
      failing: false,
      failures: 0,
      factCount: 5,
      snapshotId: String(timeline.privacy.snapshots[2]),
    });
  });

  it('reports a failing source that was never snapshotted with no facts and no snapshot', () => {
    const help = listSources(test.db).find((s) => s.id === timeline.help.sourceId)!;
    expect(help).toMatchObject({ status: 'blocked', failing: true, failures: 3, factCount: 0, snapshotId: null, lastSuccessAt: null });
  });

  it('marks a discovered blog post with its parent', () => {
    const post = listSources(test.db).find((s) => s.id === timeline.blog.postId)!;
    expect(post).toMatchObject({ kind: 'blog-post', origin: 'discovered', parentId: 'linkedin-blog-trust' });
  });

  it('shows a source never checked with a null status and times', () => {
    seedSource(test.db, { id: 'new-source' });
    const fresh = listSources(test.db).find((s) => s.id === 'new-source')!;
    expect(fresh).toMatchObject({ status: null, lastCheckedAt: null, lastSuccessAt: null, factCount: 0, snapshotId: null });
  });
});
