import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Config } from '../domain/config.js';
import { UsageError } from '../domain/errors.js';
import { parsePositiveInt } from './parse-args.js';
import { formatResult } from './check-verb.js';
import { onSignals } from './on-signals.js';

const PAGES = fileURLToPath(new URL('../../demo/pages/', import.meta.url));

/** The bundled LinkedIn timeline: what the privacy policy page answered on each day. */
const TIMELINE: { at: string; what: string; page?: string; status?: number }[] = [
  { at: '2024-11-20T06:00:00Z', what: 'the 2024 privacy policy is in force', page: 'privacy-policy-2024.html' },
  { at: '2025-01-15T06:00:00Z', what: 'same policy, new nonces and tracking parameters', page: 'privacy-policy-2024.html' },
  { at: '2025-09-18T06:00:00Z', what: 'a banner announces the November update', page: 'privacy-policy-2024-announced.html' },
  { at: '2025-10-01T06:00:00Z', what: 'LinkedIn answers HTTP 999 (blocked) for a day', status: 999 },
  { at: '2025-11-03T06:00:00Z', what: 'the 2025 privacy policy takes effect', page: 'privacy-policy-2025.html' },
];

/** `demo`: a new user's first minute, with no config and no network. */
export function registerDemoVerb(program: Command): void {
  program.command('demo')
    .description('replay a bundled LinkedIn timeline through the real pipeline, then serve the web page on the result')
    .option('--port <port>', 'port of the web page (default 8787, or any free one if taken; 0: any free one)', '8787')
    .option('--no-serve', 'exit after the replay instead of serving the web page')
    .option('--keep <dir>', 'keep the demo\'s database in this folder (as demo.db), to try history and show on it')
    .action(async (opts: { port: string; serve: boolean; keep?: string }, command: Command) => {
      // The demo has its own config and database (never the user's): say so rather than ignore the flags.
      const globals = command.optsWithGlobals<{ config?: string; db?: string }>();
      for (const flag of ['config', 'db'] as const) {
        if (globals[flag]) process.stderr.write(`policy-watch: demo ignores --${flag}: it replays into its own database (--keep DIR keeps it as DIR/demo.db)\n`);
      }
      const port = opts.port === '0' ? 0 : parsePositiveInt(opts.port, '--port', 65_535);
      const kept = opts.keep === undefined ? null : resolve(opts.keep);
      if (kept && existsSync(join(kept, 'demo.db'))) {
        throw new UsageError(`--keep: ${join(kept, 'demo.db')} already exists (from an earlier demo?): remove it or choose another folder`);
      }
      if (kept) mkdirSync(kept, { recursive: true });
      const dir = kept ?? mkdtempSync(join(tmpdir(), 'policy-watch-demo-'));
      const cleanUp = () => { if (!kept) rmSync(dir, { recursive: true, force: true }); };
      const site = await startDemoSite();
      const receiver = await startDemoReceiver();
      const { loadConfig } = await import('../config/load-config.js');
      const { openDatabase } = await import('../store/open-database.js');
      const { runCheckCycle } = await import('../pipeline/run-check-cycle.js');
      const { drainOutbox } = await import('../notify/outbox.js');
      const base = loadConfig({ configPath: undefined, cwd: dir, env: {} });
      const config: Config = {
        ...base,
        database: join(dir, 'demo.db'),
        fetch: { ...base.fetch, timeoutMs: 10_000, maxRetries: 0, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: 4, delayMs: 0 } },
        failAfter: 3,
        sources: [{ id: 'linkedin-privacy-policy', name: 'LinkedIn Privacy Policy', url: `${site.url}/legal/privacy-policy`, kind: 'privacy-policy', language: 'en' }],
        webhooks: [{ url: receiver.url, secret: receiver.secret, events: ['facts.changed', 'announcement.detected', 'announcement.due', 'source.failing', 'source.recovered'], format: 'json' }],
        api: { ...base.api, publicUrl: `http://127.0.0.1:${port}` },
      };
      const db = openDatabase(config.database);
      console.log(`policy-watch demo: replaying LinkedIn's privacy policy from ${TIMELINE[0]!.at.slice(0, 10)} to ${TIMELINE.at(-1)!.at.slice(0, 10)}`);
      console.log(`(pages served by a local server at ${site.url}, alerts posted to a local receiver, database ${config.database})\n`);
      for (const day of TIMELINE) {
        site.show(day);
        console.log(`${day.at.slice(0, 10)}  ${day.what}`);
        const at = Date.parse(day.at);
        let tick = 0;
        const { results } = await runCheckCycle({ db, config, now: () => at + tick++ });
        for (const result of results) console.log(`            ${formatResult(result)}`);
        await drainOutbox(db, config.webhooks, { force: true, now: () => at });
        for (const line of receiver.take()) console.log(`            webhook ← ${line}`);
        console.log('');
      }
      await site.close();
      await receiver.close();
      if (kept) printKeptCommands(db, config.database);
      if (!opts.serve) {
        db.$client.close();
        cleanUp();
        return;
      }
      const { startServer } = await import('../api/start-server.js');
      const api = await startServer(db, { ...config.api, host: '127.0.0.1', port }, {})
        .catch(() => startServer(db, { ...config.api, host: '127.0.0.1', port: 0 }, {}));
      console.log(`Open ${api.url}/ to see the sources, the timeline and the diffs (Ctrl-C to stop).`);
      console.log(`Try: curl ${api.url}/api/changes   ·   curl ${api.url}/feed.atom`);
      let resolveDone!: () => void;
      const done = new Promise<void>((resolve) => { resolveDone = resolve; });
      onSignals(() => void (async () => {
        await api.close();
        db.$client.close();
        cleanUp();
        resolveDone();
      })().then(() => process.exit(0)));
      await done;
    });
}

