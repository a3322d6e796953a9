import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getChange, listChanges } from '../../src/store/query-changes.js';
import {
  createTestDatabase, factChange, ms, seedChange, seedLinkedInTimeline, seedSnapshot, seedSource,
  type LinkedInTimeline, type TestDatabase,
} from '../helpers/seed.js';

describe('listChanges()', () => {
  let test: TestDatabase;
  let timeline: LinkedInTimeline;
  beforeEach(() => {
    test = createTestDatabase();
    timeline = seedLinkedInTimeline(test.db);
  });
  afterEach(() => test.close());

  it('lists every change newest first, as the contract prints them', () => {
    const list = listChanges(test.db);
    expect(list.map((c) => c.id)).toEqual([
      String(timeline.privacy.regionsChange), String(timeline.privacy.announcement), String(timeline.agreement.textChange),
    ]);
    expect(list[0]).toEqual({
      id: String(timeline.privacy.regionsChange),
      sourceId: 'linkedin-privacy-policy',
      url: 'https://www.linkedin.com/legal/privacy-policy',
      detectedAt: '2025-11-03T06:00:00.000Z',
      facts: [
        { fact: 'effectiveDate', before: '2024-11-20', after: '2025-11-03', direction: 'neutral' },
        { fact: 'upcomingEffectiveDate', before: '2025-11-03', after: null, direction: 'neutral' },
        { fact: 'regions', before: ['US'], after: ['CA', 'CH', 'EEA', 'EU', 'GB', 'HK', 'US'], added: ['CA', 'CH', 'EEA', 'EU', 'GB', 'HK'], removed: [], direction: 'wider' },
      ],
      textChanged: true,
      snapshots: { before: String(timeline.privacy.snapshots[1]), after: String(timeline.privacy.snapshots[2]) },
    });
  });

  it('keeps only the changes of one source', () => {
    expect(listChanges(test.db, { sourceId: 'linkedin-user-agreement' }).map((c) => c.id))
      .toEqual([String(timeline.agreement.textChange)]);
  });

  it('keeps only the changes of one fact, matching whole fact names', () => {
    expect(listChanges(test.db, { fact: 'upcomingEffectiveDate' }).map((c) => c.id))
      .toEqual([String(timeline.privacy.regionsChange), String(timeline.privacy.announcement)]);
    expect(listChanges(test.db, { fact: 'effectiveDate' }).map((c) => c.id)).toEqual([String(timeline.privacy.regionsChange)]);
    expect(listChanges(test.db, { fact: 'Date' })).toEqual([]);
  });

  it('keeps changes between since and until, both inclusive', () => {
    const list = listChanges(test.db, { since: ms('2025-06-01T06:00:00Z'), until: ms('2025-09-18T06:00:00Z') });
    expect(list.map((c) => c.id)).toEqual([String(timeline.privacy.announcement), String(timeline.agreement.textChange)]);
  });

  it('returns at most limit changes', () => {
    expect(listChanges(test.db, { limit: 2 })).toHaveLength(2);
  });

  it('pages with a cursor without skipping or repeating changes detected in the same millisecond', () => {
    const source = seedSource(test.db, { id: 'burst' });
    const a = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-01T00:00:00Z') });
    const b = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-01T00:00:00Z') });
    for (let i = 0; i < 5; i++) {
      seedChange(test.db, {
        sourceId: source, detectedAt: ms('2026-01-01T00:00:00Z'), beforeSnapshotId: a, afterSnapshotId: b,
        facts: [factChange('minimumAge', i, i + 1)],
      });
    }
    const all = listChanges(test.db, { limit: 100 }).map((c) => c.id);
    const paged: string[] = [];
    let before: { detectedAt: number; id: number } | undefined;
    for (;;) {
      const page = listChanges(test.db, { limit: 3, before });
      paged.push(...page.map((c) => c.id));
      if (page.length < 3) break;
      const last = page[page.length - 1]!;
      before = { detectedAt: Date.parse(last.detectedAt), id: Number(last.id) };
    }
    expect(all).toHaveLength(8);
    expect(paged).toEqual(all);
  });

  it('combines filters', () => {
    expect(listChanges(test.db, { sourceId: 'linkedin-user-agreement', fact: 'regions' })).toEqual([]);
    expect(listChanges(test.db, { sourceId: 'linkedin-privacy-policy', fact: 'regions', since: ms('2025-01-01') }))
      .toHaveLength(1);
  });
});

describe('getChange()', () => {
  let test: TestDatabase;
  let timeline: LinkedInTimeline;
  beforeEach(() => {
    test = createTestDatabase();
    timeline = seedLinkedInTimeline(test.db);
  });
  afterEach(() => test.close());

  it('returns the change with its unified text diff and both snapshots\' times', () => {
    const change = getChange(test.db, timeline.privacy.regionsChange)!;
    expect(change.beforeAt).toBe('2025-09-18T06:00:00.000Z');
    expect(change.afterAt).toBe('2025-11-03T06:00:00.000Z');
    expect(change.textDiff).toContain('-Effective November 20, 2024');
    expect(change.textDiff).toContain('+Effective November 3, 2025');
    expect(change.facts.map((f) => f.fact)).toEqual(['effectiveDate', 'upcomingEffectiveDate', 'regions']);
  });

  it('returns a text-only change with no fact changes', () => {
    const change = getChange(test.db, timeline.agreement.textChange)!;
    expect(change.facts).toEqual([]);
    expect(change.textChanged).toBe(true);
    expect(change.textDiff).toContain('+You must be 16 years or older to use the Services.');
  });

  it('returns null for an unknown id', () => {
    expect(getChange(test.db, 999_999)).toBeNull();
  });
});
