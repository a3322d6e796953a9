import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/read-page.js';
import { extractFacts } from '../../src/extract/extract-facts.js';
import { policyContent, siteFrame } from '../helpers/reading-pages.js';

const framed = (options: Parameters<typeof siteFrame>[1] = { title: 'Privacy Policy | Quillpost' }) => siteFrame(policyContent(), options);

describe('a page without main, in its site chrome', () => {
  const read = readPage(framed());

  it('is read from its content block, picked by text density', () => {
    expect(read.via).toBe('densest');
    expect(read.mainFound).toBe(true);
    expect(read.text.split('\n')[0]).toBe('Quillpost Privacy Policy');
    expect(read.text).toContain('Effective date: March 3, 2026');
    expect(read.text).toContain('Write to privacy@quillpost.example');
  });

  it('leaves out the header, menus, sidebar links, footers, cookie banner, skip link and templates', () => {
    for (const chrome of ['Pricing', 'Careers', 'We use cookies', 'Skip to content', 'Writers', 'Imprint', 'Status', '© 2026', 'Harbour Lane', 'Template text']) {
      expect(read.text).not.toContain(chrome);
    }
  });

  it('reads the same text when the footer year changes', () => {
    expect(readPage(framed({ title: 'Privacy Policy | Quillpost', year: 2027 })).text).toBe(read.text);
  });

  it('reads the same text when screen-reader-only text is added to every link', () => {
    expect(readPage(framed({ title: 'Privacy Policy | Quillpost', srOnlyLinkText: '(opens in a new tab)' })).text).toBe(read.text);
  });

  it('keeps the facts of the content', () => {
    const { document } = extractFacts(framed(), { kind: 'privacy-policy' });
    expect(document.facts.effectiveDate).toBe('2026-03-03');
    expect(document.facts.includedData).toEqual(['comments', 'posts']);
    expect(document.facts.excludedData).toEqual(['private-messages']);
  });
});

describe('screen-reader-only and aria-hidden text inside main', () => {
  const page = (link: string) => `<!DOCTYPE html><html lang="en"><head><title>Terms</title></head><body><main><h1>Terms</h1>
    <p>Read the ${link} before you publish anything on Quillpost, since it applies to every post you make.</p></main></body></html>`;

  it('does not change the text', () => {
    const plain = readPage(page('<a href="/rules">community rules</a>')).text;
    expect(readPage(page('<a href="/rules">community rules<span class="visually-hidden"> (opens in a new tab)</span></a>')).text).toBe(plain);
    expect(readPage(page('<a href="/rules">community rules<span aria-hidden="true"> ↗</span></a>')).text).toBe(plain);
    expect(readPage(page('<a href="/rules">community rules<span class="screen-reader-text"> external link</span></a>')).text).toBe(plain);
  });

  it('keeps a large aria-hidden region (a page behind a dialog) as text', () => {
    const body = `<p>${'Every post you make stays yours, and you can delete it whenever you like. '.repeat(6)}</p>`;
    const read = readPage(`<html><body><div aria-hidden="true"><main><h1>Terms</h1>${body}</main></div></body></html>`);
    expect(read.text).toContain('Every post you make stays yours');
  });
});
