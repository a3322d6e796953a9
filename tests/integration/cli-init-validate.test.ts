import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';

describe('policy-watch init', () => {
  let dir: TempDir;
  beforeEach(() => { dir = tempDir('policy-watch-init-'); });
  afterEach(() => dir.remove());

  it('writes a starter config that includes the LinkedIn pack and a webhook to fill in, which validates', async () => {
    const init = await runCli(['init'], { cwd: dir.path });
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Wrote .*policy-watch\.config\.json/);
    const written = JSON.parse(readFileSync(dir.file('policy-watch.config.json'), 'utf8')) as { include: string[]; webhooks: { url: string; secret: string }[] };
    expect(written.include).toEqual(['builtin:linkedin']);
    expect(written.webhooks).toEqual([expect.objectContaining({ secret: 'env:POLICY_WATCH_WEBHOOK_SECRET' })]);

    const validate = await runCli(['validate'], { cwd: dir.path, env: { POLICY_WATCH_WEBHOOK_SECRET: '' } });
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/policy-watch\.config\.json: ok, 9 sources, 1 channel, 2 warnings\n$/);
    expect(validate.stderr).toMatch(/webhooks\[0\]\.secret: environment variable POLICY_WATCH_WEBHOOK_SECRET is not set/);
    expect(validate.stderr).toMatch(/webhooks\[0\]\.url: hooks\.example\.com is a placeholder/);
    // Query verbs work on it before the secret is set.
    const sources = await runCli(['sources', '--json'], { cwd: dir.path, env: { POLICY_WATCH_WEBHOOK_SECRET: '' } });
    expect(sources.code).toBe(0);
    expect((JSON.parse(sources.stdout) as { id: string }[]).map((s) => s.id)).toContain('linkedin-privacy-policy');
  });

  it('refuses to overwrite a config, with exit 2, and leaves it as it was', async () => {
    writeFileSync(dir.file('policy-watch.config.json'), '{"sources": []}\n');
    const again = await runCli(['init'], { cwd: dir.path });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/policy-watch\.config\.json already exists: init never overwrites a config/);
    expect(readFileSync(dir.file('policy-watch.config.json'), 'utf8')).toBe('{"sources": []}\n');
  });

  it('writes to --config when given', async () => {
    const result = await runCli(['--config', 'other.json', 'init'], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(existsSync(dir.file('other.json'))).toBe(true);
    expect(existsSync(dir.file('policy-watch.config.json'))).toBe(false);
  });
});

describe('policy-watch validate', () => {
  let dir: TempDir;
  beforeEach(() => { dir = tempDir('policy-watch-validate-'); });
  afterEach(() => dir.remove());
  const source = { id: 'a', url: 'https://a.example/p', kind: 'privacy-policy' };
  const validate = (config: unknown) => {
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify(config));
    return runCli(['validate'], { cwd: dir.path });
  };

  it('exits 2 naming the field of a bad regular expression, CSS selector or duplicate page', async () => {
    const regex = await validate({ sources: [source, { ...source, id: 'b', url: 'https://a.example/q', ignore: ['[unclosed'] }] });
    expect(regex.code).toBe(2);
    expect(regex.stderr).toMatch(/sources\[1\]\.ignore\[0\]: invalid regular expression "\[unclosed": /);
    expect(regex.stdout).toBe('');
    const css = await validate({ sources: [{ ...source, select: ['main', { startBefore: 'h2:nope', endBefore: 'footer' }] }] });
    expect(css.code).toBe(2);
    expect(css.stderr).toMatch(/sources\[0\]\.select\[1\]\.startBefore: invalid CSS selector "h2:nope"/);
    const twice = await validate({ sources: [source, { ...source, id: 'b' }] });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/"b" watches the same page as "a"/);
  });

  it('exits 2 naming the cron field and its allowed range, and so does run', async () => {
    const step = await validate({ schedule: '*/61 * * * *', sources: [source] });
    expect(step.code).toBe(2);
    expect(step.stderr).toMatch(/schedule: minute step 61 is out of range 1-59/);
    const hour = await validate({ schedule: '0 25 * * *', sources: [source] });
    expect(hour.code).toBe(2);
    expect(hour.stderr).toMatch(/schedule: hour 25 is out of range 0-23/);
    const run = await runCli(['run', '--no-api'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/schedule: hour 25 is out of range 0-23/);
    const seconds = await validate({ schedule: '*/30 * * * * *', sources: [source] });
    expect(seconds.code, seconds.stderr).toBe(0);
  });

  it('lists every warning of OTA declarations and sums them up', async () => {
    const terms = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`Policy ${i}`, { fetch: `https://acme.example/${i}`, select: 'main', executeClientScripts: true }]));
    writeFileSync(dir.file('Acme.json'), JSON.stringify({ name: 'Acme', terms }));
    const result = await validate({ include: ['Acme.json'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok, 7 sources, 0 channels, 7 warnings/);
    expect(result.stderr.match(/warning: .*executeClientScripts/g)).toHaveLength(7);
    // Other verbs show a few and point at validate.
    const sources = await runCli(['sources'], { cwd: dir.path });
    expect(sources.code).toBe(0);
    expect(sources.stderr.match(/warning: .*executeClientScripts/g)).toHaveLength(5);
    expect(sources.stderr).toMatch(/2 more config warnings \(policy-watch validate lists them all\)/);
  });
});

describe('policy-watch demo --keep', () => {
  let dir: TempDir;
  beforeEach(() => { dir = tempDir('policy-watch-keep-'); });
  afterEach(() => dir.remove());

  it('keeps the demo database and prints the commands that work on it', async () => {
    const kept = dir.file('kept');
    const demo = await runCli(['demo', '--no-serve', '--keep', kept], { cwd: dir.path });
    expect(demo.code).toBe(0);
    const show = /policy-watch (show \d+ --db \S+)/.exec(demo.stdout);
    expect(show, demo.stdout).not.toBeNull();
    expect(demo.stdout).toContain(`policy-watch history --db ${kept}/demo.db`);
    const history = await runCli(['history', '--json', '--db', `${kept}/demo.db`], { cwd: dir.path });
    expect(history.code).toBe(0);
    expect(JSON.parse(history.stdout)).toHaveLength(2);
    const shown = await runCli(show![1]!.split(' '), { cwd: dir.path });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/effectiveDate 2024-11-20 → 2025-11-03/);
    const again = await runCli(['demo', '--no-serve', '--keep', kept], { cwd: dir.path });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/demo\.db already exists/);
  });
});
