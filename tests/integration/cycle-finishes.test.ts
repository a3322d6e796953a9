import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';
import { inspectDatabase } from '../helpers/fault-process.js';
import * as faults from '../helpers/fault-routes.js';

const SOURCES = 24;
const SLOW = 3;
const BUSY = 7;
const DOWN = 11;

describe('a check cycle on one host with many pages, some of them hostile', () => {
  let site: LocalSite;
  let receiver: Receiver;
  let dir: TempDir;

  beforeEach(async () => {
    site = await startLocalSite();
    for (let i = 0; i < SOURCES; i++) site.set(`/p/${i}`, faults.status(200, privacyPolicyPage()));
    // One page answers long after fetch.timeoutMs, one asks to wait 2 s (every time), one is down.
    site.set(`/p/${SLOW}`, faults.slowAnswer(20_000, () => privacyPolicyPage()));
    site.set(`/p/${BUSY}`, faults.status(429, 'busy', { 'retry-after': '2' }));
    site.set(`/p/${DOWN}`, faults.status(503));
    receiver = await startReceiver();
    dir = tempDir('policy-watch-cycle-');
    // The default politeness (one request at a time on a host, 1 s apart) and retries, a 4 s timeout.
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      failAfter: 1,
      fetch: { timeoutMs: 4000 },
      sources: Array.from({ length: SOURCES }, (_, i) => ({ id: `page-${i}`, url: site.at(`/p/${i}`), kind: 'privacy-policy' })),
      webhooks: [{ url: receiver.url, secret: 'env:PW_CYCLE_SECRET', events: ['source.failing'] }],
    }));
  });
  afterEach(async () => {
    await site.close();
    await receiver.close();
    dir.remove();
  });

  it('prints one line per source and the summary, exits 0, and delivers the failing sources\' alerts', async () => {
    const check = await runCli(['check'], { cwd: dir.path, env: { PW_CYCLE_SECRET: 'cycle-secret' }, timeoutMs: 150_000 });

    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const lines = check.stdout.split('\n').filter((line) => /^(new|blocked|error|unchanged|changed) /.test(line));
    expect(lines).toHaveLength(SOURCES);
    expect(lines.filter((line) => line.startsWith('new '))).toHaveLength(SOURCES - 3);
    expect(check.stdout).toMatch(new RegExp(`^error +page-${SLOW} +timeout: `, 'm'));
    expect(check.stdout).toMatch(new RegExp(`^blocked +page-${BUSY} +HTTP 429 \\(Retry-After 2 s: refused again after waiting`, 'm'));
    expect(check.stdout).toMatch(new RegExp(`^error +page-${DOWN} +HTTP 503$`, 'm'));
    expect(check.stdout).toMatch(/^webhooks: 3 delivered, 0 to retry, 0 failed$/m);
    expect(check.stdout).toMatch(/^24 sources: 21 new, 0 changed, 0 unchanged, 1 blocked, 2 error$/m);

    const failing = receiver.requests.map((r) => JSON.parse(r.body) as { event: string; source: { id: string } });
    expect(failing.map((e) => e.source.id).sort()).toEqual([`page-${DOWN}`, `page-${BUSY}`, `page-${SLOW}`].sort());
    expect(inspectDatabase(dir.file('watch.db')).deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered']);
  }, 160_000);
});
