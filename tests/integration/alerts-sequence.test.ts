import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { authwallPage, privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, writeConfig, FAST_FETCH, type TempDir } from '../helpers/test-config.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import { drainOutbox, listDeliveries } from '../../src/notify/outbox.js';
import { verifySignature } from '../../src/notify/sign.js';
import type { Config } from '../../src/domain/config.js';

const SECRET = 'test-secret-value-1234';

describe('alerts over a scripted LinkedIn timeline', () => {
  let site: LocalSite;
  let receiver: Receiver;
  let dir: TempDir;
  let config: Config;
  let db: Db;
  let page: () => string;
  let status = 200;

  beforeEach(async () => {
    page = () => privacyPolicyPage();
    status = 200;
    site = await startLocalSite({ '/legal/privacy-policy': { handle: (_req, res) => { res.writeHead(status, { 'content-type': 'text/html' }); res.end(page()); } } });
    receiver = await startReceiver();
    dir = tempDir();
    config = writeConfig(dir, {
      fetch: FAST_FETCH,
      failAfter: 2,
      sources: [{ id: 'linkedin-privacy-policy', name: 'LinkedIn Privacy Policy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' }],
      webhooks: [{ url: receiver.url, secret: 'env:PW_TEST_SECRET', events: ['facts.changed', 'text.changed', 'announcement.detected', 'source.failing', 'source.recovered'] }],
    }, { ...process.env, PW_TEST_SECRET: SECRET });
    db = openDatabase(config.database);
  });
  afterEach(async () => {
    db.$client.close();
    await site.close();
    await receiver.close();
    dir.remove();
  });

  /** One `check`: a cycle, then every pending delivery attempted once. */
  const check = async () => {
    const { results } = await runCheckCycle({ db, config });
    await drainOutbox(db, config.webhooks, { force: true });
    return results[0]!.status;
  };
  const delivered = () => receiver.requests.filter((r) => r.answeredWith === 200);

  it('sends exactly the expected events, signed, none lost and none twice', async () => {
    expect(await check()).toBe('new'); // baseline: no alert
    expect(await check()).toBe('unchanged'); // nonce churn: no alert
    page = () => privacyPolicyPage({ banner: "We're updating our Privacy Policy on November 3, 2025. Read what changes." });
    expect(await check()).toBe('changed');
    expect(delivered().map((r) => r.headers['x-policy-watch-event']).sort()).toEqual(['announcement.detected', 'facts.changed', 'text.changed']);

    status = 999;
    expect(await check()).toBe('blocked');
    status = 200;
    page = () => authwallPage();
    expect(await check()).toBe('blocked'); // the second failure in a row: source.failing, once
    status = 999;
    expect(await check()).toBe('blocked'); // still failing: nothing more
    expect(delivered().filter((r) => r.headers['x-policy-watch-event'] === 'source.failing')).toHaveLength(1);

    // The real change arrives while the receiver is down.
    status = 200;
    page = () => privacyPolicyPage({ effective: 'November 3, 2025', regions: 'members in the United States, Canada and Hong Kong' });
    receiver.answerAlways(503);
    expect(await check()).toBe('changed');
    expect(listDeliveries(db, { status: 'pending' })).toHaveLength(3); // recovered, facts.changed, text.changed
    receiver.answerAlways(200);
    expect(await check()).toBe('unchanged');
    expect(listDeliveries(db, { status: 'pending' })).toHaveLength(0);

    const events = delivered().map((r) => r.headers['x-policy-watch-event']).sort();
    expect(events).toEqual([
      'announcement.detected', 'facts.changed', 'facts.changed', 'source.failing', 'source.recovered', 'text.changed', 'text.changed',
    ]);
    // Every request signed; a retried delivery kept its id and its body.
    for (const request of receiver.requests) {
      expect(verifySignature(request.body, SECRET, request.headers['x-policy-watch-signature'] as string)).toBe(true);
      expect(JSON.parse(request.body).deliveryId).toBe(request.headers['x-policy-watch-delivery']);
    }
    const ids = delivered().map((r) => r.headers['x-policy-watch-delivery']);
    expect(new Set(ids).size).toBe(ids.length);
    const failedFirst = receiver.requests.filter((r) => r.answeredWith === 503);
    for (const attempt of failedFirst) {
      const retry = delivered().find((r) => r.headers['x-policy-watch-delivery'] === attempt.headers['x-policy-watch-delivery']);
      expect(retry?.body).toBe(attempt.body);
    }
    const change = JSON.parse(delivered().filter((r) => r.headers['x-policy-watch-event'] === 'facts.changed').at(-1)!.body);
    expect(change.change.facts).toContainEqual({ fact: 'effectiveDate', before: '2024-11-20', after: '2025-11-03', direction: 'neutral', evidence: expect.stringContaining('2025') });
    expect(change.source).toEqual({ id: 'linkedin-privacy-policy', url: site.at('/legal/privacy-policy'), name: 'LinkedIn Privacy Policy' });
    expect(change.summary).toMatch(/^LinkedIn Privacy Policy: .*Effective date: 2024-11-20 → 2025-11-03/);
    expect(change.change.url).toMatch(new RegExp(`/changes/${change.change.id}$`));
  });
});
