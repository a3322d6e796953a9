import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/read-page.js';
import { extractFacts } from '../../src/extract/extract-facts.js';
import { policyContent } from '../helpers/reading-pages.js';

/**
 * Pages read without a selector where a small box (a sign-up form, a newsletter box, a settings
 * tab, a versions box) sits beside a legal text many times longer: the legal text is what is read,
 * as a declaration's own `select` would read it.
 */

const TOPICS = ['Storage periods', 'Transfers outside the European Union', 'Security of your drafts', 'Children', 'Changes to this policy', 'Sharing with printers', 'Analytics', 'Your choices about e-mails'];
/** Sections of the policy past the ones that state facts: what makes it long. */
const moreSections = () => TOPICS.map((topic, i) => `<h2>${i + 5}. ${topic}</h2>${[1, 2, 3].map((n) =>
  `<p>${topic}, point ${n}: this part says in plain words what Quillpost does with the information concerned, for how long, with whom, and what each writer may ask of us about it.</p>`).join('')}`).join('');
const policy = () => policyContent({ extra: moreSections() });

const frame = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>Privacy Policy | Quillpost</title></head><body>
  <header class="site-header"><a href="/">Quillpost</a></header>${body}<footer><p>© 2026 Quillpost Ltd</p></footer></body></html>`;

const SIGN_UP = `<h2>Join Quillpost</h2><p>Create a free account in a minute and get our weekly tips on writing better drafts. No card needed, and you can leave whenever you like.</p>
  <form><label>E-mail address <input type="email"></label><button>Sign up</button></form>`;
const NEWSLETTER = `<h2>Stay in the loop</h2><p>Subscribe to our newsletter and receive product news, writing prompts and invitations to events once a month. Unsubscribe from any e-mail.</p>`;
const SETTINGS_TAB = `<h2>Your settings</h2><p>Choose which optional features may remember you on this device. The necessary ones are always on; the others stay off until you turn them on below, and you can change this later.</p>`;
const VERSIONS = `<div class="versions"><p>Updated on March 2, 2026. This version replaces the one of June 1, 2025, which you can still read.</p><p>Versions</p>
  <ul><li><a href="/legal/privacy/2026">March 2, 2026</a></li><li><a href="/legal/privacy/2025">June 1, 2025</a></li><li><a href="/legal/privacy/2024">May 5, 2024</a></li></ul></div>`;

/** The same policy alone in `main`: how a declaration's `select` reads it. */
const reference = readPage(frame(`<main>${policy()}</main>`));
const referenceFacts = extractFacts(frame(`<main>${policy()}</main>`), { kind: 'privacy-policy' }).document.facts;
const factsOf = (html: string) => extractFacts(html, { kind: 'privacy-policy' }).document.facts;

describe('a page without a selector where a small box sits beside the legal text', () => {
  it('reads the policy, not a sign-up form that is the page\'s only article', () => {
    const html = frame(`<article class="signup">${SIGN_UP}</article><div class="legal">${policy()}</div>`);
    const read = readPage(html);
    expect(read.text).toContain('Quillpost Privacy Policy');
    expect(read.text).toContain('Children, point 3');
    expect(read.text).not.toContain('Join Quillpost');
    expect(factsOf(html)).toEqual(referenceFacts);
  });

  it('reads the policy, not a newsletter box marked as the page\'s main region', () => {
    const html = frame(`<div class="legal">${policy()}</div><div role="main" class="newsletter">${NEWSLETTER}</div>`);
    const read = readPage(html);
    expect(read.text.split('\n').slice(0, 3)).toEqual(reference.text.split('\n').slice(0, 3));
    expect(read.text).not.toContain('Stay in the loop');
    expect(factsOf(html)).toEqual(referenceFacts);
  });

  it('reads the policy of a tabbed page whose settings tab is shown and whose policy tab is hidden', () => {
    const html = frame(`<div class="tabs"><a href="#tab-privacy">Privacy</a> <a href="#tab-settings">Your settings</a></div>
      <div id="tab-settings" role="tabpanel">${SETTINGS_TAB}</div><div id="tab-privacy" role="tabpanel" hidden>${policy()}</div>`);
    const read = readPage(html);
    expect(read.mainFound).toBe(true);
    expect(read.title).toBe('Quillpost Privacy Policy');
    expect(read.text).toContain(reference.text.split('\n').slice(1).join('\n'));
    expect(factsOf(html)).toEqual(referenceFacts);
  });

  it('still leaves out a short hidden menu', () => {
    const read = readPage(frame(`<div hidden><p>Writers</p><p>Readers</p></div><div class="legal">${policy()}</div>`));
    expect(read.text).not.toContain('Writers');
  });

  it('reads the same text and facts whether the versions box is above or below a policy written as lists', () => {
    // Readability scores paragraphs and long headings, not list items: the box is all it sees.
    const sections: Array<[string, string[]]> = [
      ['Collection', ['We collect the drafts you write, the comments you leave and the profile details you enter, so that Quillpost can publish and sync them.']],
      ['AI training', ['We use the posts and comments of our users to train the generative AI models behind our writing assistant, unless you opt out.', 'Private messages are not used to train these models.']],
      ...['Storage', 'Transfers', 'Security', 'Children', 'Changes', 'Printers', 'Analytics', 'E-mails'].map((topic): [string, string[]] => [topic, [1, 2, 3, 4].map((n) =>
        `${topic}, point ${n}: this part says in plain words what Quillpost does with the information concerned, for how long, with whom, and what each writer may ask of us about it`)]),
    ];
    const text = `<div class="text"><h1>Quillpost Privacy Policy</h1><ol>${sections.map(([title, items]) => `<li><h3>${title}</h3><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></li>`).join('')}</ol></div>`;
    const below = frame(`<div class="doc">${text}${VERSIONS}</div>`);
    const above = frame(`<div class="doc">${VERSIONS}${text}</div>`);
    expect(readPage(above).text).toBe(readPage(below).text);
    expect(readPage(above).text).toContain('Children, point 3');
    expect(readPage(above).text).not.toContain('- June 1, 2025');
    expect(factsOf(above)).toEqual(factsOf(below));
    expect(factsOf(above).lastUpdated).toBe('2026-03-02');
    expect(factsOf(above).includedData).toEqual(['comments', 'posts']);
  });
});

describe('a page served once as paragraphs and once as raw text with blank lines', () => {
  const paragraphs = [
    'Quillpost Privacy Policy',
    'Effective date: March 3, 2026',
    'We use the posts and comments of our users to train the generative AI models behind our writing assistant, unless you opt out.',
    'Private messages are not used to train these models.',
    'Write to privacy@quillpost.example with any question about this policy.',
  ];
  const asParagraphs = `<!DOCTYPE html><html lang="en"><head><title>Quillpost</title></head><body>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`;
  // Raw text often wraps its lines too: a single line break is only a space.
  const raw = paragraphs.map((p) => p.replace(/(.{50}\S*) /g, '$1\n')).join('\n\n');

  it('reads the same text and facts from the paragraphs, the raw text, the raw text in a body and in a pre', () => {
    const expected = readPage(asParagraphs).text;
    expect(expected.split('\n')).toEqual(paragraphs);
    for (const served of [raw, `<html><body>\n${raw}\n</body></html>`, `<html><body><pre>${raw}</pre></body></html>`]) {
      expect(readPage(served).text).toBe(expected);
      expect(factsOf(served)).toEqual(factsOf(asParagraphs));
    }
    expect(factsOf(raw).includedData).toEqual(['comments', 'posts']);
  });

  it('keeps the blank lines between two tags as space', () => {
    const read = readPage('<html><body><p>Some words\n\n<a href="/x">and a link</a>\n\n</p><h2>A title\n\nover two lines</h2></body></html>');
    expect(read.text).toBe('Some words and a link\nA title over two lines');
  });
});
