import type { Hono } from 'hono';
import type { Db } from '../store/open-database.js';
import { listSources } from '../store/query-sources.js';
import { getChange } from '../store/query-changes.js';
import { factsAt } from '../store/query-facts.js';
import { lastCheckProblems } from '../store/query-checks.js';
import { ApiError } from './api-error.js';
import { parseIdParam } from './query-params.js';
import { queryChangePage } from './change-query.js';
import { renderHome, sourceName } from './web-home.js';
import { renderChangePage } from './web-change.js';

const FILTERS = ['source', 'fact', 'since', 'until'] as const;

/** The human pages: `/` (sources and timeline) and `/changes/:id` (one change with its diffs). */
export function registerWebRoutes(app: Hono, db: Db): void {
  app.get('/', (c) => {
    const sources = listSources(db);
    const page = queryChangePage(db, (name) => c.req.query(name));
    const filters = Object.fromEntries(FILTERS.map((name) => [name, c.req.query(name) || undefined]));
    let olderQuery: string | null = null;
    if (page.nextCursor) {
      const query = new URLSearchParams();
      for (const name of [...FILTERS, 'limit'] as const) {
        const value = c.req.query(name);
        if (value) query.set(name, value);
      }
      query.set('cursor', page.nextCursor);
      olderQuery = query.toString();
    }
    return c.html(renderHome({
      sources,
      currentFacts: new Map(factsAt(db).map((f) => [f.sourceId, f])),
      problems: lastCheckProblems(db),
      changes: page.changes,
      olderQuery,
      filters,
    }));
  });

  app.get('/changes/:id', (c) => {
    const change = getChange(db, parseIdParam('change', c.req.param('id')));
    if (!change) throw new ApiError(404, `No change has the id ${c.req.param('id')}.`);
    const source = listSources(db).find((s) => s.id === change.sourceId);
    const [current] = factsAt(db, { sourceId: change.sourceId });
    return c.html(renderChangePage(change, sourceName(source, change.sourceId, current?.title)));
  });
}
