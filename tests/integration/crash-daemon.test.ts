import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';
import { inspectDatabase, startCli, type WatchedProcess } from '../helpers/fault-process.js';

describe('a daemon and other processes on one database', () => {
  let site: LocalSite;
  let dir: TempDir;
  let daemon: WatchedProcess;
  let served = 0;

  beforeAll(async () => {
    // Every answer is a new effective date: every cycle records a change, so the daemon keeps writing.
    site = await startLocalSite({
      '/legal/privacy-policy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage({ effective: `November ${1 + (served++ % 28)}, 2025` })); } },
    });
    dir = tempDir('policy-watch-crash-daemon-');
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      schedule: '* * * * * *',
      fetch: { timeoutMs: 5000, maxRetries: 0, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: 4, delayMs: 0 } },
      sources: [{ id: 'privacy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' }],
    }));
    daemon = startCli(['run', '--no-api'], { cwd: dir.path });
    await daemon.waitForOutput(/"msg":"cycle end"[^]*"msg":"cycle end"/, 30_000);
  });
  afterAll(async () => {
    if (daemon.child.exitCode === null && daemon.child.signalCode === null) daemon.child.kill('SIGKILL');
    await site.close();
    dir.remove();
  });

  it('lets history, facts and sources read beside it while it writes, every time', async () => {
    let lastCount = 0;
    for (let round = 0; round < 3; round++) {
      const [history, facts, sources] = await Promise.all([
        runCli(['history', '--json', '--limit', '1000'], { cwd: dir.path }),
        runCli(['facts', '--json'], { cwd: dir.path }),
        runCli(['sources', '--json'], { cwd: dir.path }),
      ]);
      for (const result of [history, facts, sources]) {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
      const changes = JSON.parse(history.stdout) as unknown[];
      expect(changes.length).toBeGreaterThanOrEqual(lastCount);
      lastCount = changes.length;
      expect(JSON.parse(facts.stdout)[0]).toMatchObject({ sourceId: 'privacy' });
      expect(JSON.parse(sources.stdout)[0]).toMatchObject({ id: 'privacy' });
    }
    expect(lastCount).toBeGreaterThan(0);
  });

  it('holds its lock against a second daemon', async () => {
    const second = await runCli(['run', '--no-api'], { cwd: dir.path, timeoutMs: 20_000 });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`in use by another policy-watch daemon (pid ${daemon.child.pid}`);
  });

  it('killed with -9 mid-work, leaves a database that is whole and a lock the next daemon takes over', async () => {
    daemon.child.kill('SIGKILL');
    expect(await daemon.exited).toBe('SIGKILL');
    expect(JSON.parse(readFileSync(dir.file('watch.db.lock'), 'utf8')).pid).toBe(daemon.child.pid);

    const state = inspectDatabase(dir.file('watch.db'));
    expect(state.integrity).toBe('ok');
    expect(state.halfWrittenChanges).toBe(0);

    const next = startCli(['run', '--no-api'], { cwd: dir.path });
    await next.waitForOutput(/"msg":"cycle end"/, 30_000);
    expect(JSON.parse(readFileSync(dir.file('watch.db.lock'), 'utf8')).pid).toBe(next.child.pid);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expect(existsSync(dir.file('watch.db.lock'))).toBe(false);
    const end = inspectDatabase(dir.file('watch.db'));
    expect(end.integrity).toBe('ok');
    expect(end.halfWrittenChanges).toBe(0);
    expect(end.changes.length).toBeGreaterThan(state.changes.length);
  });
});
