/**
 * The rendered-pages figure of `npm run bench` (issue 20): 20 sources with `render: true` whose
 * policy text a script draws after load, checked through the real CLI in headless Chromium (a
 * baseline cycle, then an unchanged one), beside the same 20 pages served as plain HTML and
 * fetched. Peak memory is the whole process tree's (node and every Chromium process), sampled from
 * /proc every 50 ms: /usr/bin/time would report only the largest single process. The tree's sum is
 * of PSS (shared pages counted once, split among the processes sharing them): summing RSS would
 * count Chromium's shared libraries once per process.
 * Skipped with a note when no browser is found.
 */
import http from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policyPage } from './policy-page.js';
import { findBrowser } from '../src/crawl/find-browser.js';
import type { BenchRow } from './multi-host.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin/policy-watch.js');
const PAGES = 20;

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface TreeRun { code: number | null; stdout: string; ms: number; peakTreeRss: number; peakNodeRss: number }

export async function measureRendered(dir: string, log: (line: string) => void): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const browser = findBrowser();
  if (!browser.found) {
    const note = `rendered pages: skipped (${browser.reason})`;
    log(note);
    return { rows: [], notes: [note] };
  }
  // Each page: a shell whose script writes a ~40 KB policy into the page 100 ms after load.
  const pages = Array.from({ length: PAGES }, (_, n) => policyPage({ seed: 100 + n, sizeBytes: 40_000 }));
  const drawn = pages.map((html) => {
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy</title></head><body><div id="app"></div>
<script>setTimeout(function () { document.getElementById('app').innerHTML = ${JSON.stringify(body).replace(/</g, '\\u003c')}; }, 100);</script></body></html>`;
  });
  const server = http.createServer((req, res) => {
    const match = /^\/(app|plain)\/(\d+)$/.exec(req.url ?? '');
    const n = match ? Number(match[2]) : -1;
    if (!match || n >= PAGES) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<p>Not found</p>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(match[1] === 'app' ? drawn[n] : pages[n]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  try {
    const config = (name: string, render: boolean) => {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify({
        database: `${name}.db`,
        // One host: politeness opened up so that rendering itself is measured.
        fetch: { timeoutMs: 30_000, maxRetries: 0, maxConcurrency: 8, maxRequestsPerMinute: 100_000, perHost: { maxConcurrency: 8, delayMs: 0 } },
        browser: { executablePath: browser.executablePath },
        sources: Array.from({ length: PAGES }, (_, n) => ({
          id: `${name}-${n}`, url: `${base}/${render ? 'app' : 'plain'}/${n}`, kind: 'privacy-policy', language: 'en', ...(render ? { render: true } : {}),
        })),
      }, null, 2));
      return file;
    };
    const rendered = config('rendered', true);
    const plain = config('plain', false);
    log(`rendered pages: ${PAGES} script-drawn pages in ${browser.executablePath}`);
    for (const [label, file] of [['baseline', rendered], ['unchanged', rendered]] as const) {
      const run = await runTree(['check', '--config', file], dir);
      const ok = (run.stdout.match(/^(new|unchanged)\s/gm) ?? []).length;
      log(`rendered ${label} cycle: ${fmt(run.ms)}, ${ok}/${PAGES} read, peak memory ${mb(run.peakTreeRss)} PSS of the tree (node alone ${mb(run.peakNodeRss)} RSS)`);
      if (ok !== PAGES) notes.push(`rendered ${label} cycle read ${ok} of ${PAGES} pages: ${run.stdout.split('\n').filter((l) => /^error|^blocked/.test(l)).slice(0, 2).join(' / ')}`);
      const perS = PAGES / (run.ms / 1000);
      rows.push({ figure: `${label} cycle of ${PAGES} rendered pages (Chromium, CLI incl. process and browser start)`, measured: `${fmt(run.ms)} = ${perS.toFixed(1)} pages/s`, target: '(reference)', met: null });
      rows.push({ figure: `  peak memory: PSS of node + Chromium processes (node's own RSS)`, measured: `${mb(run.peakTreeRss)} (${mb(run.peakNodeRss)})`, target: '(reference)', met: null });
    }
    await runTree(['check', '--config', plain], dir);
    const fetched = await runTree(['check', '--config', plain], dir);
    rows.push({ figure: `  the same ${PAGES} pages as plain HTML, fetched (unchanged cycle)`, measured: `${fmt(fetched.ms)}, peak ${mb(fetched.peakTreeRss)}`, target: '(reference)', met: null });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
  return { rows, notes };
}

/** Runs the CLI and samples the RSS of its whole process tree from /proc. */
function runTree(args: string[], cwd: string): Promise<TreeRun> {
  return new Promise((done, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    let peakTreeRss = 0;
    let peakNodeRss = 0;
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    const timer = setInterval(() => {
      if (child.pid === undefined) return;
      const pids = tree(child.pid);
      peakNodeRss = Math.max(peakNodeRss, rssOf(child.pid));
      peakTreeRss = Math.max(peakTreeRss, pids.reduce((sum, pid) => sum + pssOf(pid), 0));
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      done({ code, stdout, ms: performance.now() - started, peakTreeRss, peakNodeRss });
    });
  });
}

/** `pid` and its descendants, from /proc/<pid>/task/<tid>/children. */
function tree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${all[i]}/task`)) {
        const children = readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim();
        if (children) all.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return all;
}

function pssOf(pid: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : rssOf(pid);
  } catch {
    return rssOf(pid);
  }
}

function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
