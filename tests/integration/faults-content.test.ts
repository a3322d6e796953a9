import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { frenchPolicyPage, malformedPolicyPage } from '../helpers/fault-pages.js';
import { startFaultHarness, type FaultHarness } from '../helpers/fault-harness.js';
import * as faults from '../helpers/fault-routes.js';
import { decompressText } from '../../src/store/compress.js';

let h: FaultHarness;
beforeEach(async () => {
  h = await startFaultHarness();
});
afterEach(async () => { await h.close(); });

const storedText = () => decompressText((h.db.$client.prepare('SELECT text FROM snapshots ORDER BY id DESC LIMIT 1').get() as { text: Buffer }).text);
const serveUtf8 = (html: () => string) => h.serve({ handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html()); } });

describe('a page in a legacy charset', () => {
  it.each([
    ['iso-8859-1', 'header'],
    ['iso-8859-1', 'meta'],
    ['windows-1252', 'header'],
    ['windows-1252', 'meta'],
    ['windows-1252', 'http-equiv'],
  ] as const)('is read correctly in %s declared by the %s, and the same page in UTF-8 is no change', async (charset, declaredBy) => {
    const page = () => frenchPolicyPage({ cp1252Extras: charset === 'windows-1252' });
    h.serve(faults.encodedPage(page, charset, declaredBy));
    const first = await h.check();
    expect(first.status).toBe('new');
    expect(first.document?.title).toBe('Politique de confidentialité');
    expect(first.document?.facts.effectiveDate).toBe('2025-12-03');
    expect(first.document?.facts.regions).toEqual(expect.arrayContaining(['EEA', 'CH', 'GB']));
    expect(first.document?.evidence.effectiveDate).toBe("Date d'entrée en vigueur : 3 décembre 2025");
    expect(storedText()).toContain('Espace économique européen');
    if (charset === 'windows-1252') expect(storedText()).toMatch(/désactiver — à tout moment, sans frais \(0 €\)/);
    expect(storedText()).not.toContain('\uFFFD');

    serveUtf8(page);
    expect((await h.check()).status).toBe('unchanged');
    expect(h.changeCount()).toBe(0);
    expect(h.eventsDelivered()).toEqual([]);
  });
});

describe('a page that is not valid UTF-8', () => {
  it('is read with replacement characters where the bytes are bad, keeps its facts, and the same bytes again are no change', async () => {
    const html = privacyPolicyPage({ effective: 'November 3, 2025' }).replace('<h2>1. Data we collect</h2>', '<h2>1. Data we collect \u0000MARK</h2>');
    const [head, tail] = html.split('\u0000MARK') as [string, string];
    // A lone continuation byte, an impossible byte and a truncated two-byte sequence.
    const bytes = () => Buffer.concat([Buffer.from(head), Buffer.from([0x80, 0x20, 0xff, 0x20, 0xc3, 0x28]), Buffer.from(tail)]);
    h.serve(faults.rawBytes(bytes));
    const first = await h.check();
    expect(first.status).toBe('new');
    expect(first.document?.facts.effectiveDate).toBe('2025-11-03');
    expect(storedText()).toContain('\uFFFD');

    expect((await h.check()).status).toBe('unchanged');
    expect(h.changeCount()).toBe(0);
    expect(h.eventsDelivered()).toEqual([]);
  });
});

describe('malformed HTML', () => {
  it('is read for its facts, and the same mess again is no change', async () => {
    h.serve(faults.rawBytes(() => Buffer.from(malformedPolicyPage())));
    const first = await h.check();
    expect(first.status).toBe('new');
    expect(first.document?.facts.effectiveDate).toBe('2024-11-20');
    expect(first.document?.facts.regions).toEqual(['US']);
    expect(first.document?.facts.aiTrainingDefault).toBe('on');

    expect((await h.check()).status).toBe('unchanged');
    expect(h.changeCount()).toBe(0);
    expect(h.eventsDelivered()).toEqual([]);
  });

  it('that hides the whole page in an unclosed comment is an error, not a new version', async () => {
    h.serveGoodPage();
    expect((await h.check()).status).toBe('new');
    const before = h.contentState();
    h.serve(faults.rawBytes(() => Buffer.from(`<html><body><!-- ${privacyPolicyPage()}`)));
    const result = await h.check();
    expect(result.status).toBe('error');
    expect(result.reason).toMatch(/main content missing/);
    expect(h.contentState()).toEqual(before);
    expect(h.changeCount()).toBe(0);
  });
});
