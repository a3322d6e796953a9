import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/read-page.js';
import { extractFacts } from '../../src/extract/extract-facts.js';
import { detectErrorPage } from '../../src/extract/error-page.js';
import { ERROR_CONTENTS, errorPage, frenchPolicyContent, policyContent, siteFrame } from '../helpers/reading-pages.js';

describe('an error or placeholder page served with HTTP 200', () => {
  it.each(Object.keys(ERROR_CONTENTS))('is told apart, naming what it said: %s', (name) => {
    const read = readPage(errorPage(name));
    expect(read.errorPage).toMatch(/^error page: "/);
    expect(read.errorPage!.toLowerCase()).toContain(ERROR_CONTENTS[name]!.seen.toLowerCase());
  });

  it('states no fact', () => {
    const { document, page } = extractFacts(errorPage('not found (en)'), { kind: 'privacy-policy' });
    expect(page.errorPage).toBe('error page: "Page not found"');
    expect(Object.values(document.facts).every((v) => v === null)).toBe(true);
  });
});

describe('a real policy page', () => {
  it('is not an error page although it mentions "not found" and "access", in English', () => {
    const read = readPage(siteFrame(policyContent(), { title: 'Privacy Policy | Quillpost' }));
    expect(read.text).toContain('If a record you ask about is not found in our systems');
    expect(read.errorPage).toBeNull();
  });

  it('is not an error page in French either', () => {
    const read = readPage(siteFrame(frenchPolicyContent(), { title: 'Politique de confidentialité | Quillpost', lang: 'fr' }));
    expect(read.errorPage).toBeNull();
  });

  it('is not an error page when its title names errors (a help article about error messages)', () => {
    const help = `<h1>What to do when you see "Something went wrong"</h1>${'<p>Reload the page, then sign out and back in. If the message stays, clear the cache of your browser and check that your extensions do not block Quillpost scripts. Still stuck? Our support team answers within a day.</p>'.repeat(8)}`;
    expect(readPage(siteFrame(help, { title: 'Help | Quillpost' })).errorPage).toBeNull();
  });

  it('is not an error page when it is short and only says where to find things', () => {
    expect(readPage(siteFrame('<h1>Legal</h1><p>Our terms, privacy policy and cookie policy are linked below. Access them any time.</p>', { title: 'Legal | Quillpost' })).errorPage).toBeNull();
  });
});

describe('detectErrorPage()', () => {
  it('flags a page whose text collapsed to a fraction of the last snapshot while reading like an error', () => {
    const mainText = `Quillpost Privacy Policy\n${'Our policy is being updated. '.repeat(30)}\nThe content you requested is no longer available here.`;
    expect(detectErrorPage({ docTitle: 'Privacy Policy', h1: 'Quillpost Privacy Policy', mainText })).toBeNull();
    expect(detectErrorPage({ docTitle: 'Privacy Policy', h1: 'Quillpost Privacy Policy', mainText, previousTextChars: 20_000 }))
      .toBe('error page: "The content you requested is no longer available here."');
  });

  it('does not flag a page that merely shrank, without error wording', () => {
    expect(detectErrorPage({ docTitle: 'Terms', h1: 'Terms', mainText: 'Terms\nThese terms are short now.', previousTextChars: 20_000 })).toBeNull();
  });
});

describe('a short help article about an error message', () => {
  it('is not an error page: the error wording is its topic, not its title', () => {
    const help = '<h1>What to do when you see "Something went wrong" on Quillpost</h1><p>Reload the page, then sign out and back in.</p><p>If the message stays, clear the cache of your browser.</p>';
    expect(readPage(siteFrame(help, { title: 'Help | Quillpost' })).errorPage).toBeNull();
  });

  it.each(['404 Not Found', 'Error 404 - Page Not Found', 'Oops! Something went wrong.', 'Erreur 404'])('while a title that is the error wording is: %s', (title) => {
    expect(detectErrorPage({ docTitle: title, h1: null, mainText: 'Go back to the home page.' })).toMatch(/^error page: "/);
  });
});

describe('a short but real help article', () => {
  const frame = (content: string, lang: 'en' | 'fr' = 'en') => readPage(siteFrame(content, { title: 'Help | Quillpost', lang }));

  it('is read, without the site chrome, and is not an error page', () => {
    const read = frame('<h1>Change the email address on your account</h1><p>Last updated: 3 days ago</p><ol><li>Open Settings, then Account.</li><li>Select Email and type the new address.</li><li>Confirm with the code we send you.</li></ol>');
    expect(read.errorPage).toBeNull();
    expect(read.mainFound).toBe(true);
    expect(read.text).toBe('Change the email address on your account\nLast updated:\n- Open Settings, then Account.\n- Select Email and type the new address.\n- Confirm with the code we send you.');
  });

  it.each([
    ['a quoted "Page not found"', '<h1>Fix a broken link in a shared post</h1><p>If readers see “Page not found” when they open your link, the post was moved or deleted.</p><p>Open the post and copy its new link.</p>', 'en'],
    ['a quoted « Page introuvable »', '<h1>Réparer un lien cassé</h1><p>Si vos lecteurs voient « Page introuvable » en ouvrant votre lien, l\'article a été déplacé.</p><p>Ouvrez l\'article et copiez son nouveau lien.</p>', 'fr'],
    ['a quoted \'Please enable JavaScript\'', '<h1>Use the editor</h1><p>The editor needs JavaScript: if you see \'Please enable JavaScript\', turn it on in your browser settings.</p><p>Then reload the page.</p>', 'en'],
  ] as const)('is not an error page when it quotes an error message: %s', (_name, content, lang) => {
    const read = frame(content, lang);
    expect(read.errorPage).toBeNull();
    expect(read.mainFound).toBe(true);
  });

  it('while the same message unquoted, alone on a short page, is one', () => {
    expect(frame('<p>Page not found. The post was moved or deleted.</p>').errorPage).toBe('error page: "Page not found. The post was moved or deleted."');
  });
});
