/**
 * `npm run soak`: many check cycles against a local site whose pages misbehave at random and
 * really change at random, with a webhook receiver that fails at random. A model of what should
 * happen runs beside it; at the end the script prints what was expected and what happened, and
 * exits 1 if any invariant fails: every real change recorded once, no change that did not
 * happen, every expected alert delivered (after de-duplication by delivery id), no alert that
 * was not expected, a database that passes `PRAGMA integrity_check`.
 *
 * Everything is local (127.0.0.1 for the receiver, 127.0.0.2 onwards for the sources) and seeded: `--seed N` replays a run exactly (up to timing).
 * Flags: --seed N (default 7), --cycles N (default 500), --sources N (default 50), --keep.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { loadConfig } from '../src/config/load-config.js';
import { openDatabase, type Db } from '../src/store/open-database.js';
import { runCheckCycle } from '../src/pipeline/run-check-cycle.js';
import { drainOutbox } from '../src/notify/outbox.js';
import { privacyPolicyPage, authwallPage } from '../tests/helpers/linkedin-pages.js';
import { prng } from './policy-page.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const SEED = arg('--seed', 7);
const CYCLES = arg('--cycles', 500);
const SOURCES = arg('--sources', 50);
const FAIL_AFTER = 3;
const TIMEOUT_MS = 1000;
const MAX_BODY = 64 * 1024;
const P_CHANGE = 0.02;
const P_FAULT = 0.06;
const P_OUTAGE = 0.006;
const P_RECEIVER_FAILS = 0.1;

const random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Faults that make a check fail (blocked or error) and must change nothing. */
const FAULTS = ['500', '503', '429-long', '999', '403', 'sign-in-wall', 'empty', 'reset', 'truncated', 'slow', 'redirect-other-host', 'redirect-loop', 'too-big'] as const;
/** Misbehaviour a check must see through: the page is read, unchanged. */
const NOISE = ['429-short', 'windows-1252'] as const;
type Behaviour = (typeof FAULTS)[number] | (typeof NOISE)[number] | 'ok';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Version n of a page is in force from 2020-01-01 + 9n days: each real change is a new effective date. */
function effectiveOf(version: number): { text: string; iso: string } {
  const date = new Date(Date.UTC(2020, 0, 1) + version * 9 * 86_400_000);
  return { text: `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`, iso: date.toISOString().slice(0, 10) };
}

interface PageState {
  version: number;
  behaviour: Behaviour;
  /** Remaining cycles of an outage (consecutive faults). */
  outage: number;
  /** Requests in this cycle, for 429-short (refuse once, then answer). */
  asked: number;
}

interface Model {
  /** The version policy-watch last read, or null before the baseline. */
  recorded: number | null;
  failures: number;
  failing: boolean;
}

const log = (line: string) => process.stderr.write(`soak: ${line}\n`);

