import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { tempDir, writeConfig, FAST_FETCH, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import { drainOutbox } from '../../src/notify/outbox.js';
import { createApp } from '../../src/api/create-app.js';
import type { Config } from '../../src/domain/config.js';

const BLOG = '/blog/news';

function indexPage(slugs: string[]): string {
  return `<!DOCTYPE html><html lang="en"><head><title>News</title></head><body><main><h1>News</h1>
  ${slugs.map((slug) => `<article><h2><a href="${BLOG}/${slug}">${slug.replace(/-/g, ' ')}</a></h2><p>About ${slug}.</p></article>`).join('\n')}
  </main></body></html>`;
}

function postPage(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main><article>
  <h1>${title}</h1><p>${body}</p></article></main></body></html>`;
}

interface AlertBody {
  event: string;
  source: { id: string; name: string };
  summary: string;
  change?: { id: string; url: string; textDiffUrl: string; facts: Array<{ fact: string; after: unknown; evidence: string | null }> };
}

describe('announcement.detected for a newly discovered post', () => {
  let site: LocalSite;
  let receiver: Receiver;
  let dir: TempDir;
  let config: Config;
  let db: Db;
  let slugs = ['hello'];

  beforeEach(async () => {
    site = await startLocalSite();
    receiver = await startReceiver();
    dir = tempDir();
    slugs = ['hello'];
    site.set(`${BLOG}/hello`, postPage('Hello', 'Our first post, about nothing in particular.'));
    site.set(BLOG, { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(indexPage(slugs)); } });
    config = writeConfig(dir, {
      fetch: FAST_FETCH,
      sources: [{ id: 'news', url: site.at(BLOG), kind: 'blog', follow: [`${BLOG}/*`] }],
      webhooks: [{ url: receiver.url, events: ['announcement.detected'] }],
      api: { publicUrl: 'http://policy.example.test' },
    });
    db = openDatabase(config.database);
  });
  afterEach(async () => {
    db.$client.close();
    await site.close();
    await receiver.close();
    dir.remove();
  });

  it('carries a real change id that show, the API and the web page all open', async () => {
    await runCheckCycle({ db, config }); // the baseline: the index and its first post
    site.set(`${BLOG}/terms-update`, postPage('Changes to our terms',
      "We're updating our Terms of Service on March 2, 2027. The new terms describe how we use posts to train AI models."));
    slugs = ['terms-update', 'hello'];
    await runCheckCycle({ db, config });
    await drainOutbox(db, config.webhooks, { force: true });

    const bodies = receiver.requests.map((r) => JSON.parse(r.body) as AlertBody);
    expect(bodies.map((b) => b.event)).toEqual(['announcement.detected']);
    const alert = bodies[0]!;
    expect(alert.source).toMatchObject({ id: 'news/terms-update', name: 'Changes to our terms' });
    expect(alert.summary).toBe('Changes to our terms: update announced, effective 2027-03-02');
    const id = alert.change!.id;
    expect(id).toMatch(/^\d+$/);
    expect(alert.change!.url).toBe(`http://policy.example.test/changes/${id}`);
    expect(alert.change!.textDiffUrl).toBe(`http://policy.example.test/api/changes/${id}`);
    expect(alert.change!.facts[0]).toMatchObject({ fact: 'upcomingEffectiveDate', after: '2027-03-02' });
    expect(alert.change!.facts[0]!.evidence).toContain('March 2, 2027');

    const app = createApp(db);
    const api = await app.request(`/api/changes/${id}`);
    expect(api.status).toBe(200);
    const change = await api.json() as { sourceId: string; snapshots: { before: string | null; after: string }; beforeAt: string | null };
    expect(change.sourceId).toBe('news/terms-update');
    expect(change.snapshots.before).toBeNull();
    expect(change.beforeAt).toBeNull();

    const web = await app.request(`/changes/${id}`);
    expect(web.status).toBe(200);
    const page = await web.text();
    expect(page).toContain('First snapshot of a newly discovered post');
    expect(page).toContain(`/snapshots/${change.snapshots.after}`);

    const shown = await runCli(['show', id, '--db', config.database], { cwd: dir.path });
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('no earlier snapshot (a newly discovered post)');
    expect(shown.stdout).toContain('upcomingEffectiveDate (not stated) → 2027-03-02');

    const listed = await runCli(['history', '--source', 'news/terms-update', '--json', '--db', config.database], { cwd: dir.path });
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id, snapshots: { before: null, after: change.snapshots.after } }]);
  });

  it('also sends announcement.due, once, for a post found after the date it announces', async () => {
    config = { ...config, webhooks: [{ ...config.webhooks[0]!, events: ['announcement.detected', 'announcement.due'] }] };
    const on = (iso: string) => runCheckCycle({ db, config, now: () => Date.parse(iso) });
    await on('2027-03-10T06:00:00Z'); // the baseline
    site.set(`${BLOG}/terms-update`, postPage('Changes to our terms',
      "We're updating our Terms of Service on March 2, 2027. The new terms describe how we use posts to train AI models."));
    slugs = ['terms-update', 'hello'];
    await on('2027-03-12T06:00:00Z');
    await on('2027-03-13T06:00:00Z');
    await drainOutbox(db, config.webhooks, { force: true });

    const bodies = receiver.requests.map((r) => JSON.parse(r.body) as AlertBody & { announcement?: { date: string } });
    expect(bodies.map((b) => [b.event, b.source.id])).toEqual([
      ['announcement.detected', 'news/terms-update'],
      ['announcement.due', 'news/terms-update'],
    ]);
    expect(bodies[1]!.announcement).toMatchObject({ date: '2027-03-02' });
  });
});
