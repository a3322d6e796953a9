import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a host saw it: when it arrived and when its answer was sent. */
export interface HostHit {
  host: string;
  path: string;
  start: number;
  end: number;
}

export interface LoopbackHost {
  /** The address it listens on, e.g. `127.0.0.2` (the URL's hostname). */
  address: string;
  at(path: string): string;
  hits: HostHit[];
}

export interface LoopbackHosts {
  hosts: LoopbackHost[];
  /** Every request, in arrival order. */
  hits: HostHit[];
  close(): Promise<void>;
}

/** What a host answers: a status, headers and body, after `delayMs`. */
export interface HostAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

/**
 * Local HTTP servers on several loopback addresses (Linux routes all of 127/8 to lo), port 0, so a
 * crawl sees several hosts. `answer` decides each reply; every request is logged with its times.
 */
export async function startLoopbackHosts(addresses: string[], answer: (host: string, path: string, nth: number) => HostAnswer): Promise<LoopbackHosts> {
  const all: HostHit[] = [];
  const servers: http.Server[] = [];
  const hosts: LoopbackHost[] = [];
  for (const address of addresses) {
    const hits: HostHit[] = [];
    const server = http.createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const hit: HostHit = { host: address, path, start: Date.now(), end: NaN };
      hits.push(hit);
      all.push(hit);
      const reply = answer(address, path, hits.length);
      setTimeout(() => {
        hit.end = Date.now();
        res.writeHead(reply.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...reply.headers });
        res.end(reply.body ?? '');
      }, reply.delayMs ?? 0);
    });
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    const { port } = server.address() as AddressInfo;
    servers.push(server);
    hosts.push({ address, at: (path) => `http://${address}:${port}${path}`, hits });
  }
  return {
    hosts,
    hits: all,
    close: async () => {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })));
    },
  };
}

/** The most requests one host had open at once. */
export function maxInFlight(hits: readonly HostHit[]): number {
  const events = hits.flatMap((h) => [[h.start, 1], [h.end, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, step] of events) {
    open += step;
    most = Math.max(most, open);
  }
  return most;
}

/** The shortest time between two starts on one host (Infinity for fewer than two). */
export function minStartSpacing(hits: readonly HostHit[]): number {
  const starts = hits.map((h) => h.start).sort((a, b) => a - b);
  let least = Infinity;
  for (let i = 1; i < starts.length; i++) least = Math.min(least, starts[i]! - starts[i - 1]!);
  return least;
}
