import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSnapshot } from '../../src/store/query-snapshots.js';
import { createTestDatabase, seedLinkedInTimeline, type LinkedInTimeline, type TestDatabase } from '../helpers/seed.js';

describe('getSnapshot()', () => {
  let test: TestDatabase;
  let timeline: LinkedInTimeline;
  beforeEach(() => {
    test = createTestDatabase();
    timeline = seedLinkedInTimeline(test.db);
  });
  afterEach(() => test.close());

  it('returns the snapshot with its decompressed text and its Facts document', () => {
    const snapshot = getSnapshot(test.db, timeline.privacy.snapshots[0])!;
    expect(snapshot).toMatchObject({
      id: String(timeline.privacy.snapshots[0]),
      sourceId: 'linkedin-privacy-policy',
      createdAt: '2024-11-20T06:00:00.000Z',
      title: 'Privacy Policy',
      language: 'en',
      finalUrl: null,
    });
    expect(snapshot.text).toContain('Effective November 20, 2024');
    expect(snapshot.document).toMatchObject({
      url: 'https://www.linkedin.com/legal/privacy-policy', kind: 'privacy-policy', title: 'Privacy Policy',
      facts: { effectiveDate: '2024-11-20', regions: ['US'], upcomingEffectiveDate: null },
      evidence: { effectiveDate: 'Effective November 20, 2024' },
    });
  });

  it('returns null for an unknown id', () => {
    expect(getSnapshot(test.db, 424242)).toBeNull();
  });
});
