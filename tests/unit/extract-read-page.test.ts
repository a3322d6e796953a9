import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/read-page.js';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../fixtures/pages', `${name}.html`), 'utf8');

const page = (body: string, head = '<title>Doc | LinkedIn</title>'): string =>
  `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

describe('readPage()', () => {
  const policy = fixture('linkedin-privacy-policy/2025-11-03');

  it('gives identical text when only the nonces change', () => {
    const reloaded = policy.replace(/nonce="[^"]*"/g, 'nonce="0f9e8d7c6b5a"');
    expect(reloaded).not.toBe(policy);
    expect(readPage(reloaded).text).toBe(readPage(policy).text);
  });

  it('gives identical text when only tracking parameters change', () => {
    const reloaded = policy.replace(/trk=[^&"]*/g, 'trk=another_campaign').replace(/trackingId=[^&"]*/g, 'trackingId=XYZ');
    expect(reloaded).not.toBe(policy);
    expect(readPage(reloaded).text).toBe(readPage(policy).text);
  });

  it('gives identical text when only the footer changes', () => {
    const reloaded = policy.replace('© 2025 LinkedIn Corporation', '© 2026 LinkedIn Corporation').replace('Accessibility', 'Accessibility Center');
    expect(reloaded).not.toBe(policy);
    expect(readPage(reloaded).text).toBe(readPage(policy).text);
  });

  it('gives different text when a sentence of the policy changes', () => {
    const edited = policy.replace('the United Kingdom, Canada and Hong Kong', 'the United Kingdom and Canada');
    expect(readPage(edited).text).not.toBe(readPage(policy).text);
  });

  it('puts an announcement banner found outside main on the first line', () => {
    const text = readPage(fixture('linkedin-privacy-policy/2025-09-22-announcement')).text;
    expect(text.split('\n')[0]).toMatch(/^We're updating our User Agreement and Privacy Policy on November 3, 2025/);
  });

  it('writes one line per heading, paragraph, list item and table row', () => {
    const { text } = readPage(page(`<main><h1>Title</h1><p>First   paragraph
      over two lines.</p><ul><li>one</li><li>two <b>bold</b></li></ul>
      <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table></main>`));
    expect(text).toBe('Title\nFirst paragraph over two lines.\n- one\n- two bold\nA | B\n1 | 2');
  });

  it('leaves out scripts, styles, navigation, footers, cookie banners and language pickers inside main', () => {
    const { text } = readPage(page(`<main><nav>Home Jobs</nav><h1>Policy</h1><script>var a = 1;</script>
      <style>p{}</style><div class="cookie-banner">We use cookies</div><p>Real text of the policy page.</p>
      <ul class="language-selector__list"><li><a lang="fr">Français</a></li></ul><footer>© 2025</footer></main>`));
    expect(text).toBe('Policy\nReal text of the policy page.');
  });

  it('strips tracking parameters from URLs written in the text', () => {
    const { text } = readPage(page('<main><p>See https://www.linkedin.com/help?lang=en&trk=abc&lipi=urn%3Ax for more about this page.</p></main>'));
    expect(text).toBe('See https://www.linkedin.com/help?lang=en for more about this page.');
  });

  it('falls back to the body without header, nav and footer when there is no main', () => {
    const read = readPage(page('<header>Site header</header><h1>Plain page</h1><p>Converted from another archive, with enough words to count as real content.</p><footer>Footer</footer>'));
    expect(read.text).toBe('Plain page\nConverted from another archive, with enough words to count as real content.');
    expect(read.mainFound).toBe(true);
  });

  it('reports mainFound false when the configured selector matches nothing', () => {
    const read = readPage(page('<main><h1>Policy</h1><p>Some real text in the main element of the page.</p></main>'), { select: '#legal-content' });
    expect(read.mainFound).toBe(false);
    expect(read.text).toContain('Some real text');
  });

  it('uses the selector when given', () => {
    const read = readPage(page('<main><div id="a"><p>Only this part of the page, which is long enough to count as the main content of it.</p></div><p>Not this part.</p></main>'), { select: '#a' });
    expect(read.text).toBe('Only this part of the page, which is long enough to count as the main content of it.');
    expect(read.mainFound).toBe(true);
  });

  it('reads the title from the H1, else from <title>, and the html lang as given', () => {
    expect(readPage(page('<main><h1> Privacy  Policy </h1><p>Text long enough to be real content of a page.</p></main>')).title).toBe('Privacy Policy');
    expect(readPage(page('<main><p>Text long enough to be real content of a page without heading.</p></main>')).title).toBe('Doc | LinkedIn');
    expect(readPage('<html lang="fr-FR"><body><p>x</p></body></html>').htmlLang).toBe('fr-FR');
  });
});
