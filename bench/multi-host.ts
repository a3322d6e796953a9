/**
 * The multi-host scenario of `npm run bench` (issue 15): 500 sources on 50 loopback hosts
 * (127.0.0.2–127.0.0.51, 10 pages each, listed host by host), every answer 80–250 ms late (seeded).
 * After one baseline cycle, it times an unchanged `check` through the real CLI with the default
 * fetch options and with tuned ones, and from the hosts' request log computes the polite limit:
 * a lower bound on any crawler that keeps at most perHost.maxConcurrency (1) in flight per host,
 * `maxConcurrency` overall and the per-host delay:
 *   max( max over hosts of (sum of its latencies + (requests - 1) × delay), sum of all latencies / maxConcurrency ).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from './run-process.js';
import type { Hit } from './serve-hosts.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin/policy-watch.js');
const HOSTS = 50;
const PER_HOST = 10;
const TUNED = { maxConcurrency: 16, perHost: { maxConcurrency: 1, delayMs: 0 } };

export interface BenchRow { figure: string; measured: string; target: string; met: boolean | null }

interface Scenario { name: string; fetch: Record<string, unknown> | undefined; maxConcurrency: number; perHostMax: number; delayMs: number }

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

export async function measureMultiHost(dir: string, log: (line: string) => void): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  log(`multi-host: starting ${HOSTS} hosts on 127.0.0.2–127.0.0.${HOSTS + 1}, ${PER_HOST} pages each, 80–250 ms per answer`);
  const { child, urls } = await startHosts();
  try {
    const sources = urls.flatMap((url, h) => Array.from({ length: PER_HOST }, (_, n) => ({
      id: `host-${String(h).padStart(2, '0')}-${n}`, url: `${url}/p/${n}`, kind: 'privacy-policy', language: 'en',
    })));
    const config = (name: string, fetch: Record<string, unknown> | undefined) => {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify({ database: 'multi-host.db', ...(fetch ? { fetch } : {}), sources, api: { host: '127.0.0.1', port: 0 } }, null, 2));
      return file;
    };
    log('multi-host: baseline cycle (tuned options; parses every page)');
    const baseline = await runProcess('node', [CLI, 'check', '--config', config('baseline', TUNED)]);
    if (baseline.code !== 0) throw new Error(`multi-host baseline exited with ${baseline.code}: ${baseline.stderr.slice(0, 500)}`);
    notes.push(`multi-host baseline cycle (500 new pages, parsed, tuned options): ${fmt(baseline.ms)}`);

    const scenarios: Scenario[] = [
      { name: 'default options', fetch: undefined, maxConcurrency: 16, perHostMax: 1, delayMs: 1000 },
      { name: 'tuned options (maxConcurrency 16, perHost.delayMs 0)', fetch: TUNED, maxConcurrency: 16, perHostMax: 1, delayMs: 0 },
    ];
    for (const scenario of scenarios) {
      await send(child, { type: 'reset' });
      const file = config(scenario.name.startsWith('default') ? 'default' : 'tuned', scenario.fetch);
      const run = await runProcess('node', [CLI, 'check', '--config', file]);
      const hits = await hitsOf(child);
      const unchanged = run.stdout.split('\n').filter((line) => line.startsWith('unchanged')).length;
      if (run.code !== 0 || unchanged !== sources.length) log(`multi-host ${scenario.name}: exit ${run.code}, ${unchanged} unchanged ${run.stderr.slice(0, 300)}`);
      const figures = analyse(hits, scenario);
      log(`multi-host ${scenario.name}: process ${fmt(run.ms)}, crawl span ${fmt(figures.spanMs)}, polite limit ${fmt(figures.politeMs)}, ${hits.length} requests, max in flight ${figures.maxInFlight} overall / ${figures.maxPerHost} per host, min spacing ${fmt(figures.minSpacing)}`);
      const isDefault = scenario.fetch === undefined;
      rows.push(isDefault
        ? { figure: `multi-host, ${HOSTS} hosts × ${PER_HOST}, 80–250 ms: unchanged cycle, default options, CLI incl. process start`, measured: fmt(run.ms), target: '< 2 min', met: run.ms < 120_000 }
        : { figure: `multi-host, tuned: crawl span (first request to last answer) / polite limit (${fmt(figures.politeMs)})`, measured: `${fmt(figures.spanMs)} = ${(figures.spanMs / figures.politeMs).toFixed(2)}x`, target: '≤ 1.3x', met: figures.spanMs <= 1.3 * figures.politeMs });
      rows.push({ figure: `multi-host, ${isDefault ? 'default' : 'tuned'}: most requests in flight on one host`, measured: String(figures.maxPerHost), target: `≤ ${scenario.perHostMax} (perHost.maxConcurrency)`, met: figures.maxPerHost <= scenario.perHostMax });
      rows.push({ figure: `multi-host, ${isDefault ? 'default' : 'tuned'}: least time between two starts on one host`, measured: fmt(figures.minSpacing), target: `≥ ${scenario.delayMs} ms (perHost.delayMs)`, met: figures.minSpacing >= scenario.delayMs });
      notes.push(`multi-host ${scenario.name}: CLI ${fmt(run.ms)} incl. process start, crawl span ${fmt(figures.spanMs)}, polite limit ${fmt(figures.politeMs)} (${(figures.spanMs / figures.politeMs).toFixed(2)}x), most in flight at once ${figures.maxInFlight}`);
    }
  } finally {
    child.kill('SIGTERM');
  }
  return { rows, notes };
}

function analyse(hits: Hit[], scenario: Scenario) {
  const byHost = new Map<string, Hit[]>();
  for (const hit of hits) byHost.set(hit.host, [...(byHost.get(hit.host) ?? []), hit]);
  let perHostBound = 0;
  let maxPerHost = 0;
  let minSpacing = Infinity;
  let totalLatency = 0;
  for (const list of byHost.values()) {
    const latency = list.reduce((sum, h) => sum + (h.end - h.start), 0);
    totalLatency += latency;
    perHostBound = Math.max(perHostBound, latency + (list.length - 1) * scenario.delayMs);
    maxPerHost = Math.max(maxPerHost, maxInFlight(list));
    const starts = list.map((h) => h.start).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) minSpacing = Math.min(minSpacing, starts[i]! - starts[i - 1]!);
  }
  const politeMs = Math.max(perHostBound, totalLatency / scenario.maxConcurrency);
  const spanMs = Math.max(...hits.map((h) => h.end)) - Math.min(...hits.map((h) => h.start));
  return { politeMs, spanMs, maxPerHost, minSpacing, maxInFlight: maxInFlight(hits) };
}

function maxInFlight(hits: Hit[]): number {
  const events = hits.flatMap((h) => [[h.start, 1], [h.end, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, step] of events) {
    open += step;
    most = Math.max(most, open);
  }
  return most;
}

function startHosts(): Promise<{ child: ChildProcess; urls: string[] }> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(ROOT, 'bench/serve-hosts.ts'), [String(HOSTS), String(PER_HOST)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolvePromise({ child, urls: (message as { urls: string[] }).urls }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the multi-host sites exited with ${code}`)));
  });
}

function send(child: ChildProcess, message: { type: string }): Promise<void> {
  return new Promise((resolvePromise) => child.send(message, () => resolvePromise()));
}

function hitsOf(child: ChildProcess): Promise<Hit[]> {
  return new Promise((resolvePromise) => {
    const onMessage = (message: unknown) => {
      const m = message as { type: string; hits: Hit[] };
      if (m.type !== 'log') return;
      child.off('message', onMessage);
      resolvePromise(m.hits);
    };
    child.on('message', onMessage);
    child.send({ type: 'log' });
  });
}
