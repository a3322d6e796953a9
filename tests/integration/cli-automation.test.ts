import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';

const FETCH = { timeoutMs: 5000, maxRetries: 0, maxRequestsPerMinute: 10000 };

describe('check for automation: summary, --json and exit codes', () => {
  let site: LocalSite;
  let dir: TempDir;

  beforeAll(async () => {
    site = await startLocalSite({
      '/ok': privacyPolicyPage(),
      '/down': { status: 503, body: 'unavailable' },
      '/gone': { status: 404, body: 'not found' },
    });
    dir = tempDir();
  });
  afterAll(async () => {
    await site.close();
    dir.remove();
  });

  const config = (name: string, paths: string[]) => {
    const file = dir.file(`${name}.json`);
    writeFileSync(file, JSON.stringify({
      database: `${name}.db`, fetch: FETCH,
      sources: paths.map((path) => ({ id: path.slice(1), url: site.at(path), kind: 'privacy-policy' })),
    }));
    return file;
  };

  it('exits 1 with a summary line when no source could be read', async () => {
    const result = await runCli(['check', '--config', config('none', ['/down', '/gone'])], { cwd: dir.path });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('2 sources: 0 new, 0 changed, 0 unchanged, 0 blocked, 2 error');
  });

  it('exits 0 when some source could be read, and --json prints one object per source then the summary', async () => {
    const result = await runCli(['check', '--json', '--config', config('some', ['/ok', '/down'])], { cwd: dir.path });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    const bySource = Object.fromEntries(lines.slice(0, 2).map((l) => [l.sourceId, l]));
    expect(bySource.ok).toMatchObject({ status: 'new', url: site.at('/ok'), changeId: null, facts: [] });
    expect(bySource.down).toMatchObject({ status: 'error', httpStatus: 503 });
    expect(String(bySource.down?.reason)).toContain('503');
    expect(lines[2]).toEqual({ summary: { sources: 2, new: 1, changed: 0, unchanged: 0, blocked: 0, error: 1, technical: 0 } });
  });

  it('exits 1 with --json too when every source failed', async () => {
    const result = await runCli(['check', '--json', '--config', config('json-none', ['/gone'])], { cwd: dir.path });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toMatchObject({ summary: { sources: 1, error: 1 } });
  });

  it('exits 2 naming a --source it does not know, and leaves no database behind when there was none', async () => {
    const result = await runCli(['check', '--source', 'nope', '--config', config('unknown', ['/ok'])], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown source "nope": run `policy-watch sources` to list them/);
    expect(existsSync(dir.file('unknown.db'))).toBe(false);
  });
});

describe('retired sources, re-extraction and messages that say what happened', () => {
  let site: LocalSite;
  let dir: TempDir;
  let page = privacyPolicyPage();
  const file = () => dir.file('policy-watch.config.json');
  const configure = (ids: string[]) => writeFileSync(file(), JSON.stringify({
    database: 'watch.db', fetch: FETCH,
    sources: ids.map((id) => ({ id, url: site.at(`/${id}`), kind: 'privacy-policy' })),
  }));
  const cli = (...args: string[]) => runCli(args, { cwd: dir.path });

  beforeAll(async () => {
    site = await startLocalSite({
      '/privacy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); } },
      '/terms': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage({ title: 'User Agreement' })); } },
    });
    dir = tempDir();
    configure(['privacy', 'terms']);
  });
  afterAll(async () => {
    await site.close();
    dir.remove();
  });

  it('shows a source removed from the config as retired, does not check it, and resumes it from its last snapshot', async () => {
    expect((await cli('check')).code).toBe(0);
    configure(['terms']);

    const listed = JSON.parse((await cli('sources', '--json')).stdout) as { id: string; status: string }[];
    expect(listed.find((s) => s.id === 'privacy')?.status).toBe('retired');
    expect(listed.find((s) => s.id === 'terms')?.status).toBe('new');
    const checked = await cli('check');
    expect(checked.stdout).not.toMatch(/privacy/);
    expect(checked.stdout).toContain('1 source: 0 new, 0 changed, 1 unchanged, 0 blocked, 0 error');
    expect((await cli('sources')).stdout).toMatch(/^privacy\s+privacy-policy\s+retired/m);
    expect((await cli('facts', '--source', 'privacy')).stdout).toContain('Effective date');
    const refused = await cli('check', '--source', 'privacy');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('source "privacy" is retired');

    page = privacyPolicyPage({ effective: 'November 3, 2025' });
    configure(['privacy', 'terms']);
    const back = await cli('check');
    expect(back.stdout).toMatch(/^changed\s+privacy .*Effective date: 2024-11-20 → 2025-11-03/m);
    const again = JSON.parse((await cli('sources', '--json')).stdout) as { id: string; status: string; retiredAt: string | null }[];
    expect(again.find((s) => s.id === 'privacy')).toMatchObject({ status: 'changed', retiredAt: null });
  });

  it('says which filters matched nothing, and that there was no snapshot yet at a time before the first', async () => {
    expect((await cli('history', '--source', 'terms', '--fact', 'regions')).stdout.trim()).toBe('No changes match --source terms --fact regions.');
    const before = await cli('facts', '--at', '2000-01-01');
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^privacy: no snapshot yet at 2000-01-01T23:59:59\.999Z; the first was recorded \d{4}-\d\d-\d\dT/m);
    expect(before.stdout).toMatch(/^terms: no snapshot yet at/m);
  });

  it('re-extracts on demand: a different reading is a technical revision, listed only with --technical', async () => {
    // What an older extractor had read from the stored page of terms.
    const db = new Database(dir.file('watch.db'));
    const row = db.prepare("SELECT sn.id, sn.facts FROM sources s JOIN snapshots sn ON sn.id = s.current_snapshot_id WHERE s.id = 'terms'").get() as { id: number; facts: string };
    db.prepare('UPDATE snapshots SET facts = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(row.facts), minimumAge: 16 }), row.id);
    db.close();

    const result = await cli('reextract', '--source', 'terms');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^technical terms\s+change \d+ \(snapshot \d+ → \d+\): Minimum age for training/m);
    expect(result.stdout).toMatch(/1 snapshot of 1 source re-read .*: 1 technical revision, 0 with the same facts, 0 unreadable/);

    expect((await cli('history', '--source', 'terms')).stdout.trim()).toBe('No changes match --source terms.');
    const technical = JSON.parse((await cli('history', '--technical', '--json', '--source', 'terms')).stdout) as { id: string; technical?: boolean }[];
    expect(technical).toHaveLength(1);
    expect(technical[0]?.technical).toBe(true);
    expect((await cli('show', technical[0]!.id)).stdout).toContain('Technical revision');
    const plain = JSON.parse((await cli('history', '--json')).stdout) as { technical?: boolean }[];
    expect(plain.every((c) => c.technical === undefined)).toBe(true);
  });

  it('prints an announced date that has passed as in force since, keeping the Facts document as it is', async () => {
    page = privacyPolicyPage({ banner: 'We’re updating our Privacy Policy on November 3, 2025. See what’s changing.' });
    await cli('check', '--source', 'privacy');
    expect((await cli('facts', '--source', 'privacy')).stdout).toMatch(/Announced effective date\s+in force since 2025-11-03/);
    const [doc] = JSON.parse((await cli('facts', '--json', '--source', 'privacy')).stdout) as { facts: { upcomingEffectiveDate: string } }[];
    expect(doc?.facts.upcomingEffectiveDate).toBe('2025-11-03');
  });
});
