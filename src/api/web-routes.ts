import type { Hono } from 'hono';
import type { Db } from '../store/open-database.js';
import { listSources } from '../store/query-sources.js';
import { getChange, listChanges } from '../store/query-changes.js';
import { factsAt } from '../store/query-facts.js';
import { lastCheckProblems } from '../store/query-checks.js';
import { getSnapshot } from '../store/query-snapshots.js';
import { getSnapshotRaw, snapshotNeighbours } from '../store/query-snapshot-archive.js';
import { factTimeline } from '../store/query-fact-timeline.js';
import { countChecks, listChecks, problemDays } from '../store/query-check-history.js';
import { lastChangeTimes } from '../store/query-last-changes.js';
import { snapshotEvidence } from '../store/query-evidence.js';
import { factTimeline as exportTimeline } from '../store/query-timeline.js';
import { renderTimelineExport } from '../store/timeline-export.js';
import { ApiError } from './api-error.js';
import { decodeCursor, encodeCursor, parseIdParam, parseLimitParam, parseTimeParam, requireSourceParam } from './query-params.js';
import { renderFactsPage } from './web-facts-page.js';
import { readFactsFilters, sourcesMatching } from './facts-filters.js';
import { queryChangePage } from './change-query.js';
import { renderHome, sourceName } from './web-home.js';
import { renderChangePage } from './web-change.js';
import { renderSourcePage } from './web-source.js';
import { renderSnapshotPage } from './web-snapshot.js';

const FILTERS = ['source', 'fact', 'since', 'until'] as const;
const CHECKS_PER_PAGE = 50;
const RECENT_CHANGES = 10;

/**
 * Headers of the raw page: plain text that is never sniffed, rendered, framed or allowed to run
 * anything, even if a browser ignored the content type.
 */
export const RAW_SNAPSHOT_HEADERS: Record<string, string> = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Content-Disposition': 'inline',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The human pages: `/` (sources and timeline), `/changes/:id` (one change with its diffs),
 * `/sources/:id` (facts, fact timeline, checks, snapshots), `/snapshots/:id` (an archived copy),
 * `/facts` (every source side by side) and `/facts.csv` (the `export` CSV).
 */
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
      lastChanges: lastChangeTimes(db),
      changes: page.changes,
      evidence: snapshotEvidence(db, page.changes.flatMap((c) => [c.snapshots.before, c.snapshots.after])),
      olderQuery,
      filters,
    }));
  });

  app.get('/changes/:id', (c) => {
    const change = getChange(db, parseIdParam('change', c.req.param('id')));
    if (!change) throw new ApiError(404, `No change has the id ${c.req.param('id')}.`);
    const source = listSources(db).find((s) => s.id === change.sourceId);
    const [current] = factsAt(db, { sourceId: change.sourceId });
    const evidence = snapshotEvidence(db, [change.snapshots.before, change.snapshots.after]);
    return c.html(renderChangePage(change, sourceName(source, change.sourceId, current?.title), {
      before: change.snapshots.before === null ? {} : evidence.get(change.snapshots.before) ?? {},
      after: evidence.get(change.snapshots.after) ?? {},
    }));
  });

  // A discovered post's id has a `/` (`<blog id>/<slug>`): the id is the rest of the path.
  app.get('/sources/:id{.+}', (c) => {
    const id = c.req.param('id');
    const source = listSources(db).find((s) => s.id === id);
    if (!source) throw new ApiError(404, `No source has the id ${id}.`);
    const [current] = factsAt(db, { sourceId: id });
    const limit = parseLimitParam(c.req.query('limit') || undefined, { default: CHECKS_PER_PAGE, max: 500 });
    const cursor = c.req.query('cursor') || undefined;
    const before = cursor === undefined ? undefined : decodeCursor(cursor);
    const rows = listChecks(db, { sourceId: id, before: before && { at: before.detectedAt, id: before.id }, limit: limit + 1 });
    const checks = rows.slice(0, limit);
    const last = checks[checks.length - 1];
    let olderChecksQuery: string | null = null;
    if (rows.length > limit && last) {
      const query = new URLSearchParams();
      if (c.req.query('limit')) query.set('limit', String(limit));
      query.set('cursor', encodeCursor({ detectedAt: Date.parse(last.at), id: Number(last.id) }));
      olderChecksQuery = query.toString();
    }
    const recent = listChanges(db, { sourceId: id, limit: RECENT_CHANGES + 1 });
    return c.html(renderSourcePage({
      source,
      name: sourceName(source, id, current?.title),
      current: current ?? null,
      lastChangedAt: lastChangeTimes(db).get(id) ?? null,
      timeline: factTimeline(db, id),
      recentChanges: recent.slice(0, RECENT_CHANGES),
      moreChanges: recent.length > RECENT_CHANGES,
      checks,
      checkCounts: countChecks(db, id),
      problemDays: problemDays(db, id),
      olderChecksQuery,
      pagedChecks: cursor !== undefined,
    }));
  });

  app.get('/facts', (c) => {
    return c.html(renderFactsPage({
      sources: listSources(db),
      current: new Map(factsAt(db).map((f) => [f.sourceId, f])),
      filters: readFactsFilters((name) => c.req.query(name)),
    }));
  });

  // The facts timeline as `export --format csv` writes it to a file, with the same filters, and
  // the `/facts` page's (kind, service): the page's CSV link carries them, so it downloads what it shows.
  app.get('/facts.csv', (c) => {
    const source = c.req.query('source') || undefined;
    const since = c.req.query('since') || undefined;
    const until = c.req.query('until') || undefined;
    if (source !== undefined) requireSourceParam(db, source);
    let periods = exportTimeline(db, {
      sourceId: source,
      since: since === undefined ? undefined : parseTimeParam('since', since),
      until: until === undefined ? undefined : parseTimeParam('until', until, { endOfDay: true }),
    });
    const filters = readFactsFilters((name) => c.req.query(name));
    if (filters.kind || filters.service) {
      const current = new Map(factsAt(db).map((f) => [f.sourceId, f]));
      const shown = new Set(sourcesMatching(listSources(db), current, filters).map((s) => s.id));
      periods = periods.filter((p) => shown.has(p.sourceId));
    }
    return c.body(renderTimelineExport(periods, 'csv', { bom: true }), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="policy-watch-facts.csv"',
    });
  });

  app.get('/snapshots/:id', (c) => {
    const id = parseIdParam('snapshot', c.req.param('id'));
    const snapshot = getSnapshot(db, id);
    if (!snapshot) throw new ApiError(404, `No snapshot has the id ${c.req.param('id')}.`);
    const source = listSources(db).find((s) => s.id === snapshot.sourceId);
    return c.html(renderSnapshotPage({
      snapshot, name: sourceName(source, snapshot.sourceId, snapshot.title), ...snapshotNeighbours(db, id),
    }));
  });

  app.get('/snapshots/:id/raw', (c) => {
    const raw = getSnapshotRaw(db, parseIdParam('snapshot', c.req.param('id')));
    if (raw === null) throw new ApiError(404, `No snapshot has the id ${c.req.param('id')}.`);
    return c.body(raw, 200, RAW_SNAPSHOT_HEADERS);
  });
}
