import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { tempDir, writeConfig, FAST_FETCH, type TempDir } from '../helpers/test-config.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import { drainOutbox } from '../../src/notify/outbox.js';
import { listSources } from '../../src/store/query-sources.js';
import type { Config } from '../../src/domain/config.js';
import { formatResult } from '../../src/cli/check-verb.js';

const BLOG = '/journal';

/** A blog index that is only a heading and links: very little text. */
const shortIndex = (slugs: string[]) => `<!DOCTYPE html><html lang="en"><head><title>Journal</title></head><body>
  <nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>
  <h1>Journal</h1><ul>${slugs.map((s) => `<li><a href="${BLOG}/${s}">${s.replace(/-/g, ' ')}</a></li>`).join('')}</ul>
  <footer>© 2026 Quillpost</footer></body></html>`;

/** A blog index that is only a list of links: no heading, no text around it. */
const linksOnlyIndex = (slugs: string[]) => `<!DOCTYPE html><html lang="en"><head><title>Journal</title></head><body>
  <nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>
  <main><ul>${slugs.map((s) => `<li><a href="${BLOG}/${s}">${s.replace(/-/g, ' ')}</a></li>`).join('')}</ul></main>
  <footer>© 2026 Quillpost</footer></body></html>`;

/** An error page in the blog's frame: it links to posts too ("popular posts"). */
const errorIndex = (slugs: string[]) => `<!DOCTYPE html><html lang="en"><head><title>Something went wrong | Quillpost</title></head><body>
  <h1>Something went wrong</h1><p>Try one of our popular posts:</p><ul>${slugs.map((s) => `<li><a href="${BLOG}/${s}">${s}</a></li>`).join('')}</ul></body></html>`;

const post = (title: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main><article>
  <h1>${title}</h1><p>Published <time datetime="2026-02-10">February 10, 2026</time></p><p>${title}: what changed for writers on Quillpost this month, and why we made the change.</p></article></main></body></html>`;

describe('a blog index that is a short list of links', () => {
  let site: LocalSite;
  let receiver: Receiver;
  let dir: TempDir;
  let config: Config;
  let db: Db;
  let index = '';

  beforeEach(async () => {
    site = await startLocalSite();
    receiver = await startReceiver();
    dir = tempDir();
    for (const slug of ['spring-update', 'new-editor', 'offline-drafts']) site.set(`${BLOG}/${slug}`, post(slug.replace(/-/g, ' ')));
    site.set(BLOG, { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(index); } });
    config = writeConfig(dir, {
      fetch: FAST_FETCH,
      failAfter: 5,
      sources: [{ id: 'journal', url: site.at(BLOG), kind: 'blog', follow: [`${BLOG}/*`] }],
      webhooks: [{ url: receiver.url, events: ['source.discovered', 'announcement.detected', 'facts.changed', 'text.changed', 'source.failing'] }],
    });
    db = openDatabase(config.database);
  });
  afterEach(async () => {
    db.$client.close();
    await site.close();
    await receiver.close();
    dir.remove();
  });

  const check = async () => {
    const baselines: boolean[] = [];
    const { results } = await runCheckCycle({ db, config, onDiscovery: (e) => baselines.push(e.baseline) });
    await drainOutbox(db, config.webhooks, { force: true });
    return { statuses: Object.fromEntries(results.map((r) => [r.sourceId, r.status])), reasons: results.map((r) => r.reason), baselines, lines: results.map(formatResult) };
  };

  it('is a valid index page', async () => {
    index = shortIndex(['spring-update', 'new-editor']);
    const { statuses } = await check();
    expect(statuses).toEqual({ journal: 'new', 'journal/spring-update': 'new', 'journal/new-editor': 'new' });
    expect(receiver.requests).toEqual([]);
  });

  it('is a valid index page when it is only a list of links, with or without main', async () => {
    index = linksOnlyIndex(['spring-update', 'new-editor']);
    const first = await check();
    expect(first.statuses).toEqual({ journal: 'new', 'journal/spring-update': 'new', 'journal/new-editor': 'new' });
    expect(first.baselines).toEqual([true]);
    expect(receiver.requests).toEqual([]);

    // Without main: the same links, the site's menu and footer set aside.
    index = linksOnlyIndex(['offline-drafts', 'spring-update', 'new-editor']).replace('<main>', '').replace('</main>', '');
    const second = await check();
    expect(second.statuses['journal']).toBe('changed');
    expect(second.statuses['journal/offline-drafts']).toBe('new');
    expect(second.lines).toContainEqual(expect.stringMatching(/^new +journal\/offline-drafts +\(new post/));
  });

  it('whose first read fails is read for posts only once it succeeds, and that read is the baseline, without alerts', async () => {
    index = errorIndex(['spring-update', 'new-editor']);
    const first = await check();
    expect(first.statuses).toEqual({ journal: 'error' });
    expect(first.reasons).toEqual(['error page: "Something went wrong"']);
    expect(listSources(db).filter((s) => s.kind === 'blog-post')).toEqual([]);

    index = shortIndex(['spring-update', 'new-editor']);
    const second = await check();
    expect(second.statuses).toEqual({ journal: 'new', 'journal/spring-update': 'new', 'journal/new-editor': 'new' });
    expect(second.baselines).toEqual([true]);
    expect(second.lines.filter((l) => l.includes('journal/'))).toEqual([
      expect.stringMatching(/^new +journal\/(spring-update|new-editor) +\(baseline/), expect.stringMatching(/^new +journal\/(spring-update|new-editor) +\(baseline/),
    ]);
    expect(receiver.requests).toEqual([]);

    // A post that appears after the baseline is news (and the index's own text changed).
    index = shortIndex(['offline-drafts', 'spring-update', 'new-editor']);
    const third = await check();
    expect(third.statuses['journal/offline-drafts']).toBe('new');
    expect(third.baselines).toEqual([false]);
    expect(third.lines).toContainEqual(expect.stringMatching(/^new +journal\/offline-drafts +\(new post/));
    expect(receiver.requests.map((r) => JSON.parse(r.body) as { event: string; source: { id: string } }).map((e) => `${e.event} ${e.source.id}`).sort())
      .toEqual(['source.discovered journal/offline-drafts', 'text.changed journal']);
  });
});
