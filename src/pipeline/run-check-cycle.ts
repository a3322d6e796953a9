import type { Db } from '../store/open-database.js';
import type { Config } from '../domain/config.js';
import type { Source } from '../domain/source.js';
import { PolicyWatchError, UsageError } from '../domain/errors.js';
import { fetchPages, type CrawlOptions, type FetchRequest, type FetchedPage } from '../crawl/fetch-pages.js';
import { getSourceRows, syncSources, listSourceRows, insertDiscoveredSource } from '../store/source-rows.js';
import { recordFetch, type SourceCheckResult } from './record-fetch.js';
import { activeHostBackoffs, saveHostBackoffs } from '../store/query-host-backoffs.js';
import { reextractSnapshots, type ReextractResult } from './reextract-snapshots.js';

export interface CheckCycleOptions {
  db: Db;
  config: Config;
  /** Only these sources (`check --source`); default all, with the blog posts discovered so far. */
  sourceIds?: readonly string[];
  now?: () => number;
  /** Called as each source's check is recorded, for progress and logs. */
  onResult?: (result: SourceCheckResult) => void;
  /** The extractor version snapshots record; default EXTRACTOR_VERSION (tests simulate upgrades with it). */
  extractorVersion?: number;
  /** Called once the current snapshots read by an older extractor have been re-read, before fetching. */
  onReextract?: (result: ReextractResult) => void;
  /** Called when a blog index adds posts or hits its cap. */
  onDiscovery?: (event: { blogId: string; added: string[]; capped: number; baseline: boolean }) => void;
  /** Aborted: no new request is asked; those in flight end and are recorded (see CrawlSignals). */
  signal?: AbortSignal;
  /** Aborted: requests in flight are abandoned too; what was already read stays recorded. */
  killSignal?: AbortSignal;
}

export interface CycleResult {
  startedAt: number;
  durationMs: number;
  results: SourceCheckResult[];
  /** The re-reading of snapshots by an older extractor at the cycle's start. */
  reextracted: ReextractResult;
  /** The cycle was stopped (or killed) before every source was read. */
  stopped: boolean;
  /** Sources not checked because the cycle was stopped first: nothing recorded for them. */
  notChecked: string[];
}

const DEFAULT_MAX_NEW_POSTS = 20;
const DEFAULT_MAX_PAGES = 3;

