import { describe, expect, it } from 'vitest';
import { isOtaDeclaration, otaDeclarationSources, otaKind, slugify } from '../../src/config/ota-declaration.js';

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

  it('renders the pages whose scripts OTA runs, without a warning', () => {
    const { sources, warnings } = otaDeclarationSources({
      name: 'Acme',
      terms: {
        'Privacy Policy': { fetch: 'https://acme.example/p', select: 'main', executeClientScripts: true },
        'Terms of Service': { fetch: 'https://acme.example/t', executeClientScripts: false },
        'Trackers Policy': { executeClientScripts: true, combine: [{ fetch: 'https://acme.example/c/1' }, { fetch: 'https://acme.example/c/2', executeClientScripts: false }] },
      },
    }, 'Acme', 'Acme.json');
    expect(sources.map((s) => [s.id, s.render])).toEqual([
      ['acme-privacy-policy', true],
      ['acme-terms-of-service', undefined],
      ['acme-trackers-policy-1', true],
      ['acme-trackers-policy-2', undefined],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns once per source about filter functions and unknown keys, never silently', () => {
    const { sources, warnings } = otaDeclarationSources({
      name: 'Acme',
      terms: {
        'Privacy Policy': { fetch: 'https://acme.example/p', select: 'main', filter: ['removeSessionIds', { name: 'removeParams', params: ['x'] }] },
        'Imprint': { fetch: 'https://acme.example/imprint', select: 'main', language: 'de' },
        'Trackers Policy': { filter: ['shared'], combine: [{ fetch: 'https://acme.example/c/1' }, { fetch: 'https://acme.example/c/2', filter: ['f'] }] },
      },
    }, 'Acme', 'Acme.json');
    expect(sources).toHaveLength(4);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/^Acme\.json: terms\["Privacy Policy"\] \(source acme-privacy-policy\): not supported: filter removeSessionIds, removeParams /);
    expect(warnings[1]).toMatch(/terms\["Imprint"\] \(source acme-imprint\): not supported: unknown key "language" ignored/);
    expect(warnings[2]).toMatch(/combine\[0\] \(source acme-trackers-policy-1\): not supported: filter shared /);
    expect(warnings[3]).toMatch(/combine\[1\] \(source acme-trackers-policy-2\): not supported: filter f /);
  });

  it('accepts the removeQueryParams filter silently, and names the other filters written with parameters', () => {
    const { sources, warnings } = otaDeclarationSources({
      name: 'AdNet',
      terms: {
        'Privacy Policy': { fetch: 'https://adnet.example/privacy', filter: [{ removeQueryParams: ['utm_source', 'utm_medium'] }] },
        'Terms of Service': { fetch: 'https://adnet.example/terms', filter: [{ removeQueryParams: ['ref'] }, { removeElementsAfter: '#end' }, 'cleanDates'] },
      },
    }, 'AdNet', 'AdNet.json');
    expect(sources.map((s) => s.id)).toEqual(['adnet-privacy-policy', 'adnet-terms-of-service']);
    expect(warnings).toEqual([expect.stringMatching(/terms\["Terms of Service"\] \(source adnet-terms-of-service\): not supported: filter removeElementsAfter, cleanDates \(/)]);
  });

  it('skips a terms type it cannot use, naming it and the reason, and keeps the others', () => {
    const { sources, skipped, warnings } = otaDeclarationSources({
      name: 'Acme',
      terms: {
        'Privacy Policy': { fetch: 'https://acme.example/p', select: 'div[data-section="privacy"' },
        'Terms of Service': { fetch: 'https://acme.example/t', select: 'main' },
        'Cookie Policy': { fetch: 'ftp://acme.example/c' },
        'Imprint': { select: 'main' },
        'Copyright Policy': { combine: [{ fetch: 'https://acme.example/c1' }, { fetch: 'https://acme.example/c2', remove: [{ startBefore: '#a' }] }] },
      },
    }, 'Acme', 'declarations/Acme.json');
    expect(sources.map((s) => s.id)).toEqual(['acme-terms-of-service']);
    expect(skipped.map((s) => s.terms)).toEqual(['Privacy Policy', 'Cookie Policy', 'Imprint', 'Copyright Policy']);
    expect(skipped[0]!.reason).toMatch(/^select: invalid CSS selector "div\[data-section="privacy"": /);
    expect(skipped[1]!.reason).toBe('fetch: expected an http(s) URL');
    expect(skipped[2]!.reason).toBe('expected either "fetch" (one page) or "combine" (a list of pages)');
    expect(skipped[3]!.reason).toMatch(/^combine\[1\]\.remove\[0\]: a range selector takes exactly one/);
    expect(warnings[0]).toMatch(/^declarations\/Acme\.json: terms type "Privacy Policy" skipped: select: invalid CSS selector/);
    expect(warnings).toHaveLength(4);
  });

  it('skips a whole declaration without a name or terms, saying why', () => {
    const skippedOf = (value: unknown) => {
      const result = otaDeclarationSources(value, 'Acme', 'Acme.json');
      expect(result.sources).toEqual([]);
      expect(result.warnings).toEqual([expect.stringMatching(/^Acme\.json: declaration skipped: /)]);
      return result.skipped.map((s) => [s.terms, s.reason]);
    };
    expect(skippedOf({ terms: {} })).toEqual([[null, 'name: expected the service name']]);
    expect(skippedOf({ name: 'Acme' })).toEqual([[null, 'terms: expected the service\'s terms: {"Privacy Policy": {"fetch": ...}}']]);
    expect(skippedOf({ name: 'Acme', terms: {} })).toEqual([[null, 'no terms types in "terms"']]);
    expect(skippedOf([1, 2])).toEqual([[null, expect.stringMatching(/^not a declaration: /)]]);
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
