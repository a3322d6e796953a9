import { describe, expect, it } from 'vitest';
import { numericOrderOf, parseDates } from '../../src/extract/parse-dates.js';
import { extractFacts } from '../../src/extract/extract-facts.js';

const isoOf = (text: string, languages: Array<'en' | 'fr'> = ['en'], order: 'dmy' | 'mdy' | null = null) =>
  parseDates(text, languages, order).map((d) => d.iso);

describe('parseDates()', () => {
  it.each([
    ['Updated: 4 May 2026', '2026-05-04'],
    ['Last Update: Mar 2, 2026', '2026-03-02'],
    ['Effective Date: 2025-11-03', '2025-11-03'],
    ['Version date: 2 Apr 2026', '2026-04-02'],
    ['Jan 06, 2026', '2026-01-06'],
    ['Sept. 18, 2025', '2025-09-18'],
  ])('reads "%s" in English as %s', (text, iso) => {
    expect(isoOf(text)).toEqual([iso]);
  });

  it.each([
    ['Entrée en vigueur : 3 novembre 2025', '2025-11-03'],
    ['À compter du : 1er mai 2024', '2024-05-01'],
    ['mercredi 11 août 2020', '2020-08-11'],
  ])('reads "%s" in French as %s', (text, iso) => {
    expect(isoOf(text, ['fr'], 'dmy')).toEqual([iso]);
  });

  it('finds a date whose year is glued to the next element ("2026Archive") at its place in the text', () => {
    const [date] = parseDates('Effective May 4, 2026Archive', ['en'], null);
    expect(date?.iso).toBe('2026-05-04');
    expect('Effective May 4, 2026Archive'.slice(date!.index, date!.end)).toBe('May 4, 2026');
  });

  it('never guesses a year, a day, or a relative date', () => {
    expect(isoOf('Effective May 4')).toEqual([]);
    expect(isoOf('Updated July 2026')).toEqual([]);
    expect(isoOf('Last updated 2 weeks ago, in 2026')).toEqual([]);
    expect(isoOf('Mise à jour il y a 3 semaines (2026)', ['fr'], 'dmy')).toEqual([]);
  });

  it('reads numeric dates in the order of the page and leaves an ambiguous one without a cue', () => {
    expect(isoOf('04/05/2026', ['en'], 'mdy')).toEqual(['2026-04-05']);
    expect(isoOf('04/05/2026', ['en'], 'dmy')).toEqual(['2026-05-04']);
    expect(isoOf('04/05/2026', ['en'], null)).toEqual([]);
    expect(isoOf('22/10/2025', ['en'], null)).toEqual(['2025-10-22']);
  });
});

describe('numericOrderOf()', () => {
  it('is month first for en-US, day first for French and en-GB, unknown for a bare "en"', () => {
    expect(numericOrderOf('en-US', 'en')).toBe('mdy');
    expect(numericOrderOf('en-GB', 'en')).toBe('dmy');
    expect(numericOrderOf('fr-FR', 'fr')).toBe('dmy');
    expect(numericOrderOf(null, 'fr')).toBe('dmy');
    expect(numericOrderOf('en', 'en')).toBeNull();
  });
});

describe('extractFacts() date lines in other words', () => {
  const facts = (lang: string, main: string) =>
    extractFacts(`<html lang="${lang}"><body><main><h1>Privacy</h1>${main}<p>We describe how we handle the data of our users here.</p></main></body></html>`).document.facts;

  it('reads "Last Revised", "Version date" and "Version en date du" as the last update', () => {
    expect(facts('en', '<p>Last Revised: January 6, 2026</p>').lastUpdated).toBe('2026-01-06');
    expect(facts('en', '<p>Version date: 2 Apr 2026</p>').lastUpdated).toBe('2026-04-02');
    expect(facts('fr', '<p>Version en date du 22/10/2025</p>').lastUpdated).toBe('2025-10-22');
  });

  it('reads "Prise d\'effet", "Date d\'effet" and "À compter du" as the date in force', () => {
    expect(facts('fr', '<p>Prise d\'effet le 25 juin 2025</p>').effectiveDate).toBe('2025-06-25');
    expect(facts('fr', '<p>Date d\'effet : 3 mars 2024</p>').effectiveDate).toBe('2024-03-03');
    expect(facts('fr', '<p>À compter du 11 décembre 2025 | Versions archivées</p>').effectiveDate).toBe('2025-12-11');
  });

  it('reads a numeric update date by the page locale, and none when the locale gives no order', () => {
    expect(facts('en-US', '<p>Last updated: 04/05/2026</p>').lastUpdated).toBe('2026-04-05');
    expect(facts('en-GB', '<p>Last updated: 04/05/2026</p>').lastUpdated).toBe('2026-05-04');
    expect(facts('en', '<p>Last updated: 04/05/2026</p>').lastUpdated).toBeNull();
  });

  it('reads a <time> in an "Effective:" line as the date in force, not as a publication date', () => {
    const f = facts('en', '<p><strong>Effective:</strong> <time>Feb 12, 2026</time></p>');
    expect(f.effectiveDate).toBe('2026-02-12');
    expect(f.publishedDate).toBeNull();
  });

  it('takes the latest entry of a change log as the last update', () => {
    const f = facts('en', '<h2>Changes to this policy</h2><p>March 1, 2024</p><ul><li>First version.</li></ul><p>June 9, 2025</p><ul><li>New section on ads.</li></ul>');
    expect(f.lastUpdated).toBe('2025-06-09');
  });
});
