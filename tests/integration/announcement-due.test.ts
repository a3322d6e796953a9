import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, writeConfig, FAST_FETCH, type TempDir } from '../helpers/test-config.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import type { Config } from '../../src/domain/config.js';

const BANNER = 'We’re updating our Privacy Policy on November 3, 2025. See what’s changing.';

describe('announcement.due', () => {
  let site: LocalSite;
  let dir: TempDir;
  let config: Config;
  let db: Db;
  let page = () => privacyPolicyPage({ banner: BANNER });

  beforeEach(async () => {
    page = () => privacyPolicyPage({ banner: BANNER });
    site = await startLocalSite({ '/legal/privacy-policy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page()); } } });
    dir = tempDir();
    config = writeConfig(dir, {
      fetch: FAST_FETCH,
      sources: [{ id: 'privacy', name: 'LinkedIn Privacy Policy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' }],
      webhooks: [
        { url: 'http://127.0.0.1:9/json', secret: 'test-secret', events: ['announcement.due'] },
        { url: 'http://127.0.0.1:9/slack', secret: 'test-secret', events: ['announcement.due'], format: 'slack' },
      ],
    });
    db = openDatabase(config.database);
  });
  afterEach(async () => {
    db.$client.close();
    await site.close();
    dir.remove();
  });

  const checkOn = async (iso: string) => (await runCheckCycle({ db, config, now: () => Date.parse(iso) })).results[0]!;
  const dueBodies = () => (db.$client.prepare("SELECT webhook, body FROM deliveries WHERE event = 'announcement.due' ORDER BY webhook").all() as { webhook: string; body: string }[])
    .map((row) => ({ webhook: row.webhook, body: JSON.parse(row.body) as Record<string, unknown> }));

  it('fires once, on the first check on or after the announced date, across checks and restarts', async () => {
    expect((await checkOn('2025-09-22T06:00:00Z')).status).toBe('new');
    await checkOn('2025-10-15T06:00:00Z');
    await checkOn('2025-11-02T23:00:00Z');
    expect(dueBodies()).toEqual([]);

    // The page is unchanged (the hash short-circuit): the date arriving is news all the same.
    expect((await checkOn('2025-11-03T06:00:00Z')).status).toBe('unchanged');
    const [json, slack] = dueBodies();
    expect(json?.body).toMatchObject({
      event: 'announcement.due',
      source: { id: 'privacy', url: site.at('/legal/privacy-policy') },
      announcement: { date: '2025-11-03', firstSeenAt: '2025-09-22T06:00:00.000Z' },
    });
    expect(String(slack?.body.text)).toContain('LinkedIn Privacy Policy: the update announced for 2025-11-03 is now in force');

    await checkOn('2025-11-03T12:00:00Z');
    db.$client.close();
    db = openDatabase(config.database); // a restart
    await checkOn('2025-11-04T06:00:00Z');
    page = () => privacyPolicyPage({ effective: 'November 3, 2025' }); // the banner comes down
    await checkOn('2025-11-05T06:00:00Z');
    expect(dueBodies()).toHaveLength(2);
  });

  it('is sent by a check that could not read the page too', async () => {
    await checkOn('2025-09-22T06:00:00Z');
    site.set('/legal/privacy-policy', { status: 503, body: 'down' });
    expect((await checkOn('2025-11-03T06:00:00Z')).status).toBe('error');
    expect(dueBodies()).toHaveLength(2);
  });

  it('is sent once by the check that first reads a banner after its date, and never again', async () => {
    page = () => privacyPolicyPage();
    expect((await checkOn('2025-10-01T06:00:00Z')).status).toBe('new');
    page = () => privacyPolicyPage({ banner: BANNER }); // put up late, or read late: the date has passed
    expect((await checkOn('2025-11-20T06:00:00Z')).status).toBe('changed');
    const [json, slack] = dueBodies();
    expect(json?.body).toMatchObject({
      event: 'announcement.due',
      announcement: { date: '2025-11-03', firstSeenAt: '2025-11-20T06:00:00.000Z' },
    });
    expect(String(slack?.body.text)).toContain('the update announced for 2025-11-03 is now in force');

    await checkOn('2025-11-21T06:00:00Z');
    db.$client.close();
    db = openDatabase(config.database); // a restart
    await checkOn('2025-11-22T06:00:00Z');
    page = () => privacyPolicyPage();
    await checkOn('2025-11-23T06:00:00Z');
    page = () => privacyPolicyPage({ banner: BANNER }); // the same date announced again
    await checkOn('2025-11-24T06:00:00Z');
    expect(dueBodies()).toHaveLength(2);
  });

  it('is not sent by a baseline that already shows a passed date: what a page said before it was watched is no news', async () => {
    expect((await checkOn('2025-11-20T06:00:00Z')).status).toBe('new');
    await checkOn('2025-11-21T06:00:00Z');
    expect(dueBodies()).toEqual([]);
  });
});
