import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { tempDir, FAST_FETCH, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';

/** Someone else's folder of Open Terms Archive declarations, watched as a user would: validate, then check. */

const page = (title: string, body: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body>
  <header><a href="/">Home</a></header>${body}<footer>© 2026</footer></body></html>`;
const paragraph = (topic: string) => `<p>This section explains how we handle ${topic} for the people who use our service, and what they can do about it.</p>`;

describe('a folder of OTA declarations mixing usable and unusable ones', () => {
  let site: LocalSite;
  let dir: TempDir;

  beforeEach(async () => {
    site = await startLocalSite({
      '/adnet/privacy': page('AdNet Privacy', `<main><h1>AdNet Privacy Policy</h1><p>Last updated: March 2, 2026</p>${paragraph('advertising data')}</main>`),
      '/bolt/legal': page('Bolt legal', `<div id="privacy"><h2>Privacy Policy</h2>${paragraph('personal data')}</div><div id="cookies"><h2>Cookie Policy</h2>${paragraph('cookies')}</div>`),
      '/crate/legal': page('Crate legal', `<main><h1>Crate Privacy and Cookies</h1>${paragraph('personal data and cookies')}</main>`),
    });
    dir = tempDir('policy-watch-ota-');
    const declare = (name: string, value: unknown) => writeFileSync(dir.file(`declarations/${name}`), typeof value === 'string' ? value : JSON.stringify(value));
    mkdirSync(dir.file('declarations'));
    declare('AdNet.json', { name: 'AdNet', terms: {
      'Privacy Policy': { fetch: site.at('/adnet/privacy'), select: 'main', filter: [{ removeQueryParams: ['utm_source', 'utm_medium'] }] },
    } });
    declare('Bolt.json', { name: 'Bolt', terms: {
      'Privacy Policy': { fetch: site.at('/bolt/legal'), select: '#privacy' },
      'Trackers Policy': { fetch: site.at('/bolt/legal'), select: '#cookies' },
      'Terms of Service': { fetch: site.at('/bolt/terms'), select: 'div[data-terms' },
    } });
    declare('Crate.json', { name: 'Crate', terms: {
      'Privacy Policy': { fetch: site.at('/crate/legal') },
      'Trackers Policy': { fetch: site.at('/crate/legal') },
    } });
    declare('Dune.json', '{ "name": "Dune", "terms": { "Privacy Policy": ');
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({ database: 'test.db', fetch: FAST_FETCH, include: ['declarations'] }));
  });
  afterEach(async () => {
    await site.close();
    dir.remove();
  });

  it('validates with exit 0, listing what it loaded and what it skipped', async () => {
    const result = await runCli(['validate'], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok, 4 sources, 0 channels, 3 warnings; 4 sources from 3 declarations; 3 terms skipped: declarations\/Bolt\.json "Terms of Service", declarations\/Dune\.json \(whole declaration\), declarations\/Crate\.json "Trackers Policy"\n$/);
    expect(result.stderr).toMatch(/Bolt\.json: terms type "Terms of Service" skipped: select: invalid CSS selector "div\[data-terms"/);
    expect(result.stderr).toMatch(/Dune\.json: declaration skipped: not valid JSON/);
    expect(result.stderr).toMatch(/Crate\.json: terms type "Trackers Policy" skipped: same page and filters as "crate-privacy-policy"/);
    expect(result.stderr).not.toMatch(/AdNet/);
  });

  it('checks every usable source, two documents of one page included', async () => {
    const result = await runCli(['check'], { cwd: dir.path });
    expect(result.code).toBe(0);
    for (const id of ['adnet-privacy-policy', 'bolt-privacy-policy', 'bolt-trackers-policy', 'crate-privacy-policy']) {
      expect(result.stdout).toMatch(new RegExp(`^new\\s+${id}\\b`, 'm'));
    }
    expect(result.stdout.trim().split('\n').at(-1)).toBe('4 sources: 4 new, 0 changed, 0 unchanged, 0 blocked, 0 error');
    expect(site.hits.get('/bolt/terms')).toBeUndefined();
    const facts = await runCli(['facts', '--json', '--source', 'adnet-privacy-policy'], { cwd: dir.path });
    expect(JSON.parse(facts.stdout)).toEqual([expect.objectContaining({ sourceId: 'adnet-privacy-policy', title: 'AdNet Privacy Policy' })]);
  });
});
