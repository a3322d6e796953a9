import { describe, expect, it } from 'vitest';
import { tableRuns } from '../../src/extract/table-runs.js';
import { selfNames, isSelf } from '../../src/extract/self-names.js';
import { loadHtml } from '../../src/extract/load-html.js';
import { readLoadedPage } from '../../src/extract/read-page.js';

const blocksOf = (html: string) => readLoadedPage(loadHtml(`<html><body><main>${html}</main></body></html>`)).blocks;

describe('tableRuns()', () => {
  it('joins rows written one table each into one table with the first row as header', () => {
    const blocks = blocksOf('<p>Our uses of data:</p><table><tr><td>Purpose</td><td>Basis</td></tr></table><table><tr><td>Billing</td><td>Contract</td></tr></table><table><tr><td>Security</td><td>Legitimate interests</td></tr></table>');
    const runs = tableRuns(blocks);
    expect(runs.header.slice(1)).toEqual([1, 1, 1]);
    expect(runs.leadIn.slice(1)).toEqual([0, 0, 0]);
  });

  it('gives items written one list each the lead-in of the first, and keeps a nested list its own', () => {
    const blocks = blocksOf('<p>We use:</p><ul><li>your posts</li></ul><ul><li>your comments<ul><li>in groups</li></ul></li></ul>');
    const runs = tableRuns(blocks);
    expect(runs.leadIn.slice(1)).toEqual([0, 0, 2]);
  });
});

describe('selfNames()', () => {
  it('collects the site name, the end of the title, the host and the name the page defines for itself', () => {
    const $ = loadHtml('<html><head><title>Privacy Policy | Brightly</title><meta property="og:site_name" content="Brightly App"></head><body><main><p>Brightly Labs Ltd ("Brightly", "we") runs the app.</p></main></body></html>');
    const names = selfNames($, readLoadedPage($).blocks, 'https://help.brightly.example/privacy');
    expect(names).toEqual(expect.arrayContaining(['brightly', 'brightly app']));
    expect(isSelf('google', 'Google Gemini', names)).toBe(false);
    expect(isSelf('brightly', 'Brightly', names)).toBe(true);
  });
});