/** The loopback host that serves source i. */
const hostOf = (i: number): string => `127.0.0.${2 + i}`;

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-watch-soak-'));
  const pages: PageState[] = Array.from({ length: SOURCES }, () => ({ version: 0, behaviour: 'ok', outage: 0, asked: 0 }));
  const models: Model[] = Array.from({ length: SOURCES }, () => ({ recorded: null, failures: 0, failing: false }));
  const openTimers = new Set<NodeJS.Timeout>();

  // Each source is served from its own loopback host (127.0.0.2, .3, ...): politeness and Retry-After
  // pauses are per host, and one page's misbehaviour must not stand for another's.
  const serve = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const match = /^\/s\/(\d+)$/.exec(req.url ?? '');
    const page = match ? pages[Number(match[1])] : undefined;
    if (!page) { res.writeHead(404).end(); return; }
    page.asked++;
    const html = () => privacyPolicyPage({ effective: effectiveOf(page.version).text });
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    switch (page.behaviour) {
      case 'ok': return send(200, html());
      case '500': return send(500, 'oops');
      case '503': return send(503, 'unavailable');
      case '429-long': return send(429, 'slow down', { 'retry-after': '3600' });
      case '429-short': return page.asked === 1 ? send(429, 'slow down', { 'retry-after': '1' }) : send(200, html());
      case '999': return send(999, 'denied');
      case '403': return send(403, 'forbidden');
      case 'sign-in-wall': return send(200, authwallPage());
      case 'empty': return send(200, '');
      case 'reset': req.socket.resetAndDestroy(); return;
      case 'truncated': {
        const body = html();
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(body.length * 2) });
        res.write(body.slice(0, body.length / 2));
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      case 'slow': {
        const timer = setTimeout(() => { openTimers.delete(timer); send(200, html()); }, TIMEOUT_MS + 500);
        openTimers.add(timer);
        res.on('close', () => { clearTimeout(timer); openTimers.delete(timer); });
        return;
      }
      case 'redirect-other-host': return send(302, '', { location: `http://localhost:${req.socket.localPort}${req.url}` });
      case 'redirect-loop': return send(302, '', { location: req.url! });
      case 'too-big': return send(200, `<html><body><main>${'x'.repeat(MAX_BODY * 4)}</main></body></html>`);
      case 'windows-1252': {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(iconv.encode(html().replace('<meta charset="utf-8">', '<meta charset="windows-1252">'), 'windows-1252'));
        return;
      }
    }
  };
  const sites = Array.from({ length: SOURCES }, () => http.createServer(serve));

  /** Deliveries by id: a retried delivery counts once (receivers de-duplicate, as the README says). */
  const delivered = new Map<string, { event: string; sourceId: string; body: string }>();
  let receiverRequests = 0;
  let receiverRefused = 0;
  let receiverDown = false;
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
    req.on('end', () => {
      receiverRequests++;
      if (receiverDown || random() < P_RECEIVER_FAILS) {
        receiverRefused++;
        res.writeHead(500).end('try later');
        return;
      }
      const id = String(req.headers['x-policy-watch-delivery']);
      if (!delivered.has(id)) delivered.set(id, { event: String(req.headers['x-policy-watch-event']), sourceId: JSON.parse(body).source.id, body });
      res.writeHead(200).end('ok');
    });
  });
  await Promise.all(sites.map((site, i) => new Promise<void>((resolve) => site.listen(0, hostOf(i), resolve))));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const pageUrl = (i: number) => `http://${hostOf(i)}:${(sites[i]!.address() as AddressInfo).port}/s/${i}`;
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const configFile = join(dir, 'policy-watch.config.json');
  writeFileSync(configFile, JSON.stringify({
    database: 'soak.db',
    fetch: { timeoutMs: TIMEOUT_MS, maxRetries: 0, maxBodyBytes: MAX_BODY, maxConcurrency: 16, maxRequestsPerMinute: 100_000, perHost: { maxConcurrency: 16, delayMs: 0 } },
    failAfter: FAIL_AFTER,
    sources: Array.from({ length: SOURCES }, (_, i) => ({ id: `soak-${i}`, url: pageUrl(i), kind: 'privacy-policy' })),
    webhooks: [{ url: hookUrl, secret: 'env:SOAK_SECRET', events: ['facts.changed', 'text.changed', 'announcement.detected', 'source.failing', 'source.recovered', 'source.discovered'] }],
  }));
  const config = loadConfig({ configPath: configFile, env: { SOAK_SECRET: `soak-${SEED}` } });
  let db: Db = openDatabase(config.database);

  /** What the model says must be delivered: "event sourceId" -> count. */
  const expected = new Map<string, number>();
  const expect = (event: string, sourceId: string) => expected.set(`${event} ${sourceId}`, (expected.get(`${event} ${sourceId}`) ?? 0) + 1);
  /** Changes the model expects, per source: [before, after] effective dates. */
  const expectedChanges: { sourceId: string; before: string; after: string }[] = [];
  let checksRun = 0;
  let statusMismatches = 0;
  const mismatchSamples: string[] = [];
  const behaviourCounts = new Map<string, number>();
  const started = Date.now();

  try {
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      for (const page of pages) {
        page.asked = 0;
        if (cycle > 0 && random() < P_CHANGE) page.version++;
        if (page.outage > 0) page.outage--;
        else if (cycle > 0 && random() < P_OUTAGE) page.outage = 2 + Math.floor(random() * 5);
        const r = random();
        // Slow answers and short Retry-After cost wall time: keep them rarer than the rest.
        page.behaviour = page.outage > 0 ? pick(FAULTS.filter((f) => f !== 'slow'))
          : cycle === 0 ? 'ok'
            : r < P_FAULT ? pick(FAULTS.filter((f) => f !== 'slow' || random() < 0.15))
              : r < P_FAULT + 0.01 ? pick(NOISE.filter((n) => n !== '429-short' || random() < 0.2))
                : 'ok';
        behaviourCounts.set(page.behaviour, (behaviourCounts.get(page.behaviour) ?? 0) + 1);
      }
      // Now and then the process "restarts": a fresh connection, the outbox as it was left.
      if (cycle > 0 && cycle % 100 === 0) {
        db.$client.close();
        db = openDatabase(config.database);
      }
      // A receiver outage now and then: alerts must wait in the outbox, not be lost.
      receiverDown = cycle % 97 >= 90;

      // Each cycle stands for one scheduled check, hours apart: a host's hour-long Retry-After
      // pause (remembered in host_backoffs, in real time) has ended by the next one.
      db.$client.prepare('DELETE FROM host_backoffs').run();
      const { results } = await runCheckCycle({ db, config });
      checksRun += results.length;
      for (const result of results) {
        const i = Number(result.sourceId.slice('soak-'.length));
        const page = pages[i]!;
        const model = models[i]!;
        const fails = (FAULTS as readonly string[]).includes(page.behaviour);
        let want: string;
        if (fails) {
          want = 'blocked|error';
          model.failures++;
          if (!model.failing && model.failures >= FAIL_AFTER) {
            model.failing = true;
            expect('source.failing', result.sourceId);
          }
        } else {
          if (model.failing) expect('source.recovered', result.sourceId);
          model.failures = 0;
          model.failing = false;
          if (model.recorded === null) want = 'new';
          else if (model.recorded !== page.version) {
            want = 'changed';
            expect('facts.changed', result.sourceId);
            expect('text.changed', result.sourceId);
            expectedChanges.push({ sourceId: result.sourceId, before: effectiveOf(model.recorded).iso, after: effectiveOf(page.version).iso });
          } else want = 'unchanged';
          model.recorded = page.version;
        }
        if (!want.split('|').includes(result.status)) {
          statusMismatches++;
          if (mismatchSamples.length < 10) mismatchSamples.push(`cycle ${cycle} ${result.sourceId} (${page.behaviour}): expected ${want}, got ${result.status} ${result.reason ?? ''}`);
        }
      }
      await drainOutbox(db, config.webhooks, { force: true, timeoutMs: 5000 });
      if ((cycle + 1) % 50 === 0) log(`cycle ${cycle + 1}/${CYCLES}: ${checksRun} checks, ${expectedChanges.length} changes expected, ${delivered.size} alerts delivered, ${Math.round((Date.now() - started) / 1000)} s, rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
    }

    // The receiver comes back for good: everything still pending must arrive.
    receiverDown = false;
    for (let round = 0; round < 20; round++) {
      const pending = (db.$client.prepare("SELECT count(*) AS n FROM deliveries WHERE status = 'pending'").get() as { n: number }).n;
      if (pending === 0) break;
      await drainOutbox(db, config.webhooks, { force: true, timeoutMs: 5000 });
    }

    // What the database recorded.
    const recordedChanges = db.$client.prepare('SELECT source_id AS sourceId, facts FROM changes ORDER BY id').all() as { sourceId: string; facts: string }[];
    const integrity = db.$client.pragma('integrity_check', { simple: true });
    const halfWritten = (db.$client.prepare(`SELECT count(*) AS n FROM changes c LEFT JOIN snapshots b ON b.id = c.before_snapshot_id
      LEFT JOIN snapshots a ON a.id = c.after_snapshot_id WHERE a.id IS NULL OR b.id IS NULL`).get() as { n: number }).n;
    const outbox = db.$client.prepare('SELECT status, count(*) AS n FROM deliveries GROUP BY status').all() as { status: string; n: number }[];

    // Changes: the same multiset of (source, before -> after).
    const key = (c: { sourceId: string; before: unknown; after: unknown }) => `${c.sourceId} ${String(c.before)} -> ${String(c.after)}`;
    const wantChanges = countBy(expectedChanges.map(key));
    const gotChanges = countBy(recordedChanges.map((c) => {
      const effective = (JSON.parse(c.facts) as { fact: string; before: unknown; after: unknown }[]).find((f) => f.fact === 'effectiveDate');
      return key({ sourceId: c.sourceId, before: effective?.before, after: effective?.after });
    }));
    const missedChanges = difference(wantChanges, gotChanges);
    const falseChanges = difference(gotChanges, wantChanges);

    // Alerts: the same multiset of (event, source).
    const gotAlerts = countBy([...delivered.values()].map((d) => `${d.event} ${d.sourceId}`));
    const lost = difference(expected, gotAlerts);
    const falseAlerts = difference(gotAlerts, expected);
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

    const seconds = Math.round((Date.now() - started) / 1000);
    const lines = [
      `seed ${SEED}, ${CYCLES} cycles of ${SOURCES} sources in ${seconds} s (failAfter ${FAIL_AFTER}, fetch.timeoutMs ${TIMEOUT_MS})`,
      `behaviours served: ${[...behaviourCounts].sort((a, b) => b[1] - a[1]).map(([b, n]) => `${b} ${n}`).join(', ')}`,
      `checks run: ${checksRun} (status other than the model's: ${statusMismatches})`,
      `changes expected: ${expectedChanges.length}, recorded: ${recordedChanges.length} (missed ${total(missedChanges)}, false ${total(falseChanges)}, half-written ${halfWritten})`,
      `alerts expected: ${total(expected)}, delivered: ${delivered.size} (receiver answered ${receiverRequests} requests, refused ${receiverRefused}: retried from the outbox)`,
      `  by event: ${[...countBy([...delivered.values()].map((d) => d.event))].map(([e, n]) => `${e} ${n}`).join(', ')}`,
      `false alerts: ${total(falseAlerts)}`,
      `lost deliveries: ${total(lost)}`,
      `outbox at the end: ${outbox.map((o) => `${o.status} ${o.n}`).join(', ')}`,
      `integrity_check: ${String(integrity)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const problems = [
      ...mismatchSamples,
      ...[...missedChanges.keys()].slice(0, 5).map((k) => `missed change: ${k}`),
      ...[...falseChanges.keys()].slice(0, 5).map((k) => `false change: ${k}`),
      ...[...lost.keys()].slice(0, 5).map((k) => `lost alert: ${k}`),
      ...[...falseAlerts.keys()].slice(0, 5).map((k) => `false alert: ${k}`),
    ];
    const ok = statusMismatches === 0 && total(missedChanges) === 0 && total(falseChanges) === 0 && halfWritten === 0
      && total(lost) === 0 && total(falseAlerts) === 0 && integrity === 'ok' && !outbox.some((o) => o.status !== 'delivered' && o.n > 0);
    if (problems.length > 0) process.stdout.write(`${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.stdout.write(ok ? 'soak: every invariant held\n' : 'soak: FAILED\n');
    return ok ? 0 : 1;
  } finally {
    db.$client.close();
    for (const timer of openTimers) clearTimeout(timer);
    for (const site of sites) site.closeAllConnections();
    receiver.closeAllConnections();
    for (const site of sites) site.close();
    receiver.close();
    if (argv.includes('--keep')) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** What `a` has more of than `b`. */
function difference(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, n] of a) if (n > (b.get(k) ?? 0)) out.set(k, n - (b.get(k) ?? 0));
  return out;
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`soak: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
