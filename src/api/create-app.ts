import { Hono, type Context } from 'hono';
import type { Db } from '../store/open-database.js';
import type { Source } from '../domain/source.js';
import { listChanges } from '../store/query-changes.js';
import { listSources } from '../store/query-sources.js';
import { lastCheckAt, listFailingSourceIds, readMetricCounts } from '../store/query-metrics.js';
import { computeHealth, type HealthClock } from './compute-health.js';
import { ApiError } from './api-error.js';
import { requireSourceParam } from './query-params.js';
import { hasBearerToken } from './bearer-auth.js';
import { registerApiRoutes } from './api-routes.js';
import { registerWebRoutes } from './web-routes.js';
import { renderAtomFeed } from './render-atom-feed.js';
import { renderMetrics, type CycleStats } from './render-metrics.js';
import { errorPage } from './web-layout.js';

export interface AppOptions {
  /** Bearer token every route but /healthz requires; null or absent: no authentication. */
  token?: string | null;
  /** Absolute base URL for the feed's links (a function when known only after listening). Default http://127.0.0.1:8787. */
  publicUrl?: string | (() => string);
  /** The daemon's check cycles, for /metrics; absent or null under `serve`. */
  getCycleStats?: () => CycleStats | null;
  /**
   * What `/healthz` judges staleness from (the daemon's cycles, or `serve`'s reading of the last
   * checks); absent: never stale, and the last cycle is the latest check in the database.
   */
  getHealthClock?: () => HealthClock;
  /**
   * The configured sources: /api/sources then lists them as `sources --json` does (those not
   * checked yet too, and stored ones no longer configured as retired). Absent: the stored ones.
   */
  sources?: readonly Source[];
  /** Number of configured webhooks, shown in /metrics. */
  webhooks?: number;
  /** Told about unexpected errors (answered as 500 without details). */
  onError?: (error: unknown, request: { method: string; path: string }) => void;
}

const FEED_SIZE = 50;
const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // The pages have no scripts at all and only inline styles.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-cache',
};

/** The read-only HTTP app: JSON API, Atom feed, metrics and the web page. No route writes. */
export function createApp(db: Db, options: AppOptions = {}): Hono {
  const app = new Hono();
  const token = options.token ?? null;
  const publicUrl = () => {
    const url = typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl ?? 'http://127.0.0.1:8787';
    return url.replace(/\/+$/, '');
  };

  app.use('*', async (c, next) => {
    // Hono answers HEAD from the GET route, without the body.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.json({ error: `method ${c.req.method} not allowed: the policy-watch API is read-only` }, 405, { Allow: 'GET, HEAD' });
    }
    await next();
    // A route may set a stricter one (the raw snapshot's sandbox CSP): it is kept.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(name)) c.header(name, value);
  });

  // No token needed (load balancers, systemd watchdogs): it tells only freshness and failing ids.
  app.get('/healthz', (c) => {
    const clock = options.getHealthClock?.() ?? { lastCycleAt: lastCheckAt(db), startedAt: Date.now(), intervalMs: 0 };
    const health = computeHealth(clock, listFailingSourceIds(db), Date.now());
    return c.json(health, health.status === 'stale' ? 503 : 200);
  });

  app.use('*', async (c, next) => {
    if (token !== null && !hasBearerToken(c.req.header('Authorization'), token)) {
      return c.json({ error: 'missing or wrong bearer token: send Authorization: Bearer <api.token>' }, 401, {
        'WWW-Authenticate': 'Bearer realm="policy-watch"',
      });
    }
    await next();
  });

  registerApiRoutes(app, db, options.sources);
  registerWebRoutes(app, db);

  app.get('/feed.atom', (c) => {
    const source = c.req.query('source') || undefined;
    if (source !== undefined) requireSourceParam(db, source);
    const sourceNames = new Map(listSources(db).map((s) => [s.id, s.name ?? s.id]));
    const xml = renderAtomFeed({
      publicUrl: publicUrl(),
      sourceNames,
      selfPath: source === undefined ? '/feed.atom' : `/feed.atom?source=${encodeURIComponent(source)}`,
      changes: listChanges(db, { sourceId: source, limit: FEED_SIZE }),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/metrics', (c) => {
    const text = renderMetrics(readMetricCounts(db), { cycle: options.getCycleStats?.() ?? null, webhooks: options.webhooks });
    return c.body(text, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  app.notFound((c) => (isWebPath(c) ? c.html(errorPage(404, 'There is no page here.'), 404) : c.json({ error: 'not found' }, 404)));

  app.onError((error, c) => {
    const status = error instanceof ApiError ? error.status : 500;
    if (!(error instanceof ApiError)) options.onError?.(error, { method: c.req.method, path: c.req.path });
    const message = error instanceof ApiError ? error.message : 'internal error';
    const response = isWebPath(c) ? c.html(errorPage(status, message), status) : c.json({ error: message }, status);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
    return response;
  });

  return app;
}

function isWebPath(c: Context): boolean {
  const path = c.req.path;
  return path === '/' || path === '/facts' || path.startsWith('/changes/') || path.startsWith('/sources/') || path.startsWith('/snapshots/');
}
