import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { tempDir, writeConfig, FAST_FETCH, type TempDir } from '../helpers/test-config.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import { drainOutbox } from '../../src/notify/outbox.js';
import { listSources } from '../../src/store/query-sources.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Config } from '../../src/domain/config.js';

const BLOG = '/blog/member/trust-and-safety';

function indexPage(posts: string[], next?: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Trust &amp; Safety | LinkedIn Blog</title></head><body>
  <nav><a href="/feed/?trk=nav">Home</a> <a href="/legal/privacy-policy?trk=nav">Privacy</a> <a href="${BLOG}?trk=nav">Trust</a></nav>
  <main><h1>Trust &amp; Safety</h1>
  ${posts.map((slug) => `<article><h2><a href="${BLOG}/${slug}?trk=blog-card&lipi=${Math.random().toString(36).slice(2)}">${slug.replace(/-/g, ' ')}</a></h2><p>A post about ${slug}.</p></article>`).join('\n')}
  ${next ? `<a href="${next}">Older posts</a>` : ''}
  </main><footer>© 2025 <a href="https://example.org/${BLOG}/elsewhere">partner</a></footer></body></html>`;
}

function postPage(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main><article>
  <h1>${title}</h1><p>By the Trust team · <time datetime="2025-09-18">September 18, 2025</time></p><p>${body}</p></article></main></body></html>`;
}

describe('discovering posts on a blog index', () => {
  let site: LocalSite;
  let receiver: Receiver;
  let dir: TempDir;
  let config: Config;
  let db: Db;

  beforeEach(async () => {
    site = await startLocalSite();
    receiver = await startReceiver();
    dir = tempDir();
    site.set(`${BLOG}/keeping-accounts-safe`, postPage('Keeping accounts safe', 'We added new checks that stop fake accounts.'));
    site.set(`${BLOG}/reporting-scams`, postPage('Reporting scams', 'How to report a scam message to us.'));
    site.set(`${BLOG}/our-2023-transparency-report`, postPage('Our transparency report', 'Numbers on the content we removed last year.'));
    site.set(`${BLOG}`, { handle: (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(req.url?.includes('page=2') ? indexPage(['our-2023-transparency-report']) : currentIndex());
    } });
    config = writeConfig(dir, {
      fetch: FAST_FETCH,
      sources: [{ id: 'trust-blog', url: site.at(BLOG), kind: 'blog', follow: [`${BLOG}/*`], maxNewPosts: 5 }],
      webhooks: [{ url: receiver.url, events: ['source.discovered', 'announcement.detected', 'facts.changed'] }],
    });
    db = openDatabase(config.database);
  });
  afterEach(async () => {
    db.$client.close();
    await site.close();
    await receiver.close();
    dir.remove();
  });

  let indexPosts = ['keeping-accounts-safe', 'reporting-scams'];
  const currentIndex = () => indexPage(indexPosts, `${BLOG}?page=2&trk=pager`);
  const check = async () => {
    const { results } = await runCheckCycle({ db, config });
    await drainOutbox(db, config.webhooks, { force: true });
    return new Map(results.map((r) => [r.sourceId, r.status]));
  };

  it('tracks the posts it finds on the first check as a baseline, following the next page, without alerts', async () => {
    indexPosts = ['keeping-accounts-safe', 'reporting-scams'];
    const statuses = await check();
    expect(Object.fromEntries(statuses)).toEqual({
      'trust-blog': 'new',
      'trust-blog/keeping-accounts-safe': 'new',
      'trust-blog/reporting-scams': 'new',
      'trust-blog/our-2023-transparency-report': 'new',
    });
    const posts = listSources(db).filter((s) => s.kind === 'blog-post');
    expect(posts.map((p) => p.url).sort()).toEqual([
      site.at(`${BLOG}/keeping-accounts-safe`), site.at(`${BLOG}/our-2023-transparency-report`), site.at(`${BLOG}/reporting-scams`),
    ]);
    expect(posts.every((p) => p.parentId === 'trust-blog' && p.origin === 'discovered')).toBe(true);
    expect(receiver.requests).toEqual([]);
  });

  it('announces a post found later with its facts, and keeps tracking posts that left the index', async () => {
    indexPosts = ['keeping-accounts-safe', 'reporting-scams'];
    await check();
    site.set(`${BLOG}/updates-to-our-terms`, postPage('Updates to our User Agreement and Privacy Policy',
      "We're updating our User Agreement and Privacy Policy on November 3, 2025. From then on we will use data from members in the UK, Canada and Hong Kong to train the AI models that generate content."));
    indexPosts = ['updates-to-our-terms', 'keeping-accounts-safe']; // reporting-scams left the index
    const statuses = await check();
    expect(statuses.get('trust-blog/updates-to-our-terms')).toBe('new');
    expect(statuses.get('trust-blog/reporting-scams')).toBe('unchanged');
    const events = receiver.requests.map((r) => JSON.parse(r.body) as { event: string; source: { id: string; name: string }; summary: string; facts?: { upcomingEffectiveDate: string | null } });
    expect(events.map((e) => e.event).sort()).toEqual(['announcement.detected', 'source.discovered']);
    const discovered = events.find((e) => e.event === 'source.discovered')!;
    expect(discovered.source.id).toBe('trust-blog/updates-to-our-terms');
    // Named by its title, not its id, in every alert about it.
    for (const event of events) expect(event.source.name).toBe('Updates to our User Agreement and Privacy Policy');
    expect(discovered.summary).toMatch(/^Updates to our User Agreement and Privacy Policy: new post discovered/);
    expect(discovered.facts?.upcomingEffectiveDate).toBe('2025-11-03');
    // Nothing more on the next check.
    await check();
    expect(receiver.requests).toHaveLength(2);
    // A later change of the post keeps the title as its name.
    site.set(`${BLOG}/updates-to-our-terms`, postPage('Updates to our User Agreement and Privacy Policy',
      "We're updating our User Agreement and Privacy Policy on November 3, 2025. From then on we will use data from members in the UK, Canada, Hong Kong and Switzerland to train the AI models that generate content."));
    await check();
    const changed = receiver.requests.slice(2).map((r) => JSON.parse(r.body) as { event: string; source: { name: string }; summary: string });
    expect(changed.map((e) => e.event)).toContain('facts.changed');
    for (const event of changed) expect(event.source.name).toBe('Updates to our User Agreement and Privacy Policy');
  });

  it('adds at most maxNewPosts posts in one check when the index suddenly links many', async () => {
    indexPosts = ['keeping-accounts-safe'];
    await check();
    indexPosts = Array.from({ length: 30 }, (_, i) => `post-${i}`);
    for (const slug of indexPosts) site.set(`${BLOG}/${slug}`, postPage(slug, 'Text.'));
    await check();
    const added = listSources(db).filter((s) => s.id.startsWith('trust-blog/post-'));
    expect(added).toHaveLength(5);
  });
});

