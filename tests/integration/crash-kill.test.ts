import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';
import { inspectDatabase, startCli } from '../helpers/fault-process.js';
import { verifySignature } from '../../src/notify/sign.js';

const SECRET = 'crash-suite-secret-51d0';
const SOURCES = 6;
const EFFECTIVE = ['November 20, 2024', 'November 3, 2025'];

describe('kill -9 of a `check` process', () => {
  let site: LocalSite;
  let receiver: Receiver;
  let dir: TempDir;
  /** Per page: which version it serves, and how long it takes to answer. */
  const version = new Array<number>(SOURCES).fill(0);
  const delayMs = new Array<number>(SOURCES).fill(0);
  const env = { PW_CRASH_SECRET: SECRET };

  beforeEach(async () => {
    version.fill(0);
    delayMs.fill(0);
    site = await startLocalSite();
    for (let i = 0; i < SOURCES; i++) {
      site.set(`/p/${i}`, {
        handle: (_req, res) => {
          const timer = setTimeout(() => {
            res.writeHead(200, { 'content-type': 'text/html' });
            res.end(privacyPolicyPage({ effective: EFFECTIVE[version[i]!] }));
          }, delayMs[i]);
          res.on('close', () => clearTimeout(timer));
        },
      });
    }
    receiver = await startReceiver();
    dir = tempDir('policy-watch-crash-');
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      fetch: { timeoutMs: 30_000, maxRetries: 0, maxConcurrency: SOURCES, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: SOURCES, delayMs: 0 } },
      sources: Array.from({ length: SOURCES }, (_, i) => ({ id: `page-${i}`, url: site.at(`/p/${i}`), kind: 'privacy-policy' })),
      webhooks: [{ url: receiver.url, secret: 'env:PW_CRASH_SECRET', events: ['facts.changed', 'text.changed'] }],
    }));
  });
  afterEach(async () => {
    await site.close();
    await receiver.close();
    dir.remove();
  });

  const deliveredChangeIds = () => new Set(receiver.requests
    .filter((r) => r.answeredWith === 200 && r.headers['x-policy-watch-event'] === 'facts.changed')
    .map((r) => String(JSON.parse(r.body).change.id)));

  it('in the middle of a cycle leaves whole checks only; the next run records the rest and delivers every alert', async () => {
    expect((await runCli(['check'], { cwd: dir.path, env })).code).toBe(0);

    // Every page changes; half of them answer slowly, so the kill lands with their checks in flight.
    version.fill(1);
    for (let i = SOURCES / 2; i < SOURCES; i++) delayMs[i] = 60_000;
    const check = startCli(['check'], { cwd: dir.path, env });
    await check.waitForOutput(new RegExp(`(^changed .*\\n[^]*){${SOURCES / 2}}`, 'm'));
    check.child.kill('SIGKILL');
    expect(await check.exited).toBe('SIGKILL');

    const afterKill = inspectDatabase(dir.file('watch.db'));
    expect(afterKill.integrity).toBe('ok');
    expect(afterKill.halfWrittenChanges).toBe(0);
    expect(afterKill.changesWithoutAlert).toBe(0);
    expect(afterKill.changes.map((c) => c.sourceId).sort()).toEqual(['page-0', 'page-1', 'page-2']);
    // Killed before its drain: the alerts wait in the outbox.
    expect(afterKill.deliveries.every((d) => d.status === 'pending')).toBe(true);

    delayMs.fill(0);
    const next = await runCli(['check'], { cwd: dir.path, env });
    expect(next.code).toBe(0);
    expect(next.stdout.match(/^unchanged /gm)).toHaveLength(SOURCES / 2);
    expect(next.stdout.match(/^changed /gm)).toHaveLength(SOURCES / 2);

    const end = inspectDatabase(dir.file('watch.db'));
    expect(end.integrity).toBe('ok');
    expect(end.halfWrittenChanges).toBe(0);
    // One change per page, none twice, none lost, each delivered.
    expect(end.changes.map((c) => c.sourceId).sort()).toEqual(Array.from({ length: SOURCES }, (_, i) => `page-${i}`));
    expect(end.deliveries.filter((d) => d.status !== 'delivered')).toEqual([]);
    expect(deliveredChangeIds()).toEqual(new Set(end.changes.map((c) => String(c.id))));
  });

  it('while a webhook delivery is in flight loses no delivery: the next run sends it again, same id, same body', async () => {
    expect((await runCli(['check'], { cwd: dir.path, env })).code).toBe(0);
    version[0] = 1;
    receiver.answerNext('hang');
    const check = startCli(['check', '--source', 'page-0'], { cwd: dir.path, env });
    const [inFlight] = await receiver.waitFor(1, 20_000);
    const killedAt = Date.now();
    check.child.kill('SIGKILL');
    expect(await check.exited).toBe('SIGKILL');

    const afterKill = inspectDatabase(dir.file('watch.db'));
    expect(afterKill.integrity).toBe('ok');
    const hung = afterKill.deliveries.find((d) => d.id === inFlight!.headers['x-policy-watch-delivery']);
    // Still pending, not counted as an attempt; claimed for the request's lifetime, then due again.
    expect(hung).toMatchObject({ status: 'pending', attempts: 0 });
    expect(hung!.nextAttemptAt).toBeLessThanOrEqual(killedAt + 75_000);

    const next = await runCli(['check', '--source', 'page-0'], { cwd: dir.path, env });
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/webhooks: 2 delivered/);
    const end = inspectDatabase(dir.file('watch.db'));
    expect(end.deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered']);

    // At least once: the hung delivery arrived twice, with the same id and body, signed both times.
    const copies = receiver.requests.filter((r) => r.headers['x-policy-watch-delivery'] === hung!.id);
    expect(copies).toHaveLength(2);
    expect(copies[1]!.body).toBe(copies[0]!.body);
    for (const copy of copies) expect(verifySignature(copy.body, SECRET, copy.headers['x-policy-watch-signature'] as string)).toBe(true);
  });
});
