import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factsAt } from '../../src/store/query-facts.js';
import { FACT_NAMES } from '../../src/domain/facts.js';
import { createTestDatabase, ms, seedLinkedInTimeline, type LinkedInTimeline, type TestDatabase } from '../helpers/seed.js';

describe('factsAt()', () => {
  let test: TestDatabase;
  let timeline: LinkedInTimeline;
  beforeEach(() => {
    test = createTestDatabase();
    timeline = seedLinkedInTimeline(test.db);
  });
  afterEach(() => test.close());

  it('gives the current facts of every source that has a snapshot, by default now', () => {
    const all = factsAt(test.db);
    expect(all.map((f) => f.sourceId)).toEqual([
      'linkedin-blog-trust', 'linkedin-blog-trust/ai-data-update', 'linkedin-privacy-policy', 'linkedin-user-agreement',
    ]);
    const privacy = all.find((f) => f.sourceId === 'linkedin-privacy-policy')!;
    expect(privacy.snapshotId).toBe(String(timeline.privacy.snapshots[2]));
    expect(privacy.recordedAt).toBe('2025-11-03T06:00:00.000Z');
    expect(privacy.facts.effectiveDate).toBe('2025-11-03');
    expect(privacy.evidence).toEqual({ effectiveDate: 'Effective November 3, 2025' });
  });

  it('returns a full Facts document: url, language, kind, title, every fact and evidence', () => {
    const [privacy] = factsAt(test.db, { sourceId: 'linkedin-privacy-policy' });
    expect(privacy).toMatchObject({
      url: 'https://www.linkedin.com/legal/privacy-policy', language: 'en', kind: 'privacy-policy', title: 'Privacy Policy',
    });
    expect(Object.keys(privacy!.facts)).toEqual([...FACT_NAMES]);
    expect(privacy!.facts.excludedRegions).toBeNull();
  });

  it('gives the facts as they stood at a past time', () => {
    const [during] = factsAt(test.db, { sourceId: 'linkedin-privacy-policy', at: ms('2025-10-15T00:00:00Z') });
    expect(during!.snapshotId).toBe(String(timeline.privacy.snapshots[1]));
    expect(during!.facts).toMatchObject({ effectiveDate: '2024-11-20', upcomingEffectiveDate: '2025-11-03', regions: ['US'] });
  });

  it('counts a snapshot created exactly at the time asked', () => {
    const [exact] = factsAt(test.db, { sourceId: 'linkedin-privacy-policy', at: ms('2025-11-03T06:00:00Z') });
    expect(exact!.snapshotId).toBe(String(timeline.privacy.snapshots[2]));
  });

  it('leaves out sources with no snapshot yet at that time', () => {
    expect(factsAt(test.db, { at: ms('2024-01-01T00:00:00Z') })).toEqual([]);
    expect(factsAt(test.db, { at: ms('2025-01-01T00:00:00Z') }).map((f) => f.sourceId))
      .toEqual(['linkedin-privacy-policy', 'linkedin-user-agreement']);
  });

  it('returns nothing for an unknown source', () => {
    expect(factsAt(test.db, { sourceId: 'nope' })).toEqual([]);
  });
});
