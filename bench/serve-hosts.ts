/**
 * The multi-host bench's sites, run in a child process (`fork`): one HTTP server per loopback
 * address 127.0.0.2 … 127.0.0.(1+hosts) (Linux routes all of 127/8 to lo), each serving
 * `/p/<n>` for n in [0, perHost) after a latency of 80–250 ms drawn from a seeded PRNG (the same
 * draws on every run). Every request is logged (host, start, end); the parent asks for the log
 * over IPC (`{ type: 'log' }` → `{ type: 'log', hits }`) and clears it (`{ type: 'reset' }`).
 *
 * argv: <hosts> <pages per host>
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fillNoise, policyTemplate, prng } from './policy-page.js';

export interface Hit { host: string; start: number; end: number }

const hostCount = Number(process.argv[2] ?? 50);
const perHost = Number(process.argv[3] ?? 10);
const MIN_LATENCY_MS = 80;
const MAX_LATENCY_MS = 250;
// Smaller pages than the main bench: this scenario measures waiting on hosts, not reading bytes.
const templates = Array.from({ length: perHost }, (_, n) => policyTemplate({ seed: 1000 + n, sizeBytes: 24_000 }));
let hits: Hit[] = [];

async function serve(index: number): Promise<string> {
  const address = `127.0.0.${index + 2}`;
  const latency = prng(7919 * (index + 1));
  const server = http.createServer((req, res) => {
    const match = /^\/p\/(\d+)$/.exec(req.url ?? '');
    const template = match ? templates[Number(match[1])] : undefined;
    const hit: Hit = { host: address, start: Date.now(), end: NaN };
    if (template) hits.push(hit);
    const wait = MIN_LATENCY_MS + latency() * (MAX_LATENCY_MS - MIN_LATENCY_MS);
    setTimeout(() => {
      hit.end = Date.now();
      if (!template) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body><h1>Not found</h1></body></html>');
        return;
      }
      const body = fillNoise(template);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }, wait);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, resolve);
  });
  return `http://${address}:${(server.address() as AddressInfo).port}`;
}

const urls = await Promise.all(Array.from({ length: hostCount }, (_, i) => serve(i)));
process.on('message', (message: { type: string }) => {
  if (message.type === 'log') process.send?.({ type: 'log', hits });
  if (message.type === 'reset') hits = [];
});
if (process.send) process.send({ type: 'ready', urls });
else console.log(urls.join('\n'));
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
