import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { tempDir, writeConfig as writeTestConfig, FAST_FETCH, type TempDir } from '../helpers/test-config.js';
import { openDatabase } from '../../src/store/open-database.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import { runCli } from '../helpers/run-cli.js';
import { scriptDrawnPage } from '../helpers/script-pages.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';

const CHROMIUM = '/usr/bin/chromium';

/** One `check --json` line per source, by source id. */
function resultsOf(stdout: string): Map<string, { status: string; reason: string | null }> {
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { sourceId?: string; status: string; reason: string | null });
  return new Map(lines.filter((line) => line.sourceId).map((line) => [line.sourceId!, line]));
}

describe.skipIf(!existsSync(CHROMIUM))('check with render: true, through the CLI', () => {
  let site: LocalSite;
  let dir: TempDir;

  const writeConfig = (config: Record<string, unknown>) => writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({ database: 'watch.db', fetch: FAST_FETCH, ...config }));

  beforeAll(async () => {
    site = await startLocalSite({ '/legal/privacy': scriptDrawnPage(), '/legal/terms': privacyPolicyPage() });
  });
  afterAll(async () => {
    await site.close();
  });

  it('reads the text a script draws into the page as a baseline with its facts', async () => {
    dir = tempDir();
    try {
      writeConfig({
        browser: { executablePath: CHROMIUM },
        sources: [{ id: 'app-privacy', url: site.at('/legal/privacy'), kind: 'privacy-policy', render: true }],
      });
      const check = await runCli(['check', '--json'], { cwd: dir.path });
      expect(check.code, check.stderr).toBe(0);
      expect(resultsOf(check.stdout).get('app-privacy')).toMatchObject({ status: 'new' });

      const facts = await runCli(['facts', '--json'], { cwd: dir.path });
      expect(JSON.parse(facts.stdout)[0]).toMatchObject({
        sourceId: 'app-privacy',
        facts: { effectiveDate: '2025-11-03', aiTrainingDefault: 'on', includedData: ['posts', 'profile'], regions: ['CA', 'US'] },
      });

      const again = await runCli(['check', '--json'], { cwd: dir.path });
      expect(resultsOf(again.stdout).get('app-privacy')).toMatchObject({ status: 'unchanged' });
    } finally {
      dir.remove();
    }
  });

  it('reads no text from the same page without render: the shell is an error, never a baseline', async () => {
    dir = tempDir();
    try {
      writeConfig({ sources: [{ id: 'app-privacy', url: site.at('/legal/privacy'), kind: 'privacy-policy' }] });
      const check = await runCli(['check', '--json'], { cwd: dir.path });
      expect(check.code).toBe(1);
      const result = resultsOf(check.stdout).get('app-privacy');
      expect(result?.status).toBe('error');
      expect(result?.reason).toMatch(/main content missing/);
    } finally {
      dir.remove();
    }
  });

  it('with no browser, makes the rendered source an error saying what to install and still reads the others', async () => {
    dir = tempDir();
    try {
      writeConfig({
        browser: { executablePath: dir.file('no-such-chromium') },
        sources: [
          { id: 'app-privacy', url: site.at('/legal/privacy'), kind: 'privacy-policy', render: true },
          { id: 'plain-terms', url: site.at('/legal/terms'), kind: 'privacy-policy' },
        ],
      });
      const asked = site.hits.get('/legal/privacy') ?? 0;
      // Node's own folder only: no chromium, chromium-browser or google-chrome to fall back on.
      const check = await runCli(['check', '--json'], { cwd: dir.path, env: { PATH: dirname(process.execPath) } });
      expect(check.code, check.stderr).toBe(0);
      const results = resultsOf(check.stdout);
      expect(results.get('plain-terms')).toMatchObject({ status: 'new' });
      expect(results.get('app-privacy')?.status).toBe('error');
      expect(results.get('app-privacy')?.reason).toMatch(/^no browser for render: .*install chromium \(apt-get install chromium\) or set browser\.executablePath/);
      // Nothing was launched, so the rendered page was never asked for.
      expect(site.hits.get('/legal/privacy') ?? 0).toBe(asked);
    } finally {
      dir.remove();
    }
  });
});

describe('validate with render and browser keys', () => {
  let dir: TempDir;
  beforeAll(() => { dir = tempDir('policy-watch-render-validate-'); });
  afterAll(() => dir.remove());
  const source = { id: 'app', url: 'https://app.example/privacy', kind: 'privacy-policy', render: true };
  const validate = (config: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) => {
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify(config));
    return runCli(['validate'], { cwd: dir.path, env });
  };

  it('accepts sources[].render and browser.executablePath', async () => {
    const result = await validate({ browser: { executablePath: process.execPath }, sources: [source] });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok, 1 source, 0 channels, 0 warnings/);
  });

  it('exits 2 naming a browser key it does not know, or a render that is not true or false', async () => {
    const unknown = await validate({ browser: { path: '/usr/bin/chromium' }, sources: [source] });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown key "browser\.path"/);
    const notBoolean = await validate({ sources: [{ ...source, render: 'yes' }] });
    expect(notBoolean.code).toBe(2);
    expect(notBoolean.stderr).toMatch(/sources\[0\]\.render/);
  });

  it('warns that rendered sources will fail when no browser is found', async () => {
    const result = await validate({ browser: { executablePath: dir.file('no-chromium') }, sources: [source] }, { PATH: dirname(process.execPath) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok, 1 source, 0 channels, 1 warning/);
    expect(result.stderr).toMatch(/warning: 1 source with render: true \(first: app\) will be errors: no browser for render: .*install chromium/);
  });
});

describe('a cycle stopped before its rendered sources', () => {
  it('starts no browser: the rendered sources are not checked, listed in notChecked, nothing recorded for them', async () => {
    const site = await startLocalSite({ '/legal/privacy': scriptDrawnPage(), '/legal/terms': privacyPolicyPage() });
    const dir = tempDir();
    const config = writeTestConfig(dir, {
      fetch: FAST_FETCH,
      browser: { executablePath: CHROMIUM },
      sources: [
        { id: 'terms', url: site.at('/legal/terms'), kind: 'user-agreement' },
        { id: 'app-privacy', url: site.at('/legal/privacy'), kind: 'privacy-policy', render: true },
      ],
    });
    const db = openDatabase(config.database);
    try {
      const stop = new AbortController();
      // Told to stop as the fetched page is recorded: the rendered crawl comes after, so it never starts.
      const cycle = await runCheckCycle({ db, config, signal: stop.signal, onResult: () => stop.abort() });
      expect(cycle.results.map((r) => r.sourceId)).toEqual(['terms']);
      expect(cycle).toMatchObject({ stopped: true, notChecked: ['app-privacy'] });
      expect(site.requests.map((r) => r.path)).not.toContain('/legal/privacy');
      const checks = db.$client.prepare('SELECT source_id AS sourceId FROM checks').all();
      expect(checks).toEqual([{ sourceId: 'terms' }]);
    } finally {
      db.$client.close();
      await site.close();
      dir.remove();
    }
  });
});
