import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/extract/lang/fold-text.js';
import { pageNumericOrder } from '../../src/extract/dates/page-numeric-order.js';
import { extractFacts } from '../../src/extract/extract-facts.js';

const page = (main: string, lang = 'en') =>
  extractFacts(`<html lang="${lang}"><body><main><h1>Privacy Policy</h1>${main}</main></body></html>`).document.facts;
const dates = (main: string, lang = 'en') => {
  const f = page(main, lang);
  return { effectiveDate: f.effectiveDate, lastUpdated: f.lastUpdated, upcomingEffectiveDate: f.upcomingEffectiveDate };
};

describe('foldText()', () => {
  it('lower-cases, strips accents and straightens apostrophes without moving any offset', () => {
    const text = 'DATE D’ENTRÉE EN VIGUEUR : 10 février';
    expect(foldText(text)).toBe("date d'entree en vigueur : 10 fevrier");
    expect(foldText(text)).toHaveLength(text.length);
  });

  it('keeps characters whose folding would change the length', () => {
    expect(foldText('İstanbul ǅ')).toHaveLength('İstanbul ǅ'.length);
  });
});

describe('date lines read by meaning', () => {
  it.each([
    ['<p>Last Amended: 14 January 2026</p>', '2026-01-14'],
    ['<p>Date of last revision – 14 January 2026</p>', '2026-01-14'],
    ['<p>Modification date: January 14, 2026</p>', '2026-01-14'],
    ['<p>Version date 2026-01-14</p>', '2026-01-14'],
    ['<p>Version of 14 January 2026</p>', '2026-01-14'],
    ['<p>Policy amended on January 14, 2026.</p>', '2026-01-14'],
    ['<h2>LAST AMENDED</h2><p>14 January 2026</p>', '2026-01-14'],
    ['<p>Valid since 2 May 2024, last modified on 14 January 2026</p>', '2026-01-14'],
  ])('reads revision wording as lastUpdated: %s', (html, iso) => {
    expect(dates(html).lastUpdated).toBe(iso);
  });

  it.each([
    ['<p>Comes into force on 2 February 2026</p>', '2026-02-02'],
    ['<p>Valid as of February 2, 2026.</p>', '2026-02-02'],
    ['<p>Revised on 14 January 2026, in force since 2 February 2026</p>', '2026-02-02'],
    ['<p>This version of the notice applies from 2 February 2026.</p>', '2026-02-02'],
  ])('reads entry-into-force wording as effectiveDate: %s', (html, iso) => {
    expect(dates(html).effectiveDate).toBe(iso);
  });

  it.each([
    ['<p>MISE A JOUR LE 14/01/2026</p>', { lastUpdated: '2026-01-14' }],
    ['<p>Dernière actualisation : 14 janvier 2026</p>', { lastUpdated: '2026-01-14' }],
    ['<p>Politique modifiée le 14 janvier 2026</p>', { lastUpdated: '2026-01-14' }],
    ['<p>Valable à compter du 2 février 2026</p>', { effectiveDate: '2026-02-02' }],
    ['<p>La présente politique s’applique depuis le 2 février 2026.</p>', { effectiveDate: '2026-02-02' }],
  ])('reads French wording in any case, with or without accents: %s', (html, expected) => {
    expect(dates(html, 'fr')).toMatchObject(expected);
  });

  it('reads "Effective date." before a "last updated on" sentence as both dates', () => {
    expect(dates('<p>Intro.</p><p>Effective date. This notice was last updated on: 4th February 2026.</p>')).toMatchObject({
      effectiveDate: '2026-02-04', lastUpdated: '2026-02-04',
    });
  });

  it('reads a sentence about the document far from the top, but only with the document as its subject or object', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `<p>Section ${i} says what we do with your order number ${i}.</p>`).join('');
    expect(dates(`${filler}<p>We last revised this policy on 3 March 2026, to add gift cards.</p>${filler}`).lastUpdated).toBe('2026-03-03');
    expect(dates(`${filler}<p>We updated our shipping terms on 3 March 2026, to add gift cards.</p>${filler}`).lastUpdated).toBeNull();
  });

  it('takes the newest date of a version table, whatever the order of its rows', () => {
    const table = '<table><tr><th>Version</th><th>Revision date</th></tr><tr><td>1</td><td>2 May 2024</td></tr><tr><td>2</td><td>9 March 2026</td></tr><tr><td>1.5</td><td>1 June 2025</td></tr></table>';
    expect(dates(table).lastUpdated).toBe('2026-03-09');
  });

  it.each([
    ['a law amended on a date', '<p>Under the Data Protection Act, as amended on 1 January 2021.</p>'],
    ['a date without a day', '<p>Last amended: January 2026</p>'],
    ['another change reported in a sentence', '<p>We changed our delivery partner on 1 March 2026 to reach more villages.</p>'],
    ['an offer valid between two dates', '<p>Offer valid from 1 June 2026 to 30 June 2026 on all plans.</p>'],
    ['a list of earlier versions', '<h2>Previous versions</h2><p>Amended on 3 March 2024</p><p>Amended on 9 June 2022</p>'],
    ['a table of records and their dates', '<table><tr><th>Record</th><th>Last modified</th></tr><tr><td>Invoices</td><td>2 March 2026</td></tr></table>'],
    ['a negated revision', '<p>Not amended since 2 March 2020.</p>'],
  ])('reads no date line from %s', (_kind, html) => {
    expect(dates(html)).toMatchObject({ effectiveDate: null, lastUpdated: null });
  });

  it('leaves an announced date in force to upcomingEffectiveDate', () => {
    expect(dates('<p>This version will apply from 2 February 2027.</p>')).toEqual({
      effectiveDate: null, lastUpdated: null, upcomingEffectiveDate: '2027-02-02',
    });
  });
});

describe('pageNumericOrder()', () => {
  it('keeps the order the language tag gives', () => {
    expect(pageNumericOrder('on 21/03/2025', 'mdy')).toBe('mdy');
  });

  it('learns the order from a date the page writes unambiguously', () => {
    expect(pageNumericOrder('Updated 04/05/2026. Orders before 21/03/2025 are archived.', null)).toBe('dmy');
    expect(pageNumericOrder('Updated 04/05/2026. Orders before 03/21/2025 are archived.', null)).toBe('mdy');
  });

  it('says nothing when every date is ambiguous or the page writes both ways', () => {
    expect(pageNumericOrder('Updated 04/05/2026.', null)).toBeNull();
    expect(pageNumericOrder('21/03/2025 and 03/21/2025', null)).toBeNull();
  });

  it('lets a bare "en" page read its ambiguous "Last updated" date in its own order', () => {
    const html = '<html lang="en"><body><main><h1>Privacy</h1><p>Last updated: 04/05/2026</p><p>Accounts opened before 21/03/2025 keep their old plan.</p></main></body></html>';
    expect(extractFacts(html).document.facts.lastUpdated).toBe('2026-05-04');
  });
});