/** One check cycle: fetch every selected source, record each check, snapshot and change. */
export async function runCheckCycle(options: CheckCycleOptions): Promise<CycleResult> {
  const { db, config } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  syncSources(db, config.sources, startedAt);
  const selected = selectSources(db, config, options.sourceIds);
  const { extractorVersion } = options;
  // An upgraded extractor first re-reads what it will diff against, so a change diffs like with like.
  const reextracted = await reextractSnapshots({
    db, sources: selected, sourceIds: selected.map((s) => s.id), staleOnly: true, extractorVersion, now, timezone: config.timezone,
  });
  if (reextracted.read > 0) options.onReextract?.(reextracted);
  const byId = new Map(selected.map((source) => [source.id, source]));
  const rows = getSourceRows(db, [...byId.keys()]);
  const requests: FetchRequest[] = selected.map((source) => {
    const row = rows.get(source.id);
    // Conditional headers only where a snapshot exists to stand for a 304.
    const conditional = row?.currentSnapshotId != null;
    return { key: source.id, url: source.url, etag: conditional ? row?.etag : null, lastModified: conditional ? row?.lastModified : null };
  });
  /** Index pages beyond the first: key -> the blog and the page number. */
  const indexPages = new Map<string, { blog: Source; page: number; baseline: boolean }>();
  const added = new Map<string, number>();
  const results: SourceCheckResult[] = [];
  let fatal: unknown = null;

  const discover = async (blog: Source, page: FetchedPage, pageNumber: number, baseline: boolean, enqueue: (r: FetchRequest[]) => Promise<void>) => {
    if (page.outcome !== 'ok' || !page.body) return;
    // Loaded on first use, like the extractor: it brings cheerio, and most cycles have no blog.
    const { discoverLinks, postSourceId } = await import('../crawl/discover-links.js');
    const links = discoverLinks(page.body, page.finalUrl, blog.follow ?? []);
    const cap = blog.maxNewPosts ?? DEFAULT_MAX_NEW_POSTS;
    const fresh: FetchRequest[] = [];
    let capped = 0;
    for (const url of links.posts) {
      const id = postSourceId(blog.id, url);
      if (byId.has(id)) continue;
      const known = getSourceRows(db, [id]).get(id);
      if (!known) {
        if ((added.get(blog.id) ?? 0) >= cap) {
          capped++;
          continue;
        }
        insertDiscoveredSource(db, { id, url, kind: 'blog-post', parentId: blog.id }, now(), !baseline);
        added.set(blog.id, (added.get(blog.id) ?? 0) + 1);
      }
      const post: Source = { id, url: known?.url ?? url, kind: 'blog-post', parentId: blog.id, language: blog.language, select: undefined, render: blog.render };
      byId.set(id, post);
      fresh.push({ key: id, url: post.url });
    }
    if (fresh.length > 0 || capped > 0) options.onDiscovery?.({ blogId: blog.id, added: fresh.map((r) => r.key), capped, baseline });
    if (links.next && pageNumber < (blog.maxPages ?? DEFAULT_MAX_PAGES)) {
      const key = `${blog.id}#page-${pageNumber + 1}`;
      if (!indexPages.has(key)) {
        indexPages.set(key, { blog, page: pageNumber + 1, baseline });
        fresh.push({ key, url: links.next });
      }
    }
    if (fresh.length > 0) await enqueue(fresh);
  };

  // A host that asked an earlier cycle to wait is not asked until then (its checks are `blocked`).
  // Real time, not `now`: a Retry-After is about the server's clock, whatever the cycle's clock says.
  const pausedHosts = activeHostBackoffs(db, Date.now());
  const fetchOptions: CrawlOptions = {
    ...config.fetch,
    userAgent: config.userAgent,
    pausedHosts,
    signal: options.signal,
    killSignal: options.killSignal,
    // Kept the moment it is seen: a crash later in the cycle must not lose the pause.
    onBackoff: (backoff) => {
      if (fatal) return;
      try {
        saveHostBackoffs(db, [backoff], Date.now());
      } catch (storeError) {
        fatal = storeError;
      }
    },
    onPage: async (page, crawl) => {
      const index = indexPages.get(page.key);
      if (index) return discover(index.blog, page, index.page, index.baseline, crawl.enqueue);
      const source = byId.get(page.key);
      if (!source || fatal) return;
      let result: SourceCheckResult;
      try {
        // A page that breaks the extractor is recorded as an error check by recordFetch itself.
        result = await recordFetch({ db, config, now, extractorVersion }, source, page);
      } catch (storeError) {
        // The database cannot be written (disk full, read-only): end the cycle with its cause. Not
        // an error check of the page: retrying as one could succeed, blame the site and alert.
        fatal = storeError;
        return;
      }
      results.push(result);
      options.onResult?.(result);
      // Links are read only from an index that was read (an error page's links are not posts), and
      // its first successful read is the baseline of its posts: they are tracked, not announced.
      const read = result.status === 'new' || result.status === 'changed' || result.status === 'unchanged';
      if (source.kind === 'blog' && read) await discover(source, page, 1, result.status === 'new', crawl.enqueue);
    },
  };
  // Sources whose text scripts draw (`render`) go through the browser after the others: one crawl
  // at a time keeps a host's politeness across both, and the browser starts only when asked for.
  const rendered = requests.filter((request) => byId.get(request.key)?.render === true);
  const crawl = await fetchPages(requests.filter((request) => byId.get(request.key)?.render !== true), fetchOptions);
  if (rendered.length > 0 && !fatal) {
    if (crawl.stopped || options.signal?.aborted || options.killSignal?.aborted) {
      // Stopped before the browser was asked for: no browser starts, these sources are not checked.
      crawl.stopped = true;
      crawl.notAsked.push(...rendered.map((r) => r.key));
    } else {
      // Loaded on first use: Playwright and crawlee's browser pool are slow to import.
      const { renderPages } = await import('../crawl/render-pages.js');
      // Same signals and onBackoff (each pause stored once, as it comes); hosts paused by the fetched
      // crawl are paused here too, so they are neither asked nor stored again.
      const more = await renderPages(rendered.map((r) => ({ key: r.key, url: r.url, select: byId.get(r.key)?.select })), {
        ...fetchOptions, browser: config.browser, pausedHosts: [...pausedHosts, ...crawl.backoffs],
      });
      crawl.backoffs.push(...more.backoffs);
      crawl.notAsked.push(...more.notAsked);
      crawl.stopped ||= more.stopped;
    }
  }
  if (!fatal) {
    try {
      // Pauses were saved as they came; this forgets the ones that have ended.
      if (pausedHosts.length > 0) saveHostBackoffs(db, [], Date.now());
    } catch (storeError) {
      fatal = storeError;
    }
  }
  if (fatal) {
    throw new PolicyWatchError('store', `cannot record checks in ${config.database}: ${(fatal as Error).message}`, { cause: fatal });
  }
  const notChecked = crawl.notAsked.filter((key) => byId.has(key));
  return { startedAt, durationMs: now() - startedAt, results, reextracted, stopped: crawl.stopped, notChecked };
}

/** Configured sources plus discovered posts still in the database; `ids` narrows and must all exist. */
export function selectSources(db: Db, config: Config, ids?: readonly string[]): Source[] {
  const all = new Map<string, Source>(config.sources.map((source) => [source.id, source]));
  const stored = new Set<string>();
  for (const row of listSourceRows(db)) {
    stored.add(row.id);
    if (row.origin === 'discovered' && row.parentId && all.has(row.parentId) && !all.has(row.id)) {
      all.set(row.id, { id: row.id, url: row.url, kind: row.kind as Source['kind'], name: row.name ?? undefined, parentId: row.parentId, language: all.get(row.parentId)?.language, render: all.get(row.parentId)?.render });
    }
  }
  if (!ids || ids.length === 0) return [...all.values()];
  return ids.map((id) => {
    const source = all.get(id);
    if (!source && stored.has(id)) {
      throw new UsageError(`source "${id}" is retired (no longer in the config or its packs): add it back to check it; its history is kept`);
    }
    if (!source) throw new UsageError(`unknown source "${id}": run \`policy-watch sources\` to list them`);
    return source;
  });
}
