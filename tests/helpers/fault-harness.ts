/**
 * One watched page on a local site, a local webhook receiver subscribed to every event, and a fresh
 * database: what the fault tests need to say "this fault changed nothing and alerted only once".
 */
import { startLocalSite, type LocalSite, type Route } from './local-site.js';
import { startReceiver, type Receiver } from './receiver.js';
import { privacyPolicyPage } from './linkedin-pages.js';
import { tempDir, writeConfig, type TempDir } from './test-config.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import { drainOutbox } from '../../src/notify/outbox.js';
import type { Config, FetchOptions } from '../../src/domain/config.js';
import type { SourceCheckResult } from '../../src/pipeline/record-fetch.js';

export const PAGE_PATH = '/legal/privacy-policy';
export const SOURCE_ID = 'linkedin-privacy-policy';
export const FAULT_SECRET = 'fault-suite-secret-8c1f2e';

export interface FaultHarness {
  site: LocalSite;
  receiver: Receiver;
  dir: TempDir;
  db: Db;
  config: Config;
  /** Serves the good LinkedIn-like page (fresh nonces each load) at the source's path. */
  serveGoodPage(): void;
  serve(route: Route): void;
  /** Changes fetch options (and anything else) for the next checks. */
  reconfigure(change: (config: Config) => Config): void;
  /** One cycle, then every pending delivery attempted once: what `check` does. */
  check(): Promise<SourceCheckResult>;
  /** What the database holds about the source's content: must not move on a fault. */
  contentState(): { snapshots: unknown[]; currentSnapshotId: number | null; contents: number };
  changeCount(): number;
  checkRows(): { status: string; httpStatus: number | null; reason: string | null; snapshotId: number | null }[];
  /** Events the receiver got and answered 2xx, in order. */
  eventsDelivered(): string[];
  close(): Promise<void>;
}

export async function startFaultHarness(options: { fetch?: Partial<FetchOptions>; failAfter?: number } = {}): Promise<FaultHarness> {
  const site = await startLocalSite();
  const receiver = await startReceiver();
  const dir = tempDir('policy-watch-faults-');
  let config = writeConfig(dir, {
    fetch: { timeoutMs: 2000, maxRetries: 0, maxConcurrency: 2, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: 2, delayMs: 0 }, ...options.fetch },
    failAfter: options.failAfter ?? 2,
    sources: [{ id: SOURCE_ID, name: 'LinkedIn Privacy Policy', url: site.at(PAGE_PATH), kind: 'privacy-policy' }],
    webhooks: [{
      url: receiver.url, secret: 'env:PW_FAULT_SECRET',
      events: ['facts.changed', 'text.changed', 'announcement.detected', 'source.failing', 'source.recovered', 'source.discovered'],
    }],
  }, { ...process.env, PW_FAULT_SECRET: FAULT_SECRET });
  const db = openDatabase(config.database);
  const all = <T>(sql: string) => db.$client.prepare(sql).all() as T[];

  const harness: FaultHarness = {
    site, receiver, dir, db,
    get config() { return config; },
    serveGoodPage: () => site.set(PAGE_PATH, { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(privacyPolicyPage()); } }),
    serve: (route) => site.set(PAGE_PATH, route),
    reconfigure: (change) => { config = change(config); },
    async check() {
      const { results } = await runCheckCycle({ db, config });
      await drainOutbox(db, config.webhooks, { force: true, timeoutMs: 5000 });
      if (results.length !== 1) throw new Error(`expected one result, got ${results.length}`);
      return results[0]!;
    },
    contentState: () => ({
      snapshots: all('SELECT id, text_hash, facts, content_id FROM snapshots ORDER BY id'),
      currentSnapshotId: (db.$client.prepare('SELECT current_snapshot_id AS id FROM sources WHERE id = ?').get(SOURCE_ID) as { id: number | null }).id,
      contents: all<{ n: number }>('SELECT count(*) AS n FROM contents')[0]!.n,
    }),
    changeCount: () => all<{ n: number }>('SELECT count(*) AS n FROM changes')[0]!.n,
    checkRows: () => all('SELECT status, http_status AS httpStatus, reason, snapshot_id AS snapshotId FROM checks ORDER BY id'),
    eventsDelivered: () => receiver.requests.filter((r) => r.answeredWith === 200).map((r) => String(r.headers['x-policy-watch-event'])),
    async close() {
      db.$client.close();
      await site.close();
      await receiver.close();
      dir.remove();
    },
  };
  return harness;
}
