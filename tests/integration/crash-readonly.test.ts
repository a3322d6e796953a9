import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, chownSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';
import { inspectDatabase, startCli } from '../helpers/fault-process.js';

/**
 * Root ignores file modes, so as root the read-only runs are made by an unprivileged user
 * (uid/gid 65534, "nobody"), for whom chmod 444 really means read-only.
 */
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

describe('a read-only database', () => {
  let site: LocalSite;
  let dir: TempDir;
  let page = privacyPolicyPage();

  beforeEach(async () => {
    page = privacyPolicyPage();
    site = await startLocalSite({ '/legal/privacy-policy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); } } });
    dir = tempDir('policy-watch-readonly-');
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      fetch: { timeoutMs: 5000, maxRetries: 0, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: 4, delayMs: 0 } },
      sources: [{ id: 'privacy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' }],
    }));
    expect((await runCli(['check'], { cwd: dir.path })).code).toBe(0);
    page = privacyPolicyPage({ effective: 'November 3, 2025' });
  });
  afterEach(async () => {
    chmodSync(dir.path, 0o755);
    await site.close();
    dir.remove();
  });

  const sha = () => createHash('sha256').update(readFileSync(dir.file('watch.db'))).digest('hex');
  const run = async (args: string[]) => {
    const cli = startCli(args, { cwd: dir.path, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
    return { code: await cli.exited, output: cli.output() };
  };

  it.each([
    ['its folder writable', true],
    ['its folder read-only too', false],
  ])('with %s: check fails with a clear message and exit 1, and the file is left as it was', async (_what, folderWritable) => {
    chmodSync(dir.file('watch.db'), 0o444);
    if (asRoot) {
      chmodSync(dir.path, 0o755);
      if (folderWritable) chownSync(dir.path, NOBODY, NOBODY);
    } else {
      chmodSync(dir.path, folderWritable ? 0o755 : 0o555);
    }
    const before = sha();
    const check = await run(['check']);
    expect(check.code).toBe(1);
    expect(check.output).toMatch(/read-only|readonly/);
    expect(check.output).not.toMatch(/^\s+at /m);
    expect(sha()).toBe(before);

    chmodSync(dir.file('watch.db'), 0o644);
    const state = inspectDatabase(dir.file('watch.db'));
    expect(state.integrity).toBe('ok');
    expect(state.changes).toEqual([]);
  });

  it('can still be read by history and facts when its folder is writable', async () => {
    chmodSync(dir.file('watch.db'), 0o444);
    if (asRoot) chownSync(dir.path, NOBODY, NOBODY);
    const before = sha();
    for (const verb of [['history', '--json'], ['facts', '--json']]) {
      const result = await run(verb);
      expect(result.code, verb.join(' ')).toBe(0);
      expect(Array.isArray(JSON.parse(result.output))).toBe(true);
    }
    expect(sha()).toBe(before);
  });
});
