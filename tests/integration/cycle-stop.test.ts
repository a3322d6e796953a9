import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startLoopbackHosts, type LoopbackHosts } from '../helpers/loopback-hosts.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { inspectDatabase, startCli } from '../helpers/fault-process.js';
import * as faults from '../helpers/fault-routes.js';

const SOURCES = 8;

/** The checks recorded in a database file, by source. */
function checksIn(file: string): { sourceId: string; status: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT source_id AS sourceId, status FROM checks ORDER BY id').all() as { sourceId: string; status: string }[];
  } finally {
    db.close();
  }
}

describe('a cycle told to stop by a signal', () => {
  let site: LocalSite;
  let dir: TempDir;

  beforeEach(async () => {
    site = await startLocalSite();
    for (let i = 0; i < SOURCES; i++) site.set(`/p/${i}`, faults.status(200, privacyPolicyPage()));
    // Never answers within the test: the stop must abort it, not wait for fetch.timeoutMs.
    site.set('/p/2', faults.slowAnswer(120_000, () => privacyPolicyPage()));
    dir = tempDir('policy-watch-stop-');
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      schedule: '0 0 1 1 *',
      // Two at a time, 700 ms apart on the one host: the cycle would take several seconds.
      fetch: { timeoutMs: 60_000, maxRetries: 0, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: 2, delayMs: 700 } },
      sources: Array.from({ length: SOURCES }, (_, i) => ({ id: `page-${i}`, url: site.at(`/p/${i}`), kind: 'privacy-policy' })),
    }));
  });
  afterEach(async () => {
    await site.close();
    dir.remove();
  });

  it('stops the daemon within 10 s with exit code 0, what it read recorded and nothing else', async () => {
    const daemon = startCli(['run', '--check-now', '--no-api'], { cwd: dir.path });
    await daemon.waitForOutput(/("msg":"source checked"[^]*){2}/);
    const signalledAt = Date.now();
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);

    const log = daemon.output().trim().split('\n').map((line) => JSON.parse(line) as { msg: string; sourceId?: string; stopped?: boolean; notChecked?: number });
    const checked = log.filter((l) => l.msg === 'source checked').map((l) => l.sourceId);
    const end = log.find((l) => l.msg === 'cycle end');
    expect(end).toMatchObject({ stopped: true, notChecked: SOURCES - checked.length });
    expect(checked.length).toBeGreaterThanOrEqual(2);
    expect(checked.length).toBeLessThan(SOURCES);
    // Every page read is recorded; the page aborted and those never asked are not blamed.
    const rows = checksIn(dir.file('watch.db'));
    expect(rows.map((r) => r.sourceId).sort()).toEqual([...checked].sort());
    expect(rows.every((r) => r.status === 'new')).toBe(true);
    expect(existsSync(dir.file('watch.db.lock'))).toBe(false);
    expect(inspectDatabase(dir.file('watch.db')).integrity).toBe('ok');
  });

  it('stops `check` on SIGINT: the pages read are printed and recorded, then the summary, exit 0', async () => {
    const check = startCli(['check'], { cwd: dir.path });
    await check.waitForOutput(/(^new .*\n[^]*){2}/m);
    check.child.kill('SIGINT');
    expect(await check.exited).toBe(0);

    const out = check.output();
    const printed = out.split('\n').filter((line) => line.startsWith('new ')).map((line) => line.split(/\s+/)[1]);
    expect(out).toMatch(/SIGINT: stopping after the pages in flight/);
    expect(out).toMatch(new RegExp(`^stopped: ${SOURCES - printed.length} sources not checked`, 'm'));
    expect(out).toMatch(new RegExp(`^${printed.length} sources: ${printed.length} new, 0 changed, 0 unchanged, 0 blocked, 0 error$`, 'm'));
    expect(checksIn(dir.file('watch.db')).map((r) => r.sourceId).sort()).toEqual([...printed].sort());
  });
});

describe('kill -9 right after a long Retry-After', () => {
  let site: LocalSite;
  let busy: LoopbackHosts;
  let dir: TempDir;

  beforeEach(async () => {
    // One host asks for an hour's pause; another keeps the cycle running with a page that never answers.
    busy = await startLoopbackHosts(['127.0.0.2'], () => ({ status: 429, headers: { 'retry-after': '3600' }, body: 'slow down' }));
    site = await startLocalSite({ '/hang': { handle: () => undefined } });
    dir = tempDir('policy-watch-pause-');
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      fetch: { timeoutMs: 60_000, maxRetries: 0, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: 1, delayMs: 0 } },
      sources: [
        { id: 'hanging', url: site.at('/hang'), kind: 'privacy-policy' },
        { id: 'busy', url: busy.hosts[0]!.at('/policy'), kind: 'privacy-policy' },
      ],
    }));
  });
  afterEach(async () => {
    await busy.close();
    await site.close();
    dir.remove();
  });

  it('keeps the pause: it was stored when the answer came, not at the end of the cycle', async () => {
    const check = startCli(['check'], { cwd: dir.path });
    await check.waitForOutput(/^blocked +busy +HTTP 429 \(Retry-After 3600 s/m);
    check.child.kill('SIGKILL');
    expect(await check.exited).toBe('SIGKILL');

    const db = new Database(dir.file('watch.db'), { readonly: true });
    try {
      const pauses = db.prepare('SELECT host, until, reason FROM host_backoffs').all() as { host: string; until: number; reason: string }[];
      expect(pauses).toEqual([{ host: '127.0.0.2', until: expect.any(Number), reason: 'HTTP 429 Retry-After' }]);
      expect(pauses[0]!.until).toBeGreaterThan(Date.now() + 3_500_000);
    } finally {
      db.close();
    }
  });
});
