import type { Hono } from 'hono';
import type { Db } from '../store/open-database.js';
import type { Source } from '../domain/source.js';
import { listSources } from '../store/query-sources.js';
import { listAllSources } from '../store/list-all-sources.js';
import { getChange } from '../store/query-changes.js';
import { factsAt } from '../store/query-facts.js';
import { getSnapshot } from '../store/query-snapshots.js';
import { ApiError } from './api-error.js';
import { parseIdParam, parseTimeParam, requireSourceParam } from './query-params.js';
import { queryChangePage } from './change-query.js';

/** The JSON API under /api (CONTRACT.md "HTTP API"). */
export function registerApiRoutes(app: Hono, db: Db, configured?: readonly Source[]): void {
  app.get('/api/sources', (c) => c.json(configured ? listAllSources(db, { sources: configured }) : listSources(db)));

  // { changes: ChangeRecord[], nextCursor: string | null }, newest first.
  app.get('/api/changes', (c) => c.json(queryChangePage(db, (name) => c.req.query(name))));

  app.get('/api/changes/:id', (c) => {
    const change = getChange(db, parseIdParam('change', c.req.param('id')));
    if (!change) throw new ApiError(404, `no change has the id ${c.req.param('id')}`);
    return c.json(change);
  });

  // An array of Facts documents with sourceId, snapshotId and recordedAt, as `facts --json`.
  app.get('/api/facts', (c) => {
    const source = c.req.query('source') || undefined;
    const at = c.req.query('at') || undefined;
    if (source !== undefined) requireSourceParam(db, source);
    return c.json(factsAt(db, { sourceId: source, at: at === undefined ? undefined : parseTimeParam('at', at, { endOfDay: true }) }));
  });

  app.get('/api/snapshots/:id', (c) => {
    const snapshot = getSnapshot(db, parseIdParam('snapshot', c.req.param('id')));
    if (!snapshot) throw new ApiError(404, `no snapshot has the id ${c.req.param('id')}`);
    return c.json(snapshot);
  });
}
