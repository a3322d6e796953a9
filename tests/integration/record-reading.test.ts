import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, writeConfig, type TempDir } from '../helpers/test-config.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { syncSources } from '../../src/store/source-rows.js';
import { upsertContent } from '../../src/store/snapshot-rows.js';
import { compressText } from '../../src/store/compress.js';
import { emptyFacts, type Facts } from '../../src/domain/facts.js';
import { recordReading, type NewReading, type PreviousReading, type ReadingOrigin } from '../../src/pipeline/record-reading.js';
import type { Config } from '../../src/domain/config.js';

const AT = Date.parse('2025-11-20T06:00:00Z');
const TEXT = 'We use your posts to train AI models. You can opt out in your settings.';

const without = (row: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));

/** recordReading() is the one path a fetch and a technical re-read both take to record a reading. */
describe('recordReading()', () => {
  let dir: TempDir;
  let config: Config;
  let db: Db;
  let contentId: number;

  beforeEach(() => {
    dir = tempDir();
    config = writeConfig(dir, {
      sources: [{ id: 'privacy', name: 'Privacy Policy', url: 'http://127.0.0.1:9/privacy', kind: 'privacy-policy' }],
      webhooks: [{ url: 'http://127.0.0.1:9/hook', secret: 'test-secret', events: ['facts.changed', 'text.changed', 'announcement.detected', 'announcement.due'] }],
    });
    db = openDatabase(config.database);
    syncSources(db, config.sources, AT);
    contentId = upsertContent(db, 'hash-of-the-page', compressText('<html>the page</html>'), 21);
  });
  afterEach(() => {
    db.$client.close();
    dir.remove();
  });

  const all = (sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
  const fetched = (discovered = false): ReadingOrigin => ({ technical: false, alerts: config, discovered });
  const reading = (facts: Partial<Facts>, origin: ReadingOrigin, previous: PreviousReading | null): NewReading => ({
    source: config.sources[0]!, at: AT, contentId, text: TEXT, textHash: 'text-hash', finalUrl: null, extractorVersion: 2,
    document: { title: 'Privacy Policy', language: 'en', facts: { ...emptyFacts(), ...facts }, evidence: {} },
    previous, current: true, origin,
  });
  const record = (r: NewReading) => db.$client.transaction(() => recordReading({ db, config }, r))();
  const previousOf = (snapshotId: number, facts: Partial<Facts>): PreviousReading => ({
    id: snapshotId, facts: { ...emptyFacts(), ...facts }, textHash: 'text-hash', compressedText: compressText(TEXT), text: () => TEXT,
  });

  it('writes a fetch and a re-read of the same page alike, but for revision_of, the technical mark and the alerts', () => {
    const baseline = record(reading({ regions: ['US'] }, fetched(), null));
    expect(baseline.changeId).toBeNull();
    const previous = previousOf(baseline.snapshotId, { regions: ['US'] });

    const byFetch = record(reading({ regions: ['CA', 'US'] }, fetched(), previous));
    const deliveriesAfterFetch = all('SELECT event FROM deliveries');
    const byReread = record(reading({ regions: ['CA', 'US'] }, { technical: true, revisionOf: baseline.snapshotId }, previous));

    const row = (table: string, id: number | null) => all(`SELECT * FROM ${table} WHERE id = ${id}`)[0]!;
    const fetchSnapshot = row('snapshots', byFetch.snapshotId);
    const rereadSnapshot = row('snapshots', byReread.snapshotId);
    expect(without(rereadSnapshot, 'id', 'revision_of')).toEqual(without(fetchSnapshot, 'id', 'revision_of'));
    expect([fetchSnapshot.revision_of, rereadSnapshot.revision_of]).toEqual([null, baseline.snapshotId]);

    const fetchChange = row('changes', byFetch.changeId);
    const rereadChange = row('changes', byReread.changeId);
    expect(without(rereadChange, 'id', 'after_snapshot_id', 'technical')).toEqual(without(fetchChange, 'id', 'after_snapshot_id', 'technical'));
    expect([fetchChange.after_snapshot_id, rereadChange.after_snapshot_id]).toEqual([byFetch.snapshotId, byReread.snapshotId]);
    expect([fetchChange.technical, rereadChange.technical]).toEqual([0, 1]);
    expect(byReread.factChanges).toEqual(byFetch.factChanges);

    // Only the fetch alerted: the re-read added no delivery.
    expect(deliveriesAfterFetch.map((r) => r.event)).toEqual(['facts.changed']);
    expect(all('SELECT event FROM deliveries')).toEqual(deliveriesAfterFetch);
  });

  it('copies the stored text of an equal reading and records no change for it', () => {
    const baseline = record(reading({ regions: ['US'] }, fetched(), null));
    const again = record(reading({ regions: ['US'] }, { technical: true, revisionOf: baseline.snapshotId }, previousOf(baseline.snapshotId, { regions: ['US'] })));
    expect(again).toMatchObject({ changeId: null, factChanges: [], textChanged: false });
    expect(all('SELECT count(*) AS n FROM changes')).toEqual([{ n: 0 }]);
  });

  describe('an announced date already passed when first read', () => {
    const passed = { upcomingEffectiveDate: '2025-11-03' };
    const owed = () => all('SELECT date, due_sent_at AS dueSentAt FROM announcements').map((row) => row.dueSentAt === null);

    it('is owed when a fetch after the baseline first reads it', () => {
      const baseline = record(reading({}, fetched(), null));
      record(reading(passed, fetched(), previousOf(baseline.snapshotId, {})));
      expect(owed()).toEqual([true]);
    });

    it('is owed when a discovered post first reads it (news, not a baseline)', () => {
      record(reading(passed, fetched(true), null));
      expect(owed()).toEqual([true]);
    });

    it('is settled without an event when the baseline reads it', () => {
      record(reading(passed, fetched(), null));
      expect(owed()).toEqual([false]);
    });

    it('is settled without an event when a technical re-read first reads it', () => {
      const baseline = record(reading({}, fetched(), null));
      record(reading(passed, { technical: true, revisionOf: baseline.snapshotId }, previousOf(baseline.snapshotId, {})));
      expect(owed()).toEqual([false]);
    });
  });
});
