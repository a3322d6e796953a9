import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { startFaultHarness, type FaultHarness } from '../helpers/fault-harness.js';
import { errorPage, policyContent, siteFrame } from '../helpers/reading-pages.js';
import { makePdf } from '../helpers/make-pdf.js';
import type { Route } from '../helpers/local-site.js';

let h: FaultHarness;
beforeEach(async () => {
  h = await startFaultHarness({ failAfter: 2 });
});
afterEach(async () => { await h.close(); });

const html = (body: () => string, contentType = 'text/html; charset=utf-8'): Route => ({
  handle: (_req, res) => { res.writeHead(200, { 'content-type': contentType }); res.end(body()); },
});
const bytes = (body: () => Buffer, contentType: string): Route => ({
  handle: (_req, res) => { res.writeHead(200, { 'content-type': contentType }); res.end(body()); },
});
const policy = (options: { year?: number; srOnly?: string; effective?: string; views?: number } = {}) =>
  siteFrame(policyContent({ effective: options.effective, extra: options.views === undefined ? '' : `<p class="meta">Viewed ${options.views.toLocaleString('en-US')} times</p>` }),
    { title: 'Privacy Policy | Quillpost', year: options.year, srOnlyLinkText: options.srOnly });

describe('an error page served with HTTP 200', () => {
  it('on the first check of a new source is an error, not a baseline; the real page is the baseline', async () => {
    h.serve(html(() => errorPage('not found (en)')));
    const first = await h.check();
    expect(first.status).toBe('error');
    expect(first.reason).toBe('error page: "Page not found"');
    expect(h.contentState().snapshots).toEqual([]);

    h.serve(html(() => policy()));
    const second = await h.check();
    expect(second.status).toBe('new');
    expect(second.document?.facts.effectiveDate).toBe('2026-03-03');
    expect(h.eventsDelivered()).toEqual([]);
  });

  it('in place of a watched page stores nothing, alerts only source.failing after failAfter, and its end is no change', async () => {
    h.serve(html(() => policy()));
    expect((await h.check()).status).toBe('new');
    const before = h.contentState();

    h.serve(html(() => errorPage('indisponible (fr)')));
    const first = await h.check();
    expect(first.status).toBe('error');
    expect(first.reason).toBe('error page: "Ce service est temporairement indisponible. Merci de réessayer plus tard."');
    h.serve(html(() => errorPage('robot (fr)')));
    expect((await h.check()).reason).toMatch(/^error page: "Êtes-vous un robot/);
    expect(h.contentState()).toEqual(before);
    expect(h.eventsDelivered()).toEqual(['source.failing']);

    h.serve(html(() => policy()));
    expect((await h.check()).status).toBe('unchanged');
    expect(h.changeCount()).toBe(0);
    expect(h.eventsDelivered()).toEqual(['source.failing', 'source.recovered']);
  });

  it('whose text collapsed to a fraction of the last snapshot is an error when it reads like one', async () => {
    const sections = Array.from({ length: 30 }, (_, i) => `<h2>${i + 5}. More rules</h2><p>Rule ${i + 5} says how Quillpost keeps the drafts, comments and notes of its users, for how long, and who may read them while they are kept.</p>`).join('');
    h.serve(html(() => siteFrame(policyContent({ extra: sections }), { title: 'Privacy Policy | Quillpost' })));
    expect((await h.check()).status).toBe('new');
    const stub = `<h1>Quillpost Privacy Policy</h1><p>${'This document moved to our new legal centre, with all our other policies. '.repeat(7)}</p><p>The content you requested is no longer available at this address.</p>`;
    h.serve(html(() => siteFrame(stub, { title: 'Privacy Policy | Quillpost' })));
    const result = await h.check();
    expect(result.status).toBe('error');
    expect(result.reason).toBe('error page: "The content you requested is no longer available at this address."');
    expect(h.changeCount()).toBe(0);
  });
});

describe('a page without main in its site chrome', () => {
  it('is no change when only its footer or the screen-reader text of its links change', async () => {
    h.serve(html(() => policy()));
    expect((await h.check()).status).toBe('new');
    h.serve(html(() => policy({ year: 2027 })));
    expect((await h.check()).status).toBe('unchanged');
    h.serve(html(() => policy({ year: 2027, srOnly: '(opens in a new tab)' })));
    expect((await h.check()).status).toBe('unchanged');
    expect(h.changeCount()).toBe(0);
    expect(h.eventsDelivered()).toEqual([]);
  });
});

describe('filters from the source', () => {
  it('ignore a view counter and remove a block, and the page is read with them', async () => {
    h.reconfigure((config) => ({
      ...config,
      sources: config.sources.map((s) => ({ ...s, ignore: ['viewed [0-9,]+ times'], remove: ['.site-foot', { startBefore: '#content > h2:nth-of-type(4)', endAfter: '#content > p:last-of-type' }] })),
    }));
    h.serve(html(() => policy({ views: 1002 })));
    const first = await h.check();
    expect(first.status).toBe('new');
    const text = () => gunzipSync((h.db.$client.prepare('SELECT text FROM snapshots ORDER BY id DESC').get() as { text: Buffer }).text).toString('utf8');
    expect(text()).not.toMatch(/viewed/i);
    expect(text()).not.toContain('4. Contact');
    h.serve(html(() => policy({ views: 48311 })));
    expect((await h.check()).status).toBe('unchanged');
    expect(h.eventsDelivered()).toEqual([]);
  });
});

describe('a PDF document', () => {
  const pdf = (effective: string) => makePdf([[
    'Quillpost Privacy Notice', `Effective date: ${effective}`,
    'We use the posts and comments of our users to train the generative AI models behind our writing assistant, unless you opt out.',
  ]]);

  it('is read, stored as its bytes, and a new version is a fact change', async () => {
    h.serve(bytes(() => pdf('March 3, 2026'), 'application/pdf'));
    const first = await h.check();
    expect(first.status).toBe('new');
    expect(first.document?.title).toBe('Quillpost Privacy Notice');
    expect(first.document?.facts.effectiveDate).toBe('2026-03-03');
    const stored = h.db.$client.prepare('SELECT html FROM contents').get() as { html: Buffer };
    expect(gunzipSync(stored.html).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect((await h.check()).status).toBe('unchanged');
    h.serve(bytes(() => pdf('June 1, 2026'), 'application/pdf'));
    const changed = await h.check();
    expect(changed.status).toBe('changed');
    expect(changed.factChanges).toEqual([{ fact: 'effectiveDate', before: '2026-03-03', after: '2026-06-01', direction: 'neutral' }]);
    expect(h.eventsDelivered().sort()).toEqual(['facts.changed', 'text.changed']);
  });

  it('is recognised by its bytes when sent as application/octet-stream', async () => {
    h.serve(bytes(() => pdf('March 3, 2026'), 'application/octet-stream'));
    expect((await h.check()).document?.facts.effectiveDate).toBe('2026-03-03');
  });
});

describe('a content type that is neither HTML, text nor PDF', () => {
  it.each([
    ['application/json', Buffer.from('{"policy": "json"}')],
    ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
  ])('is an error with a plain reason: %s', async (type, body) => {
    h.serve(bytes(() => body, type));
    const result = await h.check();
    expect(result.status).toBe('error');
    expect(result.reason).toBe(`unsupported content type ${type}`);
    expect(h.checkRows()).toEqual([{ status: 'error', httpStatus: 200, reason: `unsupported content type ${type}`, snapshotId: null }]);
  });
});
