/**
 * The bench's local site, run in a child process (`fork`) so serving does not share the measured
 * process's event loop. Serves `/p/<n>` for n in [0, count): source n's policy page, with fresh
 * per-load noise on every request and no ETag, like LinkedIn. Tells the parent its URL over IPC
 * (or prints it when run by hand: `npx tsx bench/serve-pages.ts 500`).
 *
 * argv: <count>
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fillNoise, pageSize, policyTemplate } from './policy-page.js';

const count = Number(process.argv[2] ?? 500);
const templates = Array.from({ length: count }, (_, n) => policyTemplate({ seed: n + 1, sizeBytes: pageSize(n) }));

const server = http.createServer((req, res) => {
  const match = /^\/p\/(\d+)$/.exec(req.url ?? '');
  const template = match ? templates[Number(match[1])] : undefined;
  if (!template) {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<html><body><h1>Not found</h1></body></html>');
    return;
  }
  const body = fillNoise(template);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 30_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const ready = { url: `http://127.0.0.1:${port}`, bytes: templates.reduce((sum, t) => sum + t.length, 0) };
  // Forked by the bench: tell it over IPC; run by hand: print the URL.
  if (process.send) process.send(ready);
  else console.log(ready.url);
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
