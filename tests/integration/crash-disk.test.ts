import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { startFaultHarness, type FaultHarness } from '../helpers/fault-harness.js';
import { runCheckCycle } from '../../src/pipeline/run-check-cycle.js';
import { PolicyWatchError } from '../../src/domain/errors.js';

// A page carrying this marker makes the extractor throw, as a page that trips a bug in it would.
vi.mock('../../src/extract/extract-facts.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/extract/extract-facts.js')>();
  return {
    ...original,
    extractFacts: (html: string, options: Parameters<typeof original.extractFacts>[1]) => {
      if (html.includes('TRIP-THE-EXTRACTOR')) throw new RangeError('Maximum call stack size exceeded');
      return original.extractFacts(html, options);
    },
  };
});

let h: FaultHarness;
beforeEach(async () => { h = await startFaultHarness({ failAfter: 1 }); });
afterEach(async () => { await h.close(); });

const count = (table: string) => (h.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const integrity = () => h.db.$client.pragma('integrity_check', { simple: true });
const longPolicy = () => privacyPolicyPage({
  effective: 'November 3, 2025',
  extraParagraph: Array.from({ length: 3000 }, (_, i) => `Clause ${i}: records kept under reference ${(i * 7919).toString(36)}.`).join(' '),
});

describe('a database that cannot be written (disk full)', () => {
  it('ends the cycle with a clear error, writes nothing of that check, blames no site, and loses no change once space is back', async () => {
    h.serveGoodPage();
    expect((await h.check()).status).toBe('new');
    const before = { checks: count('checks'), snapshots: count('snapshots'), contents: count('contents'), deliveries: count('deliveries') };

    // The page really changes, and the database may not grow: SQLITE_FULL on the snapshot.
    h.serve({ handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(longPolicy()); } });
    h.db.$client.pragma(`max_page_count = ${h.db.$client.pragma('page_count', { simple: true }) as number}`);
    const failure = await runCheckCycle({ db: h.db, config: h.config }).then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(PolicyWatchError);
    expect((failure as PolicyWatchError).code).toBe('store');
    expect((failure as Error).message).toMatch(/cannot record checks in .*: database or disk is full/);

    // Nothing of the check was written, not even an error check that would count towards failAfter.
    expect({ checks: count('checks'), snapshots: count('snapshots'), contents: count('contents'), deliveries: count('deliveries') }).toEqual(before);
    expect(integrity()).toBe('ok');
    expect(h.eventsDelivered()).toEqual([]);

    // Space comes back: the change is recorded whole, with its alert, as if nothing had happened.
    h.db.$client.pragma('max_page_count = 1073741823');
    const result = await h.check();
    expect(result.status).toBe('changed');
    expect(result.factChanges).toContainEqual(expect.objectContaining({ fact: 'effectiveDate', before: '2024-11-20', after: '2025-11-03' }));
    expect(h.eventsDelivered().sort()).toEqual(['facts.changed', 'text.changed']);
    expect(integrity()).toBe('ok');
  });
});

describe('a page that breaks the extractor', () => {
  it('is an error check of that source, and the snapshots stay as they were', async () => {
    h.serveGoodPage();
    expect((await h.check()).status).toBe('new');
    const before = h.contentState();
    h.serve({ handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage({ extraParagraph: 'TRIP-THE-EXTRACTOR' })); } });
    const result = await h.check();
    expect(result.status).toBe('error');
    expect(result.reason).toBe('cannot read the page: Maximum call stack size exceeded');
    expect(h.contentState()).toEqual(before);
    expect(h.changeCount()).toBe(0);
    // failAfter 1: this one error is enough for one source.failing, and no change alert.
    expect(h.eventsDelivered()).toEqual(['source.failing']);
  });
});
