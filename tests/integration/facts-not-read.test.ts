import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { runCli } from '../helpers/run-cli.js';
import { FAST_FETCH, tempDir, writeConfig, type TempDir } from '../helpers/test-config.js';
import { openDatabase } from '../../src/store/open-database.js';
import { startServer } from '../../src/api/start-server.js';

const GERMAN_PAGE = readFileSync(new URL('../fixtures/pages/other-languages/datenschutz-de.html', import.meta.url), 'utf8');

let site: LocalSite;
let dir: TempDir;

beforeEach(async () => {
  site = await startLocalSite({ '/datenschutz': GERMAN_PAGE });
  dir = tempDir();
  writeConfig(dir, { fetch: FAST_FETCH, sources: [{ id: 'beispiel-datenschutz', url: site.at('/datenschutz'), kind: 'privacy-policy' }] });
});
afterEach(async () => {
  await site.close();
  dir.remove();
});

describe('a watched page in a language the readers do not know', () => {
  it('is said to have its facts not read, by check, sources and the web page', async () => {
    const check = await runCli(['check'], { cwd: dir.path });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/new\s+beispiel-datenschutz .*\(facts not read: page language de\)/);

    const sources = await runCli(['sources'], { cwd: dir.path });
    expect(sources.stdout).toMatch(/beispiel-datenschutz .*facts not read: page language de/);
    const json = await runCli(['sources', '--json'], { cwd: dir.path });
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ id: 'beispiel-datenschutz', language: 'de', factCount: 0 });

    const db = openDatabase(dir.file('test.db'));
    const server = await startServer(db, { host: '127.0.0.1', port: 0, token: null, publicUrl: '' });
    try {
      const $ = load(await (await fetch(`${server.url}/sources/beispiel-datenschutz`)).text());
      expect($('main, body').first().text()).toContain('facts not read: page language de');
    } finally {
      await server.close();
      db.$client.close();
    }
  });
});
