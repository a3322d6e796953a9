import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, ms, seedLinkedInTimeline, seedSnapshot, seedSource, type LinkedInTimeline, type TestDatabase } from '../helpers/seed.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshots } from '../../src/store/schema.js';
import { emptyFacts, type Facts } from '../../src/domain/facts.js';
import { factTimeline } from '../../src/store/query-timeline.js';

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

/** A re-extraction of `of`: same page and time, newer reading. */
function seedRevision(t: TestDatabase, of: number, facts: Partial<Facts>, evidence: Record<string, string> = {}): number {
  const original = t.db.select().from(snapshots).all().find((s) => s.id === of)!;
  return t.db.insert(snapshots).values({
    sourceId: original.sourceId, contentId: original.contentId, createdAt: ms('2025-12-01T00:00:00Z'),
    textHash: original.textHash, text: original.text, title: original.title, language: original.language,
    facts: { ...emptyFacts(), ...facts }, evidence, finalUrl: null, extractorVersion: 2, revisionOf: of,
  }).returning({ id: snapshots.id }).get().id;
}

describe('policy-watch export', () => {
  let t: TestDatabase;
  let seeded: LinkedInTimeline;
  let dir: TempDir;

  beforeEach(() => {
    t = createTestDatabase();
    seeded = seedLinkedInTimeline(t.db);
    dir = tempDir();
  });
  afterEach(() => {
    t.close();
    dir.remove();
  });

  const cli = (...args: string[]) => runCli(['export', '--db', t.file, ...args], { cwd: dir.path });

  it('prints one JSON line per source and fact value with the period it held', async () => {
    const result = await cli('--source', 'linkedin-privacy-policy');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    const [p1, p2, p3] = seeded.privacy.snapshots.map(String);
    const of = (fact: string) => rows.filter((r) => r.fact === fact);
    expect(of('effectiveDate')).toEqual([
      { sourceId: 'linkedin-privacy-policy', fact: 'effectiveDate', value: '2024-11-20', from: '2024-11-20T06:00:00.000Z', until: '2025-11-03T06:00:00.000Z', fromSnapshotId: p1, untilSnapshotId: p3, evidence: 'Effective November 20, 2024' },
      { sourceId: 'linkedin-privacy-policy', fact: 'effectiveDate', value: '2025-11-03', from: '2025-11-03T06:00:00.000Z', until: null, fromSnapshotId: p3, untilSnapshotId: null, evidence: 'Effective November 3, 2025' },
    ]);
    // Stated only by the announcing snapshot: its period ends when the next one stops stating it.
    expect(of('upcomingEffectiveDate')).toMatchObject([{ value: '2025-11-03', fromSnapshotId: p2, untilSnapshotId: p3 }]);
    expect(of('regions').map((r) => [r.value, r.fromSnapshotId, r.untilSnapshotId])).toEqual([
      [['US'], p1, p3],
      [['CA', 'CH', 'EEA', 'EU', 'GB', 'HK', 'US'], p3, null],
    ]);
    // Unchanged over three snapshots: one period; never-stated facts have no row.
    expect(of('includedData')).toMatchObject([{ value: ['education', 'posts', 'profile'], fromSnapshotId: p1, until: null }]);
    expect(of('minimumAge')).toEqual([]);
  });

  it('writes CSV with a header row that a CSV parser reads back into the same rows as JSONL', async () => {
    const out = dir.file('timeline.csv');
    const csv = await cli('--format', 'csv', '--out', out);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('');
    const jsonl = await cli();
    const expected = jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(csv.stderr).toContain(`wrote ${expected.length} rows to ${out}`);

    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM for spreadsheets
    const [header, ...records] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header).toEqual(['sourceId', 'fact', 'value', 'from', 'until', 'fromSnapshotId', 'untilSnapshotId', 'evidence']);
    expect(records).toHaveLength(expected.length);
    const back = records.map((r) => ({
      sourceId: r[0], fact: r[1], value: r[2]!.startsWith('[') ? JSON.parse(r[2]!) : r[2],
      from: r[3], until: r[4] || null, fromSnapshotId: r[5], untilSnapshotId: r[6] || null, evidence: r[7] || null,
    }));
    expect(back).toEqual(expected.map((row) => ({ ...row, value: typeof row.value === 'string' || Array.isArray(row.value) ? row.value : String(row.value) })));
    expect(new Set(back.map((r) => r.sourceId))).toEqual(new Set(['linkedin-privacy-policy', 'linkedin-user-agreement', 'linkedin-blog-trust/ai-data-update']));
  });

  it('merges snapshots that state the same value into one period', () => {
    const rows = factTimeline(t.db, { sourceId: seeded.agreement.sourceId });
    expect(rows).toEqual([expect.objectContaining({
      fact: 'effectiveDate', value: '2024-11-20', fromSnapshotId: String(seeded.agreement.snapshots[0]), until: null,
    })]);
  });

  it('reads a technical revision in place of the snapshot it revises, keeping that snapshot\'s time', async () => {
    const [p1, p2, p3] = seeded.privacy.snapshots;
    seedRevision(t, p1, { effectiveDate: '2024-11-20', regions: ['GB', 'US'] }, { regions: 'the United Kingdom and the United States' });
    const result = await cli('--source', 'linkedin-privacy-policy');
    const rows = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(rows.filter((r) => r.fact === 'regions').map((r) => [r.value, r.from, r.fromSnapshotId, r.untilSnapshotId, r.evidence])).toEqual([
      [['GB', 'US'], '2024-11-20T06:00:00.000Z', String(p1), String(p2), 'the United Kingdom and the United States'],
      [['US'], '2025-09-18T06:00:00.000Z', String(p2), String(p3), null],
      [['CA', 'CH', 'EEA', 'EU', 'GB', 'HK', 'US'], '2025-11-03T06:00:00.000Z', String(p3), null, null],
    ]);
    // The revision dropped includedData from p1's reading: that period now starts at p2.
    expect(rows.filter((r) => r.fact === 'includedData')).toMatchObject([{ fromSnapshotId: String(p2) }]);
  });

  it('keeps periods that overlap --since/--until, whole', async () => {
    const since = await cli('--since', '2025-11-01', '--source', 'linkedin-privacy-policy');
    const kept = since.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(kept.every((r) => r.until === null || r.until > '2025-11-01')).toBe(true);
    expect(kept.find((r) => r.fact === 'regions' && r.until !== null)).toMatchObject({ from: '2024-11-20T06:00:00.000Z' });

    const until = await cli('--until', '2024-12-31');
    const early = until.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((r) => r.from <= '2024-12-31T23:59:59.999Z')).toBe(true);
    expect(early.some((r) => r.sourceId === 'linkedin-blog-trust/ai-data-update')).toBe(false);
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', async () => {
    seedSource(t.db, { id: 'hostile', url: 'https://example.org/terms' });
    seedSnapshot(t.db, {
      sourceId: 'hostile', createdAt: ms('2025-01-01T00:00:00Z'),
      facts: { effectiveDate: '2025-01-01', aiProviders: ['openai'], minimumAge: 16 },
      evidence: { effectiveDate: '=HYPERLINK("http://evil.example","click")', aiProviders: 'models by "OpenAI", hosted,\nglobally' },
    });
    const result = await cli('--format', 'csv', '--source', 'hostile');
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFF')).toBe(false); // no byte order mark in a pipe
    const records = parseCsv(result.stdout).slice(1);
    expect(records.map((r) => [r[1], r[2], r[7]])).toEqual([
      ['effectiveDate', '2025-01-01', `'=HYPERLINK("http://evil.example","click")`],
      ['minimumAge', '16', ''],
      ['aiProviders', '["openai"]', 'models by "OpenAI", hosted,\nglobally'],
    ]);
  });

  it('exits 2 naming the flag for a bad format, date or source', async () => {
    expect(await cli('--format', 'xml')).toMatchObject({ code: 2, stderr: expect.stringContaining('invalid --format "xml"') });
    expect(await cli('--since', 'last week')).toMatchObject({ code: 2, stderr: expect.stringContaining('invalid --since') });
    expect(await cli('--source', 'nope')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown source "nope"') });
  });
});
