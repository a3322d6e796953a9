import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';

describe('the policy-watch command line', () => {
  let site: LocalSite;
  let dir: TempDir;
  let page = privacyPolicyPage();

  beforeAll(async () => {
    site = await startLocalSite({ '/legal/privacy-policy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); } } });
    dir = tempDir();
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      fetch: { timeoutMs: 5000, maxRetries: 0, maxRequestsPerMinute: 10000, perHost: { maxConcurrency: 4, delayMs: 0 } },
      sources: [{ id: 'linkedin-privacy-policy', name: 'LinkedIn Privacy Policy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' }],
    }));
  });
  afterAll(async () => {
    await site.close();
    dir.remove();
  });

  it('records a baseline, then a change whose history --json shows effectiveDate before and after', async () => {
    const first = await runCli(['check'], { cwd: dir.path });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^new\s+linkedin-privacy-policy/m);

    page = privacyPolicyPage({ effective: 'November 3, 2025' });
    const second = await runCli(['check'], { cwd: dir.path });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^changed\s+linkedin-privacy-policy .*Effective date: 2024-11-20 → 2025-11-03/m);

    const history = await runCli(['history', '--json'], { cwd: dir.path });
    expect(history.code).toBe(0);
    const changes = JSON.parse(history.stdout) as { id: string; sourceId: string; facts: { fact: string; before: unknown; after: unknown }[] }[];
    expect(changes).toHaveLength(1);
    expect(changes[0]?.sourceId).toBe('linkedin-privacy-policy');
    expect(changes[0]?.facts).toContainEqual(expect.objectContaining({ fact: 'effectiveDate', before: '2024-11-20', after: '2025-11-03' }));

    const shown = await runCli(['show', changes[0]!.id, '--json'], { cwd: dir.path });
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: changes[0]!.id, textChanged: true });
    expect(JSON.parse(shown.stdout).textDiff).toContain('+Effective November 3, 2025');

    const facts = await runCli(['facts', '--json'], { cwd: dir.path });
    expect(JSON.parse(facts.stdout)[0]).toMatchObject({ sourceId: 'linkedin-privacy-policy', facts: { effectiveDate: '2025-11-03' } });
    const before = await runCli(['facts', '--json', '--at', '2000-01-01'], { cwd: dir.path });
    expect(JSON.parse(before.stdout)).toEqual([]);

    const sources = await runCli(['sources', '--json'], { cwd: dir.path });
    expect(JSON.parse(sources.stdout)[0]).toMatchObject({ id: 'linkedin-privacy-policy', kind: 'privacy-policy', status: 'changed' });
  });

  it('exits 2 naming the field for a config with an unknown key, a bad URL or a bad cron expression', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ sources: [], colour: 'blue' }, /unknown key "colour"/],
      [{ sources: [{ id: 'x', url: 'not a url', kind: 'privacy-policy' }] }, /sources\[0\]\.url/],
      [{ schedule: 'every day', sources: [] }, /schedule/],
      [{ sources: [{ id: 'x', url: 'https://example.com/', kind: 'policy' }] }, /sources\[0\]\.kind/],
      [{ fetch: { timeoutMs: -1 } }, /fetch\.timeoutMs/],
    ];
    for (const [config, message] of cases) {
      const file = dir.file('bad.json');
      writeFileSync(file, JSON.stringify(config));
      const result = await runCli(['check', '--config', file], { cwd: dir.path });
      expect(result.code, JSON.stringify(config)).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('exits 2 with a clear message for bad arguments', async () => {
    const bad: [string[], RegExp][] = [
      [['history', '--since', 'yesterday'], /invalid --since "yesterday"/],
      [['history', '--source', 'nope'], /unknown source "nope"/],
      [['show', '9999'], /unknown change id 9999/],
      [['show', 'abc'], /invalid change id/],
      [['history', '--fact', 'colour'], /unknown --fact/],
      [['frobnicate'], /unknown command/],
      [['webhooks', 'test', '--url', 'ftp://hooks.example/x'], /invalid --url "ftp:\/\/hooks.example\/x": expected an http\(s\) URL/],
    ];
    for (const [args, message] of bad) {
      const result = await runCli(args, { cwd: dir.path });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('prints help for every verb', async () => {
    for (const verb of ['run', 'check', 'extract', 'history', 'show', 'facts', 'sources', 'deliveries', 'serve', 'reextract']) {
      const result = await runCli([verb, '--help'], { cwd: dir.path });
      expect(result.code, verb).toBe(0);
      expect(result.stdout).toContain(`Usage: policy-watch ${verb}`);
    }
  });
});
