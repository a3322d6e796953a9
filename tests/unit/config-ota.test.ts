import { describe, expect, it } from 'vitest';
import { isOtaDeclaration, otaDeclarationSources, otaKind, slugify } from '../../src/config/ota-declaration.js';
import { UsageError } from '../../src/domain/errors.js';

/** Open Terms Archive declarations turned into sources (no disk: the parsed JSON is given). */
describe('an Open Terms Archive declaration', () => {
  const declaration = {
    name: 'Acme Cloud',
    terms: {
      'Privacy Policy': {
        fetch: 'https://acme.example/legal/privacy',
        select: ['#privacy', { startBefore: '#eea', endBefore: 'footer' }],
        remove: '.print-button, .go-to-top',
      },
      'Terms of Service': { fetch: 'https://acme.example/legal/terms', select: 'main', remove: { startAfter: '#us-only', endBefore: '#eu' } },
      'Law Enforcement Guidelines': { fetch: 'https://acme.example/legal/le.pdf' },
    },
  };

  it('gives one source per terms type, with an id from the service and the type, a kind and a name', () => {
    const { sources, warnings } = otaDeclarationSources(declaration, 'Acme Cloud', 'declarations/Acme Cloud.json');
    expect(sources.map((s) => [s.id, s.kind, s.name, s.url])).toEqual([
      ['acme-cloud-privacy-policy', 'privacy-policy', 'Acme Cloud Privacy Policy', 'https://acme.example/legal/privacy'],
      ['acme-cloud-terms-of-service', 'user-agreement', 'Acme Cloud Terms of Service', 'https://acme.example/legal/terms'],
      ['acme-cloud-law-enforcement-guidelines', 'other-policy', 'Acme Cloud Law Enforcement Guidelines', 'https://acme.example/legal/le.pdf'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps select as written and makes remove a list, range selectors included', () => {
    const [privacy, terms, pdf] = otaDeclarationSources(declaration, 'Acme Cloud', 'x.json').sources;
    expect(privacy!.select).toEqual(['#privacy', { startBefore: '#eea', endBefore: 'footer' }]);
    expect(privacy!.remove).toEqual(['.print-button, .go-to-top']);
    expect(terms!.select).toBe('main');
    expect(terms!.remove).toEqual([{ startAfter: '#us-only', endBefore: '#eu' }]);
    expect(pdf!.select).toBeUndefined();
    expect(pdf!.remove).toBeUndefined();
  });

  it('makes one source per page of a combined document, each with the shared filters unless it has its own', () => {
    const { sources } = otaDeclarationSources({
      name: 'Acme',
      terms: {
        'Community Guidelines': {
          select: 'article', remove: ['.share'],
          combine: [
            { fetch: 'https://acme.example/rules/hate-speech' },
            { fetch: 'https://acme.example/rules/spam.html', select: '#rules' },
            { fetch: 'https://acme.example/other/spam' },
          ],
        },
      },
    }, 'Acme', 'Acme.json');
    expect(sources.map((s) => [s.id, s.select, s.remove, s.name])).toEqual([
      ['acme-community-guidelines-hate-speech', 'article', ['.share'], 'Acme Community Guidelines (page 1 of 3)'],
      // Two pages end in "spam": their positions tell them apart.
      ['acme-community-guidelines-2', '#rules', ['.share'], 'Acme Community Guidelines (page 2 of 3)'],
      ['acme-community-guidelines-3', 'article', ['.share'], 'Acme Community Guidelines (page 3 of 3)'],
    ]);
  });

  it('warns once per source about client scripts, filter functions and unknown keys, never silently', () => {
    const { sources, warnings } = otaDeclarationSources({
      name: 'Acme',
      terms: {
        'Privacy Policy': { fetch: 'https://acme.example/p', select: 'main', executeClientScripts: true, filter: ['removeSessionIds', { name: 'removeParams', params: ['x'] }] },
        'Imprint': { fetch: 'https://acme.example/imprint', select: 'main', language: 'de' },
        'Trackers Policy': { executeClientScripts: true, combine: [{ fetch: 'https://acme.example/c/1' }, { fetch: 'https://acme.example/c/2', filter: ['f'] }] },
      },
    }, 'Acme', 'Acme.json');
    expect(sources).toHaveLength(4);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/^Acme\.json: terms\["Privacy Policy"\] \(source acme-privacy-policy\): not supported: executeClientScripts .*; filter removeSessionIds, removeParams /);
    expect(warnings[1]).toMatch(/terms\["Imprint"\] \(source acme-imprint\): not supported: unknown key "language" ignored/);
    expect(warnings[2]).toMatch(/combine\[0\] \(source acme-trackers-policy-1\): not supported: executeClientScripts/);
    expect(warnings[3]).toMatch(/combine\[1\] \(source acme-trackers-policy-2\): not supported: executeClientScripts .*; filter f /);
  });

  it('names the file and the field of what is wrong', () => {
    const error = (value: unknown) => {
      try {
        otaDeclarationSources(value, 'Acme', 'declarations/Acme.json');
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(error({ name: 'Acme', terms: { 'Privacy Policy': { fetch: 'ftp://acme.example/p' } } })).toBe('invalid config declarations/Acme.json: terms["Privacy Policy"].fetch: expected an http(s) URL');
    expect(error({ name: 'Acme', terms: { 'Privacy Policy': { fetch: 'https://acme.example/p', select: 'div[' } } })).toMatch(/declarations\/Acme\.json: terms\["Privacy Policy"\]\.select: invalid CSS selector "div\["/);
    expect(error({ name: 'Acme', terms: { 'Privacy Policy': { fetch: 'https://acme.example/p', remove: [{ startBefore: '#a' }] } } })).toMatch(/terms\["Privacy Policy"\]\.remove\[0\]: a range selector takes exactly one/);
    expect(error({ name: 'Acme', terms: { 'Privacy Policy': { select: 'main' } } })).toMatch(/terms\["Privacy Policy"\]: expected either "fetch" \(one page\) or "combine"/);
    expect(error({ terms: {} })).toMatch(/name: /);
  });

  it('reads the older "documents" form too', () => {
    const { sources } = otaDeclarationSources({ name: 'Old', documents: { 'Terms of Service': { fetch: 'https://old.example/tos', select: 'main' } } }, 'Old', 'Old.json');
    expect(sources.map((s) => s.id)).toEqual(['old-terms-of-service']);
  });
});

describe('OTA terms types and names', () => {
  it('maps the terms types on the nearest kind, and guesses for types it does not list', () => {
    expect(otaKind('Privacy Policy')).toBe('privacy-policy');
    expect(otaKind('Trackers Policy')).toBe('privacy-policy');
    expect(otaKind('Terms of Service')).toBe('user-agreement');
    expect(otaKind('Acceptable Use Policy')).toBe('user-agreement');
    expect(otaKind('Imprint')).toBe('other-policy');
    expect(otaKind('Genetic Data Privacy Notice')).toBe('privacy-policy');
    expect(otaKind('Reseller Conditions')).toBe('user-agreement');
    expect(otaKind('Press Kit')).toBe('other-policy');
  });

  it('slugifies service ids with spaces, capitals and accents', () => {
    expect(slugify('Open Terms Archive')).toBe('open-terms-archive');
    expect(slugify('Société Générale')).toBe('societe-generale');
    expect(slugify('X (Twitter)')).toBe('x-twitter');
  });

  it('tells a declaration from a pack', () => {
    expect(isOtaDeclaration({ name: 'A', terms: {} })).toBe(true);
    expect(isOtaDeclaration({ name: 'A', documents: {} })).toBe(true);
    expect(isOtaDeclaration({ name: 'a', sources: [] })).toBe(false);
    expect(isOtaDeclaration([])).toBe(false);
  });
});
