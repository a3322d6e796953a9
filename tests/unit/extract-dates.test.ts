import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/extract/dates/find-dates.js';
import { extractFacts } from '../../src/extract/extract-facts.js';

const both = ['en', 'fr'] as const;
const facts = (main: string, options: Parameters<typeof extractFacts>[1] = {}, outside = '') =>
  extractFacts(`<html lang="en"><body>${outside}<main>${main}</main><footer>© 2025 LinkedIn Corporation</footer></body></html>`, options).document.facts;

describe('parseDate()', () => {
  it.each([
    ['November 3, 2025', '2025-11-03'],
    ['Nov. 3, 2025', '2025-11-03'],
    ['November 3rd, 2025', '2025-11-03'],
    ['Monday, November 3, 2025', '2025-11-03'],
    ['3 November 2025', '2025-11-03'],
    ['3 novembre 2025', '2025-11-03'],
    ['mercredi 11 août 2020', '2020-08-11'],
    ['1er octobre 2020', '2020-10-01'],
    ['le 20 novembre 2024', '2024-11-20'],
    ['2025-11-03', '2025-11-03'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(parseDate(text, both)).toBe(iso);
  });

  it.each(['2 weeks ago', '© 2025', 'November 2025', 'February 30, 2025', 'il y a 3 jours'])('finds no date in "%s"', (text) => {
    expect(parseDate(text, both)).toBeNull();
  });
});

describe('extractFacts() dates', () => {
  it('reads the date in force from an "Effective" line under the title', () => {
    expect(facts('<h1>Privacy Policy</h1><p><em>Effective on November 20, 2024</em></p>').effectiveDate).toBe('2024-11-20');
  });

  it('reads "effective October 1, 2020" inside a sentence about the document', () => {
    expect(facts('<h1>Terms</h1><p>This agreement is effective October 1, 2020.</p>').effectiveDate).toBe('2020-10-01');
  });

  it('reads French "Entrée en vigueur le ..." lines', () => {
    const html = '<html lang="fr"><body><main><h1>Politique</h1><p>Entrée en vigueur le mercredi 11 août 2020</p></main></body></html>';
    expect(extractFacts(html).document.facts.effectiveDate).toBe('2020-08-11');
  });

  it('never takes a date from a copyright line', () => {
    const f = facts('<h1>Cookie table</h1><p>© 2025 LinkedIn Corporation. Reviewed in 2025.</p>');
    expect([f.effectiveDate, f.upcomingEffectiveDate, f.publishedDate, f.lastUpdated]).toEqual([null, null, null, null]);
  });

  it('reads an absolute "Last updated" date but not a relative one', () => {
    expect(facts('<h1>Help</h1><p>Last updated: March 4, 2025</p>').lastUpdated).toBe('2025-03-04');
    expect(facts('<h1>Help</h1><p>Last updated: 2 weeks ago</p>').lastUpdated).toBeNull();
    expect(facts('<h1>Aide</h1><p>Dernière mise à jour : il y a 2 semaines</p>').lastUpdated).toBeNull();
  });

  it('reads an announced date from a banner outside main as upcoming', () => {
    const f = facts('<h1>Privacy Policy</h1><p>Effective November 20, 2024</p>', {},
      '<div class="banner"><p>We’re updating our User Agreement and Privacy Policy on November 3, 2025.</p></div>');
    expect(f.effectiveDate).toBe('2024-11-20');
    expect(f.upcomingEffectiveDate).toBe('2025-11-03');
  });

  it('picks the future date, not the past one, when both are announced side by side', () => {
    const f = facts('<h1>Terms</h1><p>We updated our terms on November 20, 2024, and we will update them again on November 3, 2025.</p>');
    expect(f.upcomingEffectiveDate).toBe('2025-11-03');
  });

  it('reads "On November 3, 2025, we are updating this notice" as upcoming', () => {
    expect(facts('<h1>Notice</h1><p>On November 3, 2025, we are updating this notice.</p>').upcomingEffectiveDate).toBe('2025-11-03');
  });

  it('does not report an announced date that is already the date in force', () => {
    const f = facts('<h1>Privacy Policy</h1><p>Effective November 3, 2025</p><p>We’re updating our terms on November 3, 2025.</p>');
    expect(f.effectiveDate).toBe('2025-11-03');
    expect(f.upcomingEffectiveDate).toBeNull();
  });

  it('reads a blog post date from its <time> element', () => {
    const html = '<html><body><main><article><header><h1>News</h1><time datetime="2025-09-18">September 18, 2025</time></header><p>Body text of the post, long enough.</p></article></main></body></html>';
    expect(extractFacts(html, { kind: 'blog-post' }).document.facts.publishedDate).toBe('2025-09-18');
  });

  it('reads "Publié le 18 septembre 2025" as the published date', () => {
    const html = '<html lang="fr"><body><main><h1>Actualité</h1><p>Publié le 18 septembre 2025</p><p>Texte de l’article.</p></main></body></html>';
    expect(extractFacts(html).document.facts.publishedDate).toBe('2025-09-18');
  });
});