/** What to try on a kept demo database, with its real path and change ids. */
function printKeptCommands(db: { $client: { prepare(sql: string): { get(): unknown } } }, database: string): void {
  const last = db.$client.prepare('SELECT id FROM changes ORDER BY detected_at DESC, id DESC LIMIT 1').get() as { id: number } | undefined;
  const quoted = /^[\w@%+=:,./-]+$/.test(database) ? database : `'${database.replaceAll("'", "'\\''")}'`;
  console.log(`The demo's database is kept in ${database}. Try:`);
  console.log(`  policy-watch history --db ${quoted}`);
  if (last) console.log(`  policy-watch show ${last.id} --db ${quoted}`);
  console.log(`  policy-watch facts --db ${quoted}`);
  console.log(`  policy-watch sources --db ${quoted}`);
  console.log('');
}

interface DemoSite { url: string; show(day: { page?: string; status?: number }): void; close(): Promise<void> }

/** Serves the day's page with fresh nonces and tracking parameters on every request. */
async function startDemoSite(): Promise<DemoSite> {
  let current: { page?: string; status?: number } = {};
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('/legal/privacy-policy')) {
      res.writeHead(404).end();
      return;
    }
    if (current.status) {
      res.writeHead(current.status, { 'content-type': 'text/html' }).end('<html><body></body></html>');
      return;
    }
    const html = readFileSync(join(PAGES, current.page!), 'utf8')
      .replaceAll('{{NONCE}}', randomBytes(8).toString('hex'))
      .replaceAll('{{TRK}}', randomBytes(4).toString('hex'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  const url = await listen(server);
  return { url, show: (day) => { current = day; }, close: () => close(server) };
}

interface DemoReceiver { url: string; secret: string; take(): string[]; close(): Promise<void> }

/** A webhook receiver that checks each signature and keeps a readable line per event. */
async function startDemoReceiver(): Promise<DemoReceiver> {
  const secret = randomBytes(16).toString('hex');
  const { verifySignature } = await import('../notify/sign.js');
  const { summarizeFactChanges } = await import('../notify/summarize-fact-changes.js');
  let lines: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    req.on('end', () => {
      const signed = verifySignature(body, secret, req.headers['x-policy-watch-signature'] as string | undefined);
      const event = JSON.parse(body) as { event: string; summary?: string; source: { id: string }; change?: { facts: never[] }; reason?: string };
      // The body's own summary line (what chat alerts show), as a receiver would print it.
      const what = event.summary
        ?? (event.change ? summarizeFactChanges(event.source.id, event.change.facts) : `${event.source.id}${event.reason ? `: ${event.reason}` : ''}`);
      lines.push(`${event.event}  ${what}  (signature ${signed ? 'valid' : 'INVALID'})`);
      res.writeHead(204).end();
    });
  });
  const url = `${await listen(server)}/hook`;
  return { url, secret, take: () => { const out = lines; lines = []; return out; }, close: () => close(server) };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
