import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { BIN, runCli } from '../helpers/run-cli.js';

describe('policy-watch run, the daemon', () => {
  let site: LocalSite;
  let dir: TempDir;
  let daemon: ChildProcess;
  let output = '';

  beforeAll(async () => {
    site = await startLocalSite({ '/legal/privacy-policy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage()); } } });
    dir = tempDir();
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      schedule: '*/2 * * * * *', // every two seconds
      fetch: { timeoutMs: 5000, maxRetries: 0, maxRequestsPerMinute: 10000, perHost: { maxConcurrency: 4, delayMs: 0 } },
      api: { port: 0 },
      sources: [{ id: 'privacy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' }],
    }));
    daemon = spawn(process.execPath, [BIN, 'run'], { cwd: dir.path, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '' } });
    daemon.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
    daemon.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  });
  afterAll(async () => {
    if (daemon.exitCode === null) daemon.kill('SIGKILL');
    await site.close();
    dir.remove();
  });

  const checksRecorded = () => {
    if (!existsSync(dir.file('watch.db'))) return 0;
    const db = new Database(dir.file('watch.db'), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM checks').get() as { n: number }).n;
    } catch {
      return 0;
    } finally {
      db.close();
    }
  };

  it('checks on its schedule and logs one JSON line per event', async () => {
    const deadline = Date.now() + 30_000;
    while (checksRecorded() < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(checksRecorded()).toBeGreaterThanOrEqual(2);
    const lines = output.trim().split('\n').map((line) => JSON.parse(line) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['daemon started', 'cycle start', 'source checked', 'cycle end']));
  });

  it('logs when the next check is due, at start and after each cycle', () => {
    const lines = output.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; nextCheckAt?: string });
    for (const msg of ['daemon started', 'cycle end']) {
      const line = lines.find((l) => l.msg === msg);
      expect(Date.parse(line?.nextCheckAt ?? '')).toBeGreaterThan(Date.now() - 10_000);
    }
  });

  it('answers /healthz ok with the end of its last cycle', async () => {
    const api = (output.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; url?: string })).find((l) => l.msg === 'api listening');
    const response = await fetch(`${api?.url}/healthz`);
    const body = await response.json() as { status: string; lastCycleAt: string | null; failing: string[] };
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', failing: [] });
    expect(Date.parse(body.lastCycleAt ?? '')).toBeGreaterThan(Date.now() - 30_000);
  });

  it('refuses a second daemon on the same database, naming the process that holds it', async () => {
    const second = await runCli(['run'], { cwd: dir.path, timeoutMs: 20_000 });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`pid ${daemon.pid}`);
  });

  it('stops cleanly on SIGTERM with exit code 0 and releases its lock', async () => {
    const exited = new Promise<number | null>((resolve) => daemon.on('exit', (code) => resolve(code)));
    daemon.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(dir.file('watch.db.lock'))).toBe(false);
    const db = new Database(dir.file('watch.db'), { readonly: true });
    expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    db.close();
  });
});

describe('a second signal while the daemon finishes its cycle', () => {
  let site: LocalSite;
  let dir: TempDir;
  const children: ChildProcess[] = [];
  let asked = 0;

  beforeAll(async () => {
    // A page that never answers keeps the first cycle in flight, so the first signal waits for it.
    site = await startLocalSite({ '/slow': { handle: () => { asked += 1; } } });
    dir = tempDir();
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      schedule: '0 0 1 1 *',
      fetch: { timeoutMs: 60_000, maxRetries: 0, maxRequestsPerMinute: 10000 },
      sources: [{ id: 'slow', url: site.at('/slow'), kind: 'privacy-policy' }],
    }));
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await site.close();
    dir.remove();
  });

  const exitOnSecond = async (signal: NodeJS.Signals) => {
    const child = spawn(process.execPath, [BIN, 'run', '--check-now', '--no-api', '--db', `${signal}.db`], { cwd: dir.path, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '' } });
    children.push(child);
    let log = '';
    child.stdout!.on('data', (d: Buffer) => { log += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (text: string) => {
      const deadline = Date.now() + 20_000;
      while (!log.includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(log).toContain(text);
    };
    const askedBefore = asked;
    await waitFor('"cycle start"');
    // The request must be in flight: a stop before it starts has nothing to wait for and exits 0 at once.
    const deadline = Date.now() + 20_000;
    while (asked === askedBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill(signal);
    await waitFor('"stopping"');
    child.kill(signal);
    return exited;
  };

  it('exits 143 on a second SIGTERM', async () => {
    expect(await exitOnSecond('SIGTERM')).toBe(143);
  });

  it('exits 130 on a second SIGINT', async () => {
    expect(await exitOnSecond('SIGINT')).toBe(130);
  });
});
