import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import type { ChangeDetail, ChangeRecord, SnapshotRecord, SourceFacts, SourceRecord } from '../../src/domain/records.js';
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

async function get<T = unknown>(path: string): Promise<{ status: number; body: T; type: string | null }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: (await response.json()) as T, type: response.headers.get('content-type') };
}

describe('GET /healthz', () => {
  it('answers degraded, naming the failing source of the timeline', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: { status: 'degraded', failing: ['linkedin-help-ai'] } });
  });
});

describe('GET /api/sources', () => {
  it('lists every source as JSON with status, last check and fact count', async () => {
    const { status, body, type } = await get<SourceRecord[]>('/api/sources');
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    expect(body.map((s) => s.id)).toContain('linkedin-privacy-policy');
    expect(body.find((s) => s.id === 'linkedin-help-ai')).toMatchObject({ status: 'blocked', failing: true, factCount: 0 });
  });
});

describe('GET /api/changes', () => {
  it('returns the changes newest first, with no next page when all fit', async () => {
    const { body } = await get<{ changes: ChangeRecord[]; nextCursor: string | null }>('/api/changes');
    expect(body.changes.map((c) => c.id)).toEqual([
      String(timeline.privacy.regionsChange), String(timeline.privacy.announcement), String(timeline.agreement.textChange),
    ]);
    expect(body.nextCursor).toBeNull();
    expect(body.changes[0]).toMatchObject({ sourceId: 'linkedin-privacy-policy', detectedAt: '2025-11-03T06:00:00.000Z', textChanged: true });
  });

  it('filters by source, fact, since and until', async () => {
    const bySource = await get<{ changes: ChangeRecord[] }>('/api/changes?source=linkedin-user-agreement');
    expect(bySource.body.changes.map((c) => c.id)).toEqual([String(timeline.agreement.textChange)]);
    const byFact = await get<{ changes: ChangeRecord[] }>('/api/changes?fact=regions');
    expect(byFact.body.changes.map((c) => c.id)).toEqual([String(timeline.privacy.regionsChange)]);
    const byTime = await get<{ changes: ChangeRecord[] }>('/api/changes?since=2025-06-01&until=2025-09-18');
    expect(byTime.body.changes.map((c) => c.id)).toEqual([String(timeline.privacy.announcement), String(timeline.agreement.textChange)]);
  });

  it('reads a date-only until as the whole day and a date-time as an instant', async () => {
    const wholeDay = await get<{ changes: ChangeRecord[] }>('/api/changes?since=2025-11-03&until=2025-11-03');
    expect(wholeDay.body.changes).toHaveLength(1);
    const before = await get<{ changes: ChangeRecord[] }>('/api/changes?since=2025-11-03&until=2025-11-03T05:59:59Z');
    expect(before.body.changes).toHaveLength(0);
    const offset = await get<{ changes: ChangeRecord[] }>(`/api/changes?since=${encodeURIComponent('2025-11-03T07:00:00+01:00')}`);
    expect(offset.body.changes).toHaveLength(1);
  });

  it('pages through every change with limit and nextCursor, none skipped or repeated', async () => {
    const source = seedSource(test.db, { id: 'many' });
    const a = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-01T00:00:00Z') });
    const b = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-02T00:00:00Z') });
    for (let i = 0; i < 7; i++) {
      // Pairs share a millisecond so that the cursor has to break ties by id.
      seedChange(test.db, { sourceId: source, detectedAt: ms('2026-01-02T00:00:00Z') + Math.floor(i / 2), beforeSnapshotId: a, afterSnapshotId: b, facts: [factChange('minimumAge', i, i + 1)] });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body } = await get<{ changes: ChangeRecord[]; nextCursor: string | null }>(`/api/changes?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.changes.map((c) => c.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    const all = (await get<{ changes: ChangeRecord[] }>('/api/changes?limit=500')).body.changes.map((c) => c.id);
    expect(all).toHaveLength(10);
    expect(seen).toEqual(all);
    expect(pages).toBe(4);
  });

  it.each([
    ['since=yesterday', "invalid 'since': expected an ISO date (2025-11-03) or date-time (2025-11-03T06:00:00Z)"],
    ['until=2025-02-30', "invalid 'until': expected an ISO date (2025-11-03) or date-time (2025-11-03T06:00:00Z)"],
    ['limit=0', "invalid 'limit': expected a whole number from 1 to 500"],
    ['limit=501', "invalid 'limit': expected a whole number from 1 to 500"],
    ['limit=ten', "invalid 'limit': expected a whole number from 1 to 500"],
    ['cursor=%2E%2E%2F', "invalid 'cursor': use the nextCursor of a previous response"],
    ['source=nobody', "invalid 'source': no source has the id 'nobody'"],
  ])('answers 400 naming the parameter for %s', async (query, message) => {
    expect(await get(`/api/changes?${query}`)).toMatchObject({ status: 400, body: { error: message } });
  });

  it('answers 400 listing the known facts for an unknown fact', async () => {
    const { status, body } = await get<{ error: string }>('/api/changes?fact=color');
    expect(status).toBe(400);
    expect(body.error).toMatch(/^invalid 'fact': expected one of effectiveDate, upcomingEffectiveDate, /);
  });
});

describe('GET /api/changes/:id', () => {
  it('returns the change with its fact diff, text diff and both snapshots\' times', async () => {
    const { status, body } = await get<ChangeDetail>(`/api/changes/${timeline.privacy.regionsChange}`);
    expect(status).toBe(200);
    expect(body.facts.find((f) => f.fact === 'regions')).toEqual({
      fact: 'regions', before: ['US'], after: ['CA', 'CH', 'EEA', 'EU', 'GB', 'HK', 'US'], added: ['CA', 'CH', 'EEA', 'EU', 'GB', 'HK'], removed: [],
      direction: 'wider',
    });
    expect(body.textDiff).toContain('+Effective November 3, 2025');
    expect(body).toMatchObject({ beforeAt: '2025-09-18T06:00:00.000Z', afterAt: '2025-11-03T06:00:00.000Z' });
  });

  it('answers 404 for an unknown id and 400 for an id that is not a number', async () => {
    expect(await get('/api/changes/9999')).toMatchObject({ status: 404, body: { error: 'no change has the id 9999' } });
    expect(await get('/api/changes/abc')).toMatchObject({ status: 400, body: { error: 'invalid change id: expected a positive whole number' } });
  });
});

describe('GET /api/facts', () => {
  it('returns the current Facts document of every source', async () => {
    const { body } = await get<SourceFacts[]>('/api/facts');
    const privacy = body.find((f) => f.sourceId === 'linkedin-privacy-policy')!;
    expect(privacy).toMatchObject({ url: 'https://www.linkedin.com/legal/privacy-policy', kind: 'privacy-policy', language: 'en' });
    expect(privacy.facts.regions).toEqual(['CA', 'CH', 'EEA', 'EU', 'GB', 'HK', 'US']);
  });

  it('returns the facts as they stood at a date, counting that whole day', async () => {
    const { body } = await get<SourceFacts[]>('/api/facts?source=linkedin-privacy-policy&at=2025-09-18');
    expect(body).toHaveLength(1);
    expect(body[0]!.facts).toMatchObject({ effectiveDate: '2024-11-20', upcomingEffectiveDate: '2025-11-03' });
    expect(body[0]!.snapshotId).toBe(String(timeline.privacy.snapshots[1]));
  });

  it('answers 400 naming a bad at or an unknown source', async () => {
    expect(await get('/api/facts?at=2025-13-01')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^invalid 'at': /) } });
    expect(await get('/api/facts?source=nobody')).toMatchObject({ status: 400, body: { error: "invalid 'source': no source has the id 'nobody'" } });
  });
});

describe('GET /api/snapshots/:id', () => {
  it('returns the snapshot text and its Facts document', async () => {
    const { status, body } = await get<SnapshotRecord>(`/api/snapshots/${timeline.privacy.snapshots[0]}`);
    expect(status).toBe(200);
    expect(body.text).toContain('Effective November 20, 2024');
    expect(body.document.facts.effectiveDate).toBe('2024-11-20');
  });

  it('answers 404 for an unknown id', async () => {
    expect(await get('/api/snapshots/31337')).toMatchObject({ status: 404, body: { error: 'no snapshot has the id 31337' } });
  });
});

describe('an unknown path', () => {
  it('answers 404 as JSON', async () => {
    expect(await get('/api/nothing')).toMatchObject({ status: 404, body: { error: 'not found' } });
  });
});
