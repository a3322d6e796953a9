import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, writeConfig, type TempDir } from '../helpers/test-config.js';
import * as faults from '../helpers/fault-routes.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { createLogger } from '../../src/daemon/create-logger.js';
import { startDaemon, type DaemonHandle } from '../../src/daemon/run-daemon.js';

/** The daemon's handle as a program embedding it uses it: `stop()` lets requests in flight end, `kill()` aborts them. */
describe('the daemon handle', () => {
  let site: LocalSite;
  let dir: TempDir;
  let db: Db;
  let daemon: DaemonHandle | null = null;
  let logLines: Array<{ msg: string; sourceId?: string; stopped?: boolean; notChecked?: number }> = [];

  beforeEach(async () => {
    site = await startLocalSite({ '/quick': privacyPolicyPage() });
    dir = tempDir('policy-watch-handle-');
    logLines = [];
  });
  afterEach(async () => {
    await daemon?.kill();
    daemon = null;
    db.$client.close();
    await site.close();
    dir.remove();
  });

  const start = async (slowRoute: Parameters<LocalSite['set']>[1]) => {
    site.set('/slow', slowRoute);
    const config = writeConfig(dir, {
      schedule: '0 0 1 1 *',
      fetch: { timeoutMs: 60_000, maxRetries: 0, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: 4, delayMs: 0 } },
      sources: [
        { id: 'quick', url: site.at('/quick'), kind: 'privacy-policy' },
        { id: 'slow', url: site.at('/slow'), kind: 'privacy-policy' },
      ],
    });
    db = openDatabase(config.database);
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const line of chunk.toString('utf8').split('\n')) if (line) logLines.push(JSON.parse(line) as { msg: string });
        callback();
      },
    });
    daemon = await startDaemon({ config, db, log: createLogger({ destination, pretty: false }), stopGraceMs: 5000 });
    void daemon.runCycle();
    // Both requests are in flight once the quick page is recorded and the slow one was asked for.
    const deadline = Date.now() + 10_000;
    while (!(logLines.some((l) => l.msg === 'source checked' && l.sourceId === 'quick') && site.hits.get('/slow')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(site.hits.get('/slow')).toBe(1);
    return daemon;
  };

  const checks = () => db.$client.prepare('SELECT source_id AS sourceId, status FROM checks ORDER BY id').all() as Array<{ sourceId: string; status: string }>;

  it('stop() lets a request in flight end within its grace and records what it read', async () => {
    const handle = await start(faults.slowAnswer(1500, () => privacyPolicyPage()));
    const stoppedAt = Date.now();
    await handle.stop();
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(checks()).toEqual([{ sourceId: 'quick', status: 'new' }, { sourceId: 'slow', status: 'new' }]);
    // Told to stop, the cycle says so, but nothing was left unread.
    expect(logLines.find((l) => l.msg === 'cycle end')).toMatchObject({ stopped: true, notChecked: 0 });
  });

  it('kill() aborts a request in flight at once, recording what was read and nothing for the page abandoned', async () => {
    const handle = await start(faults.slowAnswer(120_000, () => privacyPolicyPage()));
    const killedAt = Date.now();
    await handle.kill();
    expect(Date.now() - killedAt).toBeLessThan(3000);
    expect(checks()).toEqual([{ sourceId: 'quick', status: 'new' }]);
    expect(logLines.find((l) => l.msg === 'cycle end')).toMatchObject({ stopped: true });
    expect(logLines.map((l) => l.msg)).toContain('stopped');
  });
});
