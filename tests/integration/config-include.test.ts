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
    expect(errorOf({ include: ['Acme.json'], sources: [{ id: 'acme-privacy-policy', url: 'https://other.example/', kind: 'privacy-policy' }] }))
      .toMatch(/sources\[0\]\.id: duplicate source id "acme-privacy-policy" \(first at Acme\.json: terms\["Privacy Policy"\]\)/);
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

  it('names the declaration file and field of an error inside it', () => {
    write('decl/Acme.json', { name: 'Acme', terms: { 'Privacy Policy': { fetch: 'https://acme.example/p', select: 'main', remove: ['nav', 'div[role='] } } });
    expect(errorOf({ include: ['decl'] })).toMatch(new RegExp(`invalid config ${dir.file('decl/Acme.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: terms\\["Privacy Policy"\\]\\.remove\\[1\\]: invalid CSS selector "div\\[role="`));
    write('empty/README.md', 'nothing here');
    expect(errorOf({ include: ['empty'] })).toMatch(/include\[0\]: the folder .*empty holds no \.json declarations/);
    write('bad.json', '{ "name": "Acme", "terms": ');
    expect(errorOf({ include: ['bad.json'] })).toMatch(/bad\.json: not valid JSON/);
  });

  it('finds a shipped pack by name wherever policy-watch is installed', () => {
    const config = load({ include: ['builtin:linkedin'] });
    expect(config.sources.map((s) => s.id)).toContain('linkedin-privacy-policy');
    expect(errorOf({ include: ['builtin:nope'] })).toMatch(/include\[0\]: no built-in pack "nope" \(built-in: builtin:linkedin, builtin:meta\)/);
  });
});