describe('source packs', () => {
  it('adds the sources of included packs, the LinkedIn and Meta packs among them', () => {
    const dir = tempDir();
    try {
      const packs = fileURLToPath(new URL('../../packs/', import.meta.url));
      writeFileSync(dir.file('config.json'), JSON.stringify({ include: [`${packs}linkedin.json`, `${packs}meta.json`] }));
      const config = loadConfig({ configPath: dir.file('config.json'), env: {} });
      const ids = config.sources.map((s) => s.id);
      expect(ids).toContain('linkedin-privacy-policy');
      expect(ids).toContain('linkedin-blog-trust');
      expect(ids).toContain('meta-privacy-policy');
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      dir.remove();
    }
  });

  it('refuses a pack whose id repeats one already configured, naming both places', () => {
    const dir = tempDir();
    try {
      writeFileSync(dir.file('pack.json'), JSON.stringify({ sources: [{ id: 'a', url: 'https://example.org/a', kind: 'privacy-policy' }] }));
      writeFileSync(dir.file('config.json'), JSON.stringify({ include: ['pack.json'], sources: [{ id: 'a', url: 'https://example.org/b', kind: 'privacy-policy' }] }));
      expect(() => loadConfig({ configPath: dir.file('config.json'), env: {} })).toThrow(/sources\[0\]\.id: duplicate source id "a" \(first at pack\.json: sources\[0\]\)/);
    } finally {
      dir.remove();
    }
  });
});
