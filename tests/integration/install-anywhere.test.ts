import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';

/**
 * `npm pack`, then `npm install -g` of the tarball into a temporary prefix, run from another
 * folder. Opt-in (PW_INSTALL_TEST=1): it downloads the dependencies from the npm registry and
 * compiles better-sqlite3, which takes minutes.
 */
describe.skipIf(process.env.PW_INSTALL_TEST !== '1')('a global install from an npm pack tarball', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  let dir: TempDir;
  let bin: string;
  let elsewhere: string;

  const run = (command: string, args: string[], cwd: string, timeout = 60_000) => {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(() => {
    dir = tempDir('policy-watch-install-');
    const packed = run('npm', ['pack', '--pack-destination', dir.path], root, 300_000);
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = join(dir.path, readdirSync(dir.path).find((f) => f.endsWith('.tgz'))!);
    const installed = run('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', dir.file('prefix'), tarball], dir.path, 900_000);
    expect(installed.code, installed.stderr).toBe(0);
    bin = dir.file('prefix/bin/policy-watch');
    elsewhere = dir.file('elsewhere');
    run('mkdir', ['-p', elsewhere], dir.path);
  }, 1_200_000);
  afterAll(() => dir?.remove());

  it('answers --help, init, validate and extract in a folder that is not the checkout', () => {
    const help = run(bin, ['--help'], elsewhere);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: policy-watch/);
    expect(run(bin, ['init'], elsewhere).code).toBe(0);
    const validate = run(bin, ['validate'], elsewhere);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/ok, 9 sources, 1 channel/);
    writeFileSync(join(elsewhere, 'page.html'), privacyPolicyPage({ effective: 'March 1, 2026' }));
    const extract = run(bin, ['extract', 'page.html', '--json'], elsewhere);
    expect(extract.code, extract.stderr).toBe(0);
    expect((JSON.parse(extract.stdout) as { facts: { effectiveDate: string } }).facts.effectiveDate).toBe('2026-03-01');
  });

  it('runs the demo from its shipped pages and migrates a database in that folder', () => {
    const demo = run(bin, ['demo', '--no-serve', '--keep', 'kept'], elsewhere, 120_000);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/changed\s+linkedin-privacy-policy/);
    const history = run(bin, ['history', '--json', '--db', 'kept/demo.db'], elsewhere);
    expect(history.code, history.stderr).toBe(0);
    expect(JSON.parse(history.stdout)).toHaveLength(2);
  });
});
