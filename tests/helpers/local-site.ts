import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a path answers: a page, or a scripted misbehaviour. */
export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Full control, for faults (resets, slow bodies, redirects). */
  handle?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export interface LocalSite {
  url: string;
  /** `site.at('/legal/privacy-policy')` → absolute URL. */
  at(path: string): string;
  set(path: string, route: Route | string): void;
  /** Requests received, by path. */
  hits: Map<string, number>;
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1, port 0, serving pages the test sets and changes. */
export async function startLocalSite(routes: Record<string, Route | string> = {}): Promise<LocalSite> {
  const table = new Map<string, Route>();
  const hits = new Map<string, number>();
  const requests: LocalSite['requests'] = [];
  const set = (path: string, route: Route | string) => table.set(path, typeof route === 'string' ? { body: route } : route);
  for (const [path, route] of Object.entries(routes)) set(path, route);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    requests.push({ path, headers: req.headers });
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Not found</h1></body></html>');
      return;
    }
    if (route.handle) return route.handle(req, res);
    res.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers });
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    at: (path) => `${url}${path}`,
    set,
    hits,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
