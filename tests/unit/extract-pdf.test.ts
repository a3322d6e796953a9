import { describe, expect, it } from 'vitest';
import { isPdf, pdfTextToHtml, readBody, readPdf } from '../../src/extract/read-pdf.js';
import { extractFacts } from '../../src/extract/extract-facts.js';
import { makePdf } from '../helpers/make-pdf.js';

const PDF_LINES = [
  'Quillpost Privacy Notice',
  'Effective date: March 3, 2026',
  'We use the posts and comments of our users to train the generative AI',
  'models behind our writing assistant, unless you opt out.',
  'Private messages are not used to train these models.',
];

describe('pdfTextToHtml()', () => {
  it('makes the first short line the title, joins wrapped lines and keeps bulleted lines as items', () => {
    const html = pdfTextToHtml(['Terms\nYou may post drafts and\ncomments on Quillpost.\n- one item\n- another item\nLast line.'], 'Doc');
    expect(html).toContain('<title>Doc</title>');
    expect(html).toContain('<h1>Terms</h1>');
    expect(html).toContain('<p>You may post drafts and comments on Quillpost.</p>');
    expect(html).toContain('<ul>\n<li>one item</li>\n<li>another item</li>\n</ul>');
    expect(html).toContain('<p>Last line.</p>');
  });

  it('escapes markup found in the text', () => {
    expect(pdfTextToHtml(['Title\n<script>x</script> & more'], null)).toContain('<p>&lt;script&gt;x&lt;/script&gt; &amp; more</p>');
  });
});

describe('readPdf()', () => {
  it('reads the text of a PDF so that its facts can be extracted', async () => {
    const pdf = makePdf([PDF_LINES.slice(0, 3), PDF_LINES.slice(3)], { title: 'Quillpost Privacy Notice (PDF)' });
    expect(isPdf(pdf)).toBe(true);
    const { document, page } = extractFacts(await readPdf(pdf), { kind: 'privacy-policy' });
    expect(page.mainFound).toBe(true);
    expect(document.title).toBe('Quillpost Privacy Notice');
    expect(page.text).toContain('We use the posts and comments of our users to train the generative AI models behind our writing assistant, unless you opt out.');
    expect(document.facts.effectiveDate).toBe('2026-03-03');
    expect(document.facts.includedData).toEqual(['comments', 'posts']);
  });

  it('refuses bytes that are not a PDF with a plain reason', async () => {
    await expect(readPdf(Buffer.from('%PDF-1.4 but nothing else'))).rejects.toThrow(/not a readable PDF document/);
    expect(isPdf(Buffer.from('<html>'))).toBe(false);
  });
});

describe('readBody()', () => {
  it('reads stored bytes as a PDF when they are one, else as UTF-8 HTML', async () => {
    expect(await readBody(Buffer.from('<p>Déjà</p>'))).toBe('<p>Déjà</p>');
    expect(await readBody(makePdf([['Title line', 'Body text of the notice.']]))).toContain('<h1>Title line</h1>');
  });
});

describe('pdfTextToHtml() on hard-wrapped paragraphs', () => {
  it('joins a line to the previous one when that one ran to the full width', () => {
    const text = [
      'Notice',
      'Quillpost keeps the drafts that you write for as long as your account stays open. When',
      'You close it, they are deleted within thirty days, along with your comments and notes.',
      'Short closing line.',
      'Next paragraph.',
    ].join('\n');
    const html = pdfTextToHtml([text], null);
    expect(html).toContain('<p>Quillpost keeps the drafts that you write for as long as your account stays open. When You close it, they are deleted within thirty days, along with your comments and notes. Short closing line.</p>');
    expect(html).toContain('<p>Next paragraph.</p>');
  });
});
