import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { authwallPage, privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, writeConfig, FAST_FETCH, type TempDir } from '../helpers/test-config.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import { listChanges } from '../../src/store/query-changes.js';
import type { Config } from '../../src/domain/config.js';

describe('a check cycle against a local LinkedIn-like site', () => {
  let site: LocalSite;
  let dir: TempDir;
  let config: Config;
  let db: Db;

  beforeEach(async () => {
    site = await startLocalSite({ '/legal/privacy-policy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage()); } } });
    dir = tempDir();
    config = writeConfig(dir, {
      fetch: FAST_FETCH,
      sources: [{ id: 'privacy', name: 'Privacy Policy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' }],
    });
    db = openDatabase(config.database);
  });
  afterEach(async () => {
    db.$client.close();
    await site.close();
    dir.remove();
  });

  const check = async () => (await runCheckCycle({ db, config })).results[0]!;
  const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const serve = (html: () => string, status = 200) => site.set('/legal/privacy-policy', { handle: (_req, res) => { res.writeHead(status, { 'content-type': 'text/html' }); res.end(html()); } });

  it('records the first check as a baseline, not a change', async () => {
    const result = await check();
    expect(result.status).toBe('new');
    expect(result.document?.facts.effectiveDate).toBe('2024-11-20');
    expect(count('snapshots')).toBe(1);
    expect(listChanges(db)).toEqual([]);
  });

  it('sees no change when only nonces, tracking parameters and scripts differ between loads', async () => {
    await check();
    const again = await check();
    expect(again.status).toBe('unchanged');
    expect(count('snapshots')).toBe(1);
    expect(count('contents')).toBe(1);
    expect(count('checks')).toBe(2);
    expect(listChanges(db)).toEqual([]);
  });

  it('sees no change when only the footer changes', async () => {
    await check();
    serve(() => privacyPolicyPage({ footerYear: 2026 }));
    expect((await check()).status).toBe('unchanged');
    expect(listChanges(db)).toEqual([]);
  });

  it('records a new effective date as a change with the right before and after', async () => {
    await check();
    serve(() => privacyPolicyPage({ effective: 'November 3, 2025' }));
    const result = await check();
    expect(result.status).toBe('changed');
    const [change] = listChanges(db);
    expect(change?.sourceId).toBe('privacy');
    expect(change?.textChanged).toBe(true);
    expect(change?.facts).toContainEqual({ fact: 'effectiveDate', before: '2024-11-20', after: '2025-11-03', direction: 'neutral' });
    expect(count('snapshots')).toBe(2);
  });

  it('records HTTP 999 as blocked and changes nothing', async () => {
    await check();
    serve(() => '<html><body>request denied</body></html>', 999);
    const result = await check();
    expect(result.status).toBe('blocked');
    expect(result.reason).toContain('999');
    expect(count('snapshots')).toBe(1);
    expect(listChanges(db)).toEqual([]);
  });

  it('records a sign-in wall served with 200 as blocked and changes nothing', async () => {
    await check();
    serve(() => authwallPage());
    const result = await check();
    expect(result.status).toBe('blocked');
    expect(result.reason).toMatch(/sign-in/);
    expect(count('snapshots')).toBe(1);
    // The page coming back as it was is not a change either.
    serve(() => privacyPolicyPage());
    expect((await check()).status).toBe('unchanged');
    expect(listChanges(db)).toEqual([]);
  });

  it('records a page without its main content as an error, not a new version', async () => {
    await check();
    serve(() => '<html><body><nav>Home</nav><main></main><footer>© 2025</footer></body></html>');
    const result = await check();
    expect(result.status).toBe('error');
    expect(count('snapshots')).toBe(1);
  });

  it('asks with If-None-Match after an ETag and takes a 304 as unchanged', async () => {
    const body = privacyPolicyPage();
    site.set('/legal/privacy-policy', {
      handle: (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') { res.writeHead(304, { etag: '"v1"' }); res.end(); return; }
        res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' });
        res.end(body);
      },
    });
    expect((await check()).status).toBe('new');
    const second = await check();
    expect(second.status).toBe('unchanged');
    expect(second.httpStatus).toBe(304);
    expect(site.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(site.requests.at(-1)?.headers['user-agent']).toMatch(/^policy-watch\//);
  });

  it('adds a check row, and no copy of the page, for an unchanged check', async () => {
    await check();
    const pagesBefore = db.$client.prepare('SELECT sum(length(html)) AS n FROM contents').get() as { n: number };
    for (let i = 0; i < 3; i++) await check();
    const pagesAfter = db.$client.prepare('SELECT sum(length(html)) AS n FROM contents').get() as { n: number };
    expect(pagesAfter.n).toBe(pagesBefore.n);
    expect(count('checks')).toBe(4);
  });
});
