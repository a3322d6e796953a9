import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { authwallPage, privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { compressText } from '../../src/store/compress.js';
import { tempDir, writeConfig, FAST_FETCH, type TempDir } from '../helpers/test-config.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { runCheckCycle, selectSources } from '../../src/pipeline/run-check-cycle.js';
import { reextractSnapshots } from '../../src/pipeline/reextract-snapshots.js';
import { listChanges, getChange } from '../../src/store/query-changes.js';
import { factsAt } from '../../src/store/query-facts.js';
import { readMetricCounts } from '../../src/store/query-metrics.js';
import type { Config } from '../../src/domain/config.js';

/**
 * An extractor upgrade is simulated by writing with version 1, then running the pipeline with
 * version 2 over the same database. What "the old extractor" read is written into the stored
 * snapshot (the extractor itself is the same code), as a database written by an older one would hold.
 */
describe('re-extraction after an extractor upgrade', () => {
  let site: LocalSite;
  let dir: TempDir;
  let config: Config;
  let db: Db;
  let page = () => privacyPolicyPage();

  beforeEach(async () => {
    page = () => privacyPolicyPage();
    site = await startLocalSite({ '/legal/privacy-policy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page()); } } });
    dir = tempDir();
    config = writeConfig(dir, {
      fetch: FAST_FETCH,
      sources: [{ id: 'privacy', name: 'Privacy Policy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' }],
      webhooks: [{ url: 'http://127.0.0.1:9/never-drained', secret: 'test-secret', events: ['facts.changed', 'text.changed', 'announcement.detected', 'announcement.due'] }],
    });
    db = openDatabase(config.database);
  });
  afterEach(async () => {
    db.$client.close();
    await site.close();
    dir.remove();
  });

  const check = async (extractorVersion: number) => runCheckCycle({ db, config, extractorVersion });
  const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;
  const count = (table: string) => one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;
  /** What an older extractor had read from the stored page: CA among the regions. */
  const oldReading = (snapshotId: number) => {
    const { facts } = one<{ facts: string }>('SELECT facts FROM snapshots WHERE id = ?', snapshotId);
    db.$client.prepare('UPDATE snapshots SET facts = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(facts), regions: ['CA', 'US'] }), snapshotId);
  };
  const current = () => one<{ id: number; extractor_version: number; revision_of: number | null }>(
    'SELECT sn.id, sn.extractor_version, sn.revision_of FROM sources s JOIN snapshots sn ON sn.id = s.current_snapshot_id WHERE s.id = ?', 'privacy');

  it('records the extractor version on every new snapshot', async () => {
    await check(1);
    expect(current()).toMatchObject({ extractor_version: 1, revision_of: null });
  });

  it('turns a different reading into a technical revision, never alerted and hidden by default', async () => {
    const first = (await check(1)).results[0]!;
    expect(first.status).toBe('new');
    const original = current().id;
    oldReading(original);
    const deliveriesBefore = count('deliveries');

    const cycle = await check(2);

    expect(cycle.results[0]?.status).toBe('unchanged');
    expect(cycle.reextracted.technical).toHaveLength(1);
    expect(count('deliveries')).toBe(deliveriesBefore);
    expect(current()).toMatchObject({ extractor_version: 2, revision_of: original });
    expect(listChanges(db)).toEqual([]);
    const [technical] = listChanges(db, { technical: true });
    expect(technical).toMatchObject({ technical: true, snapshots: { before: String(original), after: String(current().id) } });
    expect(technical?.facts).toEqual([{ fact: 'regions', before: ['CA', 'US'], after: ['US'], added: [], removed: ['CA'], direction: 'narrower' }]);
    expect(getChange(db, Number(technical!.id))?.technical).toBe(true);
    expect(readMetricCounts(db).changes).toBe(0);
  });

  it('diffs the next real change against the revision, so it holds only the real difference', async () => {
    await check(1);
    oldReading(current().id);
    await check(2);

    page = () => privacyPolicyPage({ effective: 'November 3, 2025' });
    const changed = (await check(2)).results[0]!;

    expect(changed.status).toBe('changed');
    expect(changed.factChanges).toEqual([{ fact: 'effectiveDate', before: '2024-11-20', after: '2025-11-03', direction: 'neutral' }]);
    const events = (db.$client.prepare('SELECT event FROM deliveries ORDER BY created_at').all() as { event: string }[]).map((r) => r.event);
    expect(events).toEqual(['facts.changed', 'text.changed']);
    expect(listChanges(db).map((c) => c.facts.map((f) => f.fact))).toEqual([['effectiveDate']]);
  });

  it('marks an equal reading as read by the new version without a change, and does not re-read it again', async () => {
    await check(1);
    const original = current().id;
    const upgraded = await check(2);
    expect(upgraded.reextracted).toMatchObject({ read: 1, revisions: 1, technical: [] });
    expect(current()).toMatchObject({ extractor_version: 2, revision_of: original });
    expect(listChanges(db, { technical: true })).toEqual([]);

    const again = await check(2);
    expect(again.reextracted.read).toBe(0);
    expect(count('snapshots')).toBe(2);
  });

  it('re-reads every stored snapshot with --all, so facts at a past time are today\'s reading of the page then', async () => {
    await check(1);
    const firstId = current().id;
    const between = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    page = () => privacyPolicyPage({ effective: 'November 3, 2025' });
    await check(1);
    oldReading(firstId);
    expect(factsAt(db, { sourceId: 'privacy', at: between })[0]?.facts.regions).toEqual(['CA', 'US']);
    const deliveriesBefore = count('deliveries');

    const result = await reextractSnapshots({ db, sources: selectSources(db, config), all: true, extractorVersion: 2 });

    expect(result).toMatchObject({ read: 2, revisions: 2 });
    expect(result.technical.map((c) => c.fromSnapshotId)).toEqual([firstId]);
    const past = factsAt(db, { sourceId: 'privacy', at: between })[0]!;
    expect(past.facts.regions).toEqual(['US']);
    expect(past.facts.effectiveDate).toBe('2024-11-20');
    expect(factsAt(db, { sourceId: 'privacy' })[0]?.facts.effectiveDate).toBe('2025-11-03');
    expect(count('deliveries')).toBe(deliveriesBefore);
  });

  it('writes nothing when re-read by the same version with the same facts', async () => {
    await check(1);
    const result = await reextractSnapshots({ db, sources: selectSources(db, config), extractorVersion: 1 });
    expect(result).toMatchObject({ read: 1, revisions: 0, technical: [] });
    expect(count('snapshots')).toBe(1);
  });

  it('records an announcement only the new extractor reads, so it still comes due', async () => {
    page = () => privacyPolicyPage({ banner: 'We’re updating our Privacy Policy on March 3, 2027. See what’s changing.' });
    await runCheckCycle({ db, config, extractorVersion: 1, now: () => Date.parse('2027-01-10T06:00:00Z') });
    // The old extractor had not read the banner, and kept no announcement.
    const { facts } = one<{ facts: string }>('SELECT facts FROM snapshots WHERE id = ?', current().id);
    db.$client.prepare('UPDATE snapshots SET facts = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(facts), upcomingEffectiveDate: null }), current().id);
    db.$client.prepare('DELETE FROM announcements').run();

    await runCheckCycle({ db, config, extractorVersion: 2, now: () => Date.parse('2027-02-01T06:00:00Z') });
    expect(one<{ date: string; snapshot_id: number }>('SELECT date, snapshot_id FROM announcements')).toEqual({ date: '2027-03-03', snapshot_id: current().id });
    expect(count('deliveries')).toBe(0);

    await runCheckCycle({ db, config, extractorVersion: 2, now: () => Date.parse('2027-03-03T06:00:00Z') });
    expect((db.$client.prepare('SELECT event FROM deliveries').all() as { event: string }[]).map((r) => r.event)).toEqual(['announcement.due']);
  });

  it('keeps the old reading of a stored page the new extractor cannot read, and does not re-read it at every start', async () => {
    await check(1);
    const before = one<{ facts: string }>('SELECT facts FROM snapshots WHERE id = ?', current().id).facts;
    db.$client.prepare('UPDATE contents SET html = ?').run(compressText(authwallPage()));

    const upgraded = await check(2);
    expect(upgraded.reextracted.unreadable).toHaveLength(1);
    expect(upgraded.reextracted.technical).toEqual([]);
    expect(current()).toMatchObject({ extractor_version: 2 });
    expect(one<{ facts: string }>('SELECT facts FROM snapshots WHERE id = ?', current().id).facts).toBe(before);
    expect((await check(2)).reextracted.read).toBe(0);
  });
});
