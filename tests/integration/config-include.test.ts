import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { UsageError } from '../../src/domain/errors.js';

/** `include` with packs, OTA declaration files and folders, and shipped packs, read from disk. */
describe('include', () => {
  let dir: TempDir;
  beforeEach(() => { dir = tempDir('policy-watch-include-'); });
  afterEach(() => dir.remove());

  const write = (name: string, value: unknown) => {
    const path = dir.file(name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };
  const load = (config: Record<string, unknown>) => loadConfig({ configPath: write('policy-watch.config.json', config), env: {} });
  const errorOf = (config: Record<string, unknown>) => {
    try {
      load(config);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('reads a folder of OTA declarations, leaving out their history and filter files', () => {
    write('declarations/Acme.json', {
      name: 'Acme',
      terms: {
        'Privacy Policy': { fetch: 'https://acme.example/privacy', select: { startAfter: 'h1', endBefore: 'footer' }, filter: ['dropTimestamps'] },
        'Terms of Service': { combine: [{ fetch: 'https://acme.example/tos/general' }, { fetch: 'https://acme.example/tos/paid' }], select: 'main' },
      },
    });
    write('declarations/Bolt Mail.json', { name: 'Bolt Mail', terms: { 'Imprint': { fetch: 'https://bolt.example/imprint', select: '#imprint' } } });
    write('declarations/Acme.history.json', { 'Privacy Policy': [{ fetch: 'https://acme.example/old-privacy', validUntil: '2024-01-01T00:00:00Z' }] });
    write('declarations/Acme.filters.js', 'export function dropTimestamps(document) {}\n');
    const config = load({ include: ['declarations'] });
    expect(config.sources.map((s) => [s.id, s.kind, s.url])).toEqual([
      ['acme-privacy-policy', 'privacy-policy', 'https://acme.example/privacy'],
      ['acme-terms-of-service-general', 'user-agreement', 'https://acme.example/tos/general'],
      ['acme-terms-of-service-paid', 'user-agreement', 'https://acme.example/tos/paid'],
      ['bolt-mail-imprint', 'other-policy', 'https://bolt.example/imprint'],
    ]);
    expect(config.sources[0]!.select).toEqual([{ startAfter: 'h1', endBefore: 'footer' }]);
    expect(config.warnings).toEqual([expect.stringMatching(/Acme\.json: terms\["Privacy Policy"\] \(source acme-privacy-policy\): not supported: filter dropTimestamps/)]);
  });

  it('mixes a pack, a declaration file and the config\'s own sources, ids unique across them', () => {
    write('packs/mine.json', { sources: [{ id: 'mine-faq', url: 'https://mine.example/faq', kind: 'help-article', ignore: ['Viewed \\d+ times'] }] });
    write('Acme.json', { name: 'Acme', terms: { 'Privacy Policy': { fetch: 'https://acme.example/privacy', select: 'main' } } });
    const config = load({ include: ['packs/mine.json', 'Acme.json'], sources: [{ id: 'own', url: 'https://own.example/p', kind: 'privacy-policy', remove: ['.banner'] }] });
    expect(config.sources.map((s) => s.id)).toEqual(['mine-faq', 'acme-privacy-policy', 'own']);
    expect(config.sources[0]!.ignore).toEqual(['Viewed \\d+ times']);
    expect(config.warnings).toEqual([]);
    // Two of the user's own sources with one id still stop the config.
    expect(errorOf({ include: ['packs/mine.json'], sources: [{ id: 'mine-faq', url: 'https://other.example/', kind: 'privacy-policy' }] }))
      .toMatch(/sources\[0\]\.id: duplicate source id "mine-faq" \(first at packs\/mine\.json: sources\[0\]\)/);
  });

  it('refuses two sources on the same page, naming both ids, but allows two parts of one page', () => {
    write('packs/a.json', { sources: [{ id: 'acme-privacy', url: 'https://acme.example/privacy', kind: 'privacy-policy' }] });
    expect(errorOf({ include: ['packs/a.json'], sources: [{ id: 'my-acme', url: 'https://ACME.example/privacy#section-2', kind: 'privacy-policy' }] }))
      .toMatch(/sources\[0\]\.url: "my-acme" watches the same page as "acme-privacy" \(packs\/a\.json: sources\[0\]\)/);
    write('Acme.json', { name: 'Acme', terms: {
      'Privacy Policy': { fetch: 'https://acme.example/legal', select: { startBefore: '#privacy', endBefore: '#cookies' } },
      'Trackers Policy': { fetch: 'https://acme.example/legal', select: { startBefore: '#cookies', endBefore: 'footer' } },
    } });
    expect(load({ include: ['Acme.json'] }).sources.map((s) => s.id)).toEqual(['acme-privacy-policy', 'acme-trackers-policy']);
  });

  it('loads a folder of declarations mixing usable and unusable ones, skipping what it cannot use with one warning each', () => {
    write('declarations/AdNet.json', { name: 'AdNet', terms: {
      'Privacy Policy': { fetch: 'https://adnet.example/privacy', select: 'main', filter: [{ removeQueryParams: ['utm_source', 'utm_medium'] }] },
    } });
    write('declarations/Bolt.json', { name: 'Bolt', terms: {
      'Privacy Policy': { fetch: 'https://bolt.example/legal', select: '#privacy' },
      'Terms of Service': { fetch: 'https://bolt.example/terms', select: 'div[data-terms' },
    } });
    write('declarations/Crate.json', { name: 'Crate', terms: {
      'Privacy Policy': { fetch: 'https://crate.example/legal', select: 'main' },
      'Trackers Policy': { fetch: 'https://crate.example/legal', select: 'main' },
    } });
    write('declarations/Broken.json', '{ "name": "Broken", "terms": ');
    write('declarations/Nameless.json', { terms: { 'Privacy Policy': { fetch: 'https://nameless.example/p' } } });
    const config = load({ include: ['declarations'] });
    expect(config.sources.map((s) => s.id)).toEqual(['adnet-privacy-policy', 'bolt-privacy-policy', 'crate-privacy-policy']);
    const warnings = config.warnings!;
    expect(warnings).toHaveLength(4);
    expect(warnings.find((w) => w.includes('AdNet'))).toBeUndefined();
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/Bolt\.json: terms type "Terms of Service" skipped: select: invalid CSS selector "div\[data-terms"/),
      expect.stringMatching(/Crate\.json: terms type "Trackers Policy" skipped: same page and filters as "crate-privacy-policy" \(declarations\/Crate\.json: terms\["Privacy Policy"\]\)/),
      expect.stringMatching(/Broken\.json: declaration skipped: not valid JSON/),
      expect.stringMatching(/Nameless\.json: declaration skipped: name: expected the service name/),
    ]));
    expect(config.declarations).toEqual({
      loaded: 3,
      sources: 3,
      skipped: [
        { file: 'declarations/Bolt.json', terms: 'Terms of Service', reason: expect.stringMatching(/^select: invalid CSS selector/) },
        { file: 'declarations/Broken.json', terms: null, reason: expect.stringMatching(/^not valid JSON/) },
        { file: 'declarations/Nameless.json', terms: null, reason: 'name: expected the service name' },
        { file: 'declarations/Crate.json', terms: 'Trackers Policy', reason: expect.stringMatching(/^same page and filters as "crate-privacy-policy"/) },
      ],
    });
  });

  it('skips a declared source whose id is taken, but keeps the config\'s own sources and packs strict', () => {
    write('declarations/Acme.json', { name: 'Acme', terms: { 'Privacy Policy': { fetch: 'https://acme.example/p', select: 'main' } } });
    write('declarations/acme.json', { name: 'acme', terms: { 'Privacy Policy': { fetch: 'https://acme.example/other', select: 'main' } } });
    const config = load({ include: ['declarations'] });
    expect(config.sources.map((s) => s.url)).toEqual(['https://acme.example/p']);
    expect(config.warnings).toEqual([expect.stringMatching(/acme\.json: terms type "Privacy Policy" skipped: its source id "acme-privacy-policy" is taken \(by declarations\/Acme\.json: terms\["Privacy Policy"\]\)/)]);
    write('packs/mine.json', { sources: [{ id: 'mine', url: 'https://mine.example/', kind: 'privacy-policy', select: 'div[' }] });
    expect(errorOf({ include: ['declarations', 'packs/mine.json'] })).toMatch(/packs\/mine\.json: sources\[0\]\.select: invalid CSS selector "div\["/);
  });

  it('keeps the config\'s own source and skips the declaration when both watch the same page, whatever the order', () => {
    write('declarations/Acme.json', { name: 'Acme', terms: { 'Privacy Policy': { fetch: 'https://acme.example/p', select: 'main' } } });
    const config = load({ include: ['declarations'], sources: [{ id: 'mine', url: 'https://acme.example/p', kind: 'privacy-policy', select: 'main' }] });
    expect(config.sources.map((s) => s.id)).toEqual(['mine']);
    expect(config.warnings).toEqual([expect.stringMatching(/Acme\.json: terms type "Privacy Policy" skipped: same page and filters as "mine" \(sources\[0\]\)/)]);
    expect(config.declarations).toMatchObject({ loaded: 0, sources: 0, skipped: [{ file: 'declarations/Acme.json', terms: 'Privacy Policy' }] });
  });

  it('keeps the config\'s own source and skips a declared one that takes its id for another page', () => {
    write('declarations/Acme.json', { name: 'Acme', terms: { 'Privacy Policy': { fetch: 'https://acme.example/p', select: 'main' }, 'Terms of Service': { fetch: 'https://acme.example/t' } } });
    const config = load({ include: ['declarations'], sources: [{ id: 'acme-privacy-policy', url: 'https://acme.example/elsewhere', kind: 'privacy-policy' }] });
    expect(config.sources.map((s) => [s.id, s.url])).toEqual([
      ['acme-terms-of-service', 'https://acme.example/t'],
      ['acme-privacy-policy', 'https://acme.example/elsewhere'],
    ]);
    expect(config.warnings).toEqual([expect.stringMatching(/Acme\.json: terms type "Privacy Policy" skipped: its source id "acme-privacy-policy" is taken \(by sources\[0\]\)/)]);
  });

  it('refuses a file named in include that is not JSON, and an empty folder', () => {
    write('empty/README.md', 'nothing here');
    expect(errorOf({ include: ['empty'] })).toMatch(/include\[0\]: the folder .*empty holds no \.json declarations/);
    write('bad.json', '{ "name": "Acme", "terms": ');
    expect(errorOf({ include: ['bad.json'] })).toMatch(/bad\.json: not valid JSON/);
  });

  it('skips a declaration named in include that it cannot use, as in a folder', () => {
    write('Acme.json', { name: 'Acme', terms: { 'Privacy Policy': { fetch: 'https://acme.example/p', select: 'main', remove: ['nav', 'div[role='] } } });
    const config = load({ include: ['Acme.json'], sources: [{ id: 'own', url: 'https://own.example/', kind: 'privacy-policy' }] });
    expect(config.sources.map((s) => s.id)).toEqual(['own']);
    expect(config.warnings).toEqual([expect.stringMatching(/Acme\.json: terms type "Privacy Policy" skipped: remove\[1\]: invalid CSS selector "div\[role="/)]);
    expect(config.declarations).toMatchObject({ loaded: 0, sources: 0, skipped: [{ file: 'Acme.json', terms: 'Privacy Policy' }] });
  });

  it('finds a shipped pack by name wherever policy-watch is installed', () => {
    const config = load({ include: ['builtin:linkedin'] });
    expect(config.sources.map((s) => s.id)).toContain('linkedin-privacy-policy');
    expect(errorOf({ include: ['builtin:nope'] })).toMatch(/include\[0\]: no built-in pack "nope" \(built-in: builtin:linkedin, builtin:meta\)/);
  });
});
