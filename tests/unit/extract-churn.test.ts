import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/read-page.js';
import { extractFacts } from '../../src/extract/extract-facts.js';
import { stripNoise } from '../../src/extract/strip-noise.js';
import { isCopyrightLine, stripRelativeAge } from '../../src/extract/noise.js';
import { policyContent, siteFrame } from '../helpers/reading-pages.js';

/**
 * Markup churn: real pages change their markup from one load to the next without changing what
 * they say. Each mutation below rewrites only markup (seeded, so a failure reproduces) and the
 * page must read the same normalized text and the same facts as before.
 */

const ROOT = join(import.meta.dirname, '../fixtures/pages');
const fixture = (name: string): string => readFileSync(join(ROOT, `${name}.html`), 'utf8');

interface Page { name: string; html: string; kind?: string; url?: string }

const PAGES: Page[] = [
  { name: 'linkedin-privacy-policy/2025-11-03', html: fixture('linkedin-privacy-policy/2025-11-03'), kind: 'privacy-policy' },
  { name: 'linkedin-help-genai-faq/2025-10-06', html: fixture('linkedin-help-genai-faq/2025-10-06'), kind: 'help-article' },
  { name: 'linkedin-help-genai-faq-fr/2025-10-06', html: fixture('linkedin-help-genai-faq-fr/2025-10-06'), kind: 'help-article' },
  { name: 'linkedin-blog/2025-09-18-terms-update', html: fixture('linkedin-blog/2025-09-18-terms-update'), kind: 'blog-post' },
  { name: 'plain-html/privacy-policy-2025-11-03 (no main)', html: fixture('plain-html/privacy-policy-2025-11-03'), kind: 'privacy-policy' },
  { name: 'plain-html/user-agreement-2020-10-01 (no main)', html: fixture('plain-html/user-agreement-2020-10-01'), kind: 'user-agreement' },
  { name: 'plain-html/help-genai-fr-2025-03-04 (no main)', html: fixture('plain-html/help-genai-fr-2025-03-04'), kind: 'help-article' },
  { name: 'meta-privacy-policy/2025-06-16 (role=main)', html: fixture('meta-privacy-policy/2025-06-16'), kind: 'privacy-policy' },
  { name: 'other-services/notes-statement-converted (no main)', html: fixture('other-services/notes-statement-converted'), kind: 'privacy-policy' },
  { name: 'holdout/help-genai-faq-2025-short', html: fixture('holdout/help-genai-faq-2025-short'), kind: 'help-article' },
  { name: 'quillpost policy in its site frame (no main)', html: siteFrame(policyContent(), { title: 'Privacy Policy | Quillpost' }), kind: 'privacy-policy' },
];

/** mulberry32: a small seeded generator, so every mutation is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const hash = (r: Rand, n = 6): string => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(r() * 36)]).join('');
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const load = (html: string): CheerioAPI => cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false } });
const domMutation = (edit: ($: CheerioAPI, r: Rand) => void) => (html: string, r: Rand): string => {
  const $ = load(html);
  edit($, r);
  return $.html();
};

/** Elements of the page's own text (where churn must not show), wherever the content is. */
const CONTENT = 'body p, body li, body h1, body h2, body h3, body td, body span';
/** The page's chrome, for pages that have one. */
const CHROME = 'nav, footer, header, [role=navigation], [role=contentinfo]';

const LINK_WORDS = ['Home', 'Products', 'Pricing', 'Careers', 'Press', 'Developers', 'Community', 'Status', 'Accessibility', 'Ad choices', 'Safety', 'Cookie settings'];

function chromeBlock(r: Rand, tag: 'nav' | 'footer'): string {
  const links = [...LINK_WORDS].sort(() => r() - 0.5).slice(0, 4 + Math.floor(r() * 5));
  const items = links.map((l) => `<li><a href="/${l.toLowerCase().replace(/ /g, '-')}?trk=${hash(r)}">${l}</a></li>`).join('');
  return tag === 'nav' ? `<nav class="global-nav"><ul>${items}</ul></nav>` : `<footer class="site-footer"><ul>${items}</ul><p>© ${2024 + Math.floor(r() * 4)} Example Corp. All rights reserved.</p></footer>`;
}

const MUTATIONS: Record<string, (html: string, r: Rand) => string> = {
  'class names renamed to hashed utility classes': domMutation(($, r) => {
    $('[class]').each((_i, el) => {
      const tokens = ($(el).attr('class') ?? '').split(/\s+/).filter(Boolean);
      $(el).attr('class', [...tokens, `css-${hash(r)}`, `jsx-${Math.floor(r() * 1e9)}`].join(' '));
    });
    $('body p, body div, body section').each((_i, el) => {
      if (r() < 0.5) $(el).addClass(`sc-${hash(r, 5)} ${hash(r, 6)}`);
    });
  }),
  'class names as CSS-module names (Component_name__hash)': domMutation(($, r) => {
    $('[class]').each((_i, el) => {
      const tokens = ($(el).attr('class') ?? '').split(/\s+/).filter(Boolean);
      $(el).attr('class', tokens.map((t) => `${pick(r, ['Layout', 'Page', 'Styles', 'Article'])}_${t}__${hash(r, 5)}`).join(' '));
    });
  }),
  'ids renamed (and the links that point at them)': domMutation(($, r) => {
    const renamed = new Map<string, string>();
    $('[id]').each((_i, el) => {
      const id = $(el).attr('id')!;
      if (el.tagName === 'html') return;
      const fresh = `${id}-${hash(r, 4)}`;
      renamed.set(id, fresh);
      $(el).attr('id', fresh);
    });
    $('a[href^="#"]').each((_i, el) => {
      const to = renamed.get(($(el).attr('href') ?? '').slice(1));
      if (to !== undefined) $(el).attr('href', `#${to}`);
    });
    $('body h2, body p').each((_i, el) => {
      if (r() < 0.4) $(el).attr('id', `${hash(r, 8)}`);
    });
  }),
  'extra wrapper divs and spans around blocks': domMutation(($, r) => {
    $('body p, body h2, body h3, body ul, body table').each((_i, el) => {
      const n = Math.floor(r() * 3);
      for (let i = 0; i < n; i++) $(el).wrap(`<div class="w-${hash(r, 4)}"></div>`);
    });
    $('body p, body li, body h2').each((_i, el) => {
      if (r() < 0.5) $(el).wrapInner(`<span class="t-${hash(r, 4)}"></span>`);
    });
    const body = $('body');
    body.wrapInner(`<div id="__next"><div class="app-${hash(r)}"></div></div>`);
  }),
  'attribute churn: data-*, style, nonces, aria-* on content': domMutation(($, r) => {
    $('body *').each((_i, el) => {
      if (r() < 0.5) $(el).attr(`data-${pick(r, ['testid', 'v-1a2b', 'reactid', 'track', 'qa', 'component'])}`, hash(r));
      if (r() < 0.3) $(el).attr('style', `margin:${Math.floor(r() * 20)}px`);
    });
    $(CONTENT).each((_i, el) => {
      if (r() < 0.3) $(el).attr('aria-label', $(el).text().slice(0, 20));
      if (r() < 0.3) $(el).attr('aria-describedby', `d-${hash(r)}`);
    });
    $('script, style, link').each((_i, el) => {
      $(el).attr('nonce', hash(r, 16));
    });
  }),
  'inline svg icons in headings and links': domMutation(($, r) => {
    const icon = (): string => `<svg class="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><title>icon-${hash(r, 3)}</title><path d="M${Math.floor(r() * 9)} 0L16 8"/></svg>`;
    $('body h2, body h3, body a').each((_i, el) => {
      if (r() < 0.7) $(el).prepend(icon());
    });
  }),
  'nav, header, footer and cookie banner reordered or changed': domMutation(($, r) => {
    // The site's chrome, not an article's own header (its category link is the article's text).
    $(CHROME).filter((_i, el) => $(el).closest('main, article, [role=main]').length === 0).each((_i, el) => {
      const items = $(el).find('li').toArray();
      for (const li of items.sort(() => r() - 0.5)) $(li).parent().append(li);
      $(el).find('a').each((_j, a) => {
        if (r() < 0.4) $(a).text(pick(r, LINK_WORDS));
      });
    });
    $('footer p, [role=contentinfo] p').each((_i, el) => {
      $(el).text($(el).text().replace(/\b20\d\d\b/, String(2030 + Math.floor(r() * 5))));
    });
    $('[id*=cookie i], [class*=cookie i], [id*=onetrust i]').each((_i, el) => {
      $(el).find('p').text(`We and our ${Math.floor(r() * 900)} partners use cookies. Choose below.`);
    });
  }),
  'site chrome added around the page (nav, footer, cookie banner)': domMutation(($, r) => {
    $('body').prepend(`<div class="cookie-consent-banner"><p>We use cookies to improve your experience (${hash(r)}).</p><button>Accept all</button></div>${chromeBlock(r, 'nav')}`);
    $('body').append(chromeBlock(r, 'footer'));
  }),
  'cookie banner of a consent library added (cc-window, cky-consent-container)': domMutation(($, r) => {
    const cls = pick(r, ['cc-window cc-banner', 'cky-consent-container', 'osano-cm-window', 'fc-consent-root']);
    $('body').prepend(`<div class="${cls}" role="region" aria-label="Cookie banner"><p>This website uses cookies to ensure you get the best experience on our website. ${hash(r)}</p><a href="/cookies">Learn more</a><button>Got it!</button></div>`);
  }),
  'heading levels shifted (h2 → h3, h3 → h4)': domMutation(($) => {
    for (const [from, to] of [['h3', 'h4'], ['h2', 'h3']] as const) {
      $(`body ${from}`).each((_i, el) => {
        el.tagName = to;
      });
    }
  }),
  'skip-to-content link changed or added': domMutation(($, r) => {
    const existing = $('a').filter((_i, el) => /skip|jump/i.test($(el).text()));
    const wording = pick(r, ['Skip to main content', 'Skip to content', 'Jump to content', 'Skip navigation']);
    if (existing.length > 0) existing.text(wording);
    else $('body').prepend(`<a class="skip-${hash(r, 3)}" href="#main-content">${wording}</a>`);
  }),
  'screen-reader-only text added to links (sr-only, visually-hidden)': domMutation(($, r) => {
    $('body a').each((_i, el) => {
      const cls = pick(r, ['sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text']);
      $(el).append(`<span class="${cls}"> (opens in a new tab)</span>`);
    });
  }),
  'screen-reader-only text with CSS-module class names': domMutation(($, r) => {
    $('body a').each((_i, el) => {
      $(el).append(`<span class="${pick(r, ['Styles_sr-only__', 'Link_visually-hidden__', 'a11y_screen-reader-text__'])}${hash(r, 5)}">, external link</span>`);
    });
  }),
  'aria-hidden decorations (arrows, bullets, emoji) added': domMutation(($, r) => {
    $('body a, body h2, body li').each((_i, el) => {
      if (r() < 0.6) $(el).append(`<span aria-hidden="true">${pick(r, ['→', '›', '•', '↗', '✓'])}</span>`);
    });
  }),
  'scripts, styles, noscript and JSON-LD changed': domMutation(($, r) => {
    $('script').each((_i, el) => {
      $(el).text(`window.__STATE__=${JSON.stringify({ t: Date.UTC(2026, 0, 1) + Math.floor(r() * 1e9), id: hash(r) })};`);
    });
    $('head').append(`<style>.x-${hash(r)}{color:red}</style><script type="application/ld+json">{"@type":"WebPage","dateModified":"2026-0${1 + Math.floor(r() * 8)}-01"}</script>`);
    $('body').append(`<noscript><img src="/px?${hash(r)}"> Enable JavaScript for the full experience.</noscript><script>track("${hash(r)}")</script>`);
    $('body p').first().after(`<style>p{margin:${Math.floor(r() * 9)}px}</style>`);
  }),
  'tracking parameters and nonces in hrefs': domMutation(($, r) => {
    $('a[href]').each((_i, el) => {
      const href = $(el).attr('href')!;
      if (href.startsWith('#')) return;
      const sep = href.includes('?') ? '&' : '?';
      $(el).attr('href', `${href}${sep}trk=${hash(r)}&utm_source=${hash(r, 3)}&lipi=${hash(r, 10)}`);
    });
    $('img[src]').each((_i, el) => {
      $(el).attr('src', `${$(el).attr('src')}?_gl=${hash(r)}`);
    });
  }),
  'whitespace, newlines and indentation changed': (html, r) =>
    html
      // Between blocks only: whitespace between inline tags ("Policy</a>\n,") is visible text.
      .replace(/(<\/(?:p|div|li|ul|ol|h[1-6]|section|table|tr|header|footer|nav|article|main)>|<(?:body|ul|ol|table|tr|section|div)\b[^>]*>)(?=<)/g, (tag: string) => (r() < 0.5 ? `${tag}\n   ` : r() < 0.5 ? `${tag}\t` : tag))
      .replace(/([^\s<>]) ([^\s<>])/g, (_all, a: string, b: string) => (r() < 0.2 ? `${a}\n      ${b}` : r() < 0.2 ? `${a}   ${b}` : `${a} ${b}`))
      .replace(/\n/g, () => (r() < 0.3 ? '\r\n' : '\n')),
  '&nbsp; instead of spaces, entities instead of characters': domMutation(($, r) => {
    $(CONTENT).contents().each((_i, node) => {
      if (node.type !== 'text') return;
      node.data = node.data.replace(/ /g, () => (r() < 0.3 ? '\u00a0' : ' ')).replace(/’/g, () => (r() < 0.5 ? "'" : '’'));
    });
  }),
  'adjacent paragraphs merged with <br> (and trailing <br>s)': domMutation(($, r) => {
    $('body p + p').each((_i, el) => {
      const prev = $(el).prev('p');
      if (prev.length === 0 || r() < 0.5 || prev.find('p').length > 0) return;
      prev.append('<br>').append($(el).contents());
      $(el).remove();
    });
    $('body p').each((_i, el) => {
      if (r() < 0.3) $(el).append('<br>');
    });
  }),
  'paragraphs turned into divs and sections': domMutation(($, r) => {
    $('body p').each((_i, el) => {
      if (r() < 0.5) el.tagName = pick(r, ['div', 'section']);
    });
  }),
  'list items and table cells wrapped in <p>': domMutation(($) => {
    $('body li').each((_i, el) => {
      if ($(el).children('ul, ol, p, div').length === 0) $(el).wrapInner('<p></p>');
    });
    $('body td').each((_i, el) => {
      $(el).wrapInner('<p class="cell"></p>');
    });
  }),
  'inline formatting added (strong, em, b, links around words)': domMutation(($, r) => {
    $('body p, body li').contents().each((_i, node) => {
      if (node.type !== 'text' || r() < 0.5) return;
      const words = node.data.split(/(\s+)/);
      const at = 2 * Math.floor(r() * Math.floor((words.length + 1) / 2));
      if (!words[at]) return;
      const tag = pick(r, ['strong', 'em', 'b', 'span']);
      words[at] = `<${tag}>${words[at]!.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${tag}>`;
      const escaped = words.map((w, i) => (i === at ? w : w.replace(/&/g, '&amp;').replace(/</g, '&lt;')));
      $(node).replaceWith(escaped.join(''));
    });
  }),
  'hidden dialogs, templates and comments added or changed': domMutation(($, r) => {
    $('body').append(`<div hidden><p>Session ${hash(r)} expires soon.</p></div><template><p>Draft ${hash(r)}</p></template><dialog><p>Sign in to continue ${hash(r)}</p></dialog>`);
    $('body p').each((_i, el) => {
      if (r() < 0.3) $(el).after(`<!-- rendered ${hash(r)} -->`);
    });
  }),
  'zero-width spaces and soft hyphens inserted in words': domMutation(($, r) => {
    $(CONTENT).contents().each((_i, node) => {
      if (node.type !== 'text') return;
      node.data = node.data.replace(/(\w{6,})/g, (w) => (r() < 0.3 ? `${w.slice(0, 3)}${pick(r, ['\u00ad', '\u200b'])}${w.slice(3)}` : w));
    });
  }),
  'relative "last updated" age ticks on (2 weeks ago → 3 weeks ago)': (html) =>
    html
      .replace(/(Last updated:\s*)(\d+)\s+(days?|weeks?|months?)\s+ago/g, (_a, label: string, n: string, unit: string) => `${label}${Number(n) + 1} ${unit.replace(/s?$/, 's')} ago`)
      .replace(/(il y a\s+)(\d+)(\s+(?:jours?|semaines?|mois))/g, (_a, head: string, n: string, unit: string) => `${head}${Number(n) + 1}${unit}`),
};

function reading(page: Page, html: string) {
  const read = readPage(html);
  const { document } = extractFacts(html, { kind: page.kind as never, url: page.url });
  return { text: read.text, errorPage: read.errorPage, mainFound: read.mainFound, facts: document.facts };
}

const seedOf = (text: string): number => [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

describe.each(Object.entries(MUTATIONS))('markup churn: %s', (name, mutate) => {
  // A mutation applies to the pages it changes (a page without links gets no tracking parameters).
  const cases = PAGES.map((page) => ({ ...page, mutated: mutate(page.html, rng(seedOf(`${name}|${page.name}`))) })).filter((c) => c.mutated !== c.html);

  it('changes the markup of at least two of the pages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(2);
  });

  it.each(cases)('reads the same text and facts from $name', (page) => {
    const before = reading(page, page.html);
    const after = reading(page, page.mutated);
    expect(after.text).toBe(before.text);
    expect(after.facts).toEqual(before.facts);
    expect(after.errorPage).toBe(before.errorPage);
    expect(after.mainFound).toBe(before.mainFound);
  });
});

describe('several kinds of churn at once, as between two real loads', () => {
  const names = Object.keys(MUTATIONS);
  it.each(PAGES)('reads the same text and facts from $name through 12 seeded chains of 4 mutations', (page) => {
    const before = reading(page, page.html);
    for (let chain = 0; chain < 12; chain++) {
      const r = rng(seedOf(`chain ${chain}|${page.name}`));
      const applied = Array.from({ length: 4 }, () => pick(r, names));
      const html = applied.reduce((h, name) => MUTATIONS[name]!(h, r), page.html);
      const after = reading(page, html);
      expect({ applied, text: after.text, facts: after.facts, errorPage: after.errorPage }).toEqual({ applied, text: before.text, facts: before.facts, errorPage: before.errorPage });
    }
  });
});

describe('the same churn on the raw bytes', () => {
  it('leaves stripNoise unchanged when only scripts, nonces and tracking parameters change', () => {
    const page = PAGES[0]!.html;
    const again = page
      .replace(/nonce="[^"]*"/g, 'nonce="zz9"')
      .replace(/trk=[\w-]+/g, 'trk=other')
      .replace(/<\/body>/, '<script>window.t=123</script></body>');
    expect(stripNoise(again)).toBe(stripNoise(page));
  });
});

describe('a real edit is still a text change', () => {
  it.each(PAGES)('changing one sentence of $name changes its text', (page) => {
    const $ = load(page.html);
    const before = readPage(page.html).text;
    // A sentence of the content as read, not of the chrome around it.
    const target = $('body p').filter((_i, el) => { const t = $(el).text().trim(); return t.split(/\s+/).length >= 8 && before.includes(t); }).first();
    expect(target.length).toBe(1);
    target.text(`${target.text().trim()} We may also share this with our partners.`);
    const after = readPage($.html()).text;
    expect(after).not.toBe(before);
    expect(after).toContain('We may also share this with our partners.');
  });
});

/** The Quillpost frame with its menus, sidebar, footer and a "related articles" block rotated. */
function rotatedChrome(html: string, r: Rand): string {
  const links = (n: number): string => [...LINK_WORDS].sort(() => r() - 0.5).slice(0, n).map((l) => `<li><a href="/${hash(r, 4)}">${l}</a></li>`).join('');
  return html
    .replace(/<ul class="mega-menu">[\s\S]*?<\/ul>/, `<ul class="mega-menu">${links(7)}</ul>`)
    .replace(/<div class="sidebar-links"><ul>[\s\S]*?<\/ul><\/div>/, `<div class="sidebar-links"><ul>${links(5)}</ul></div>`)
    .replace(/<div class="site-foot"><ul>[\s\S]*?<\/ul><p>© \d+/, `<div class="site-foot"><ul>${links(6)}</ul><p>© ${2027 + Math.floor(r() * 3)}`)
    .replace(/<footer><p>[^<]*<\/p><\/footer>/, `<footer><p>Quillpost Ltd, ${1 + Math.floor(r() * 90)} Harbour Lane</p></footer>`)
    .replace(/(<div id="content" class="page-body">[\s\S]*?)(<\/div><\/div>\s*<div class="site-foot">)/, (_a, content: string, tail: string) => `${content}<div class="related"><h3>Related articles</h3><ul>${links(4)}</ul></div>${tail}`);
}

describe('a page without main whose chrome rotates between loads', () => {
  const help = '<h1>Change the email address on your account</h1><p>Last updated: 3 days ago</p><ol><li>Open Settings, then Account.</li><li>Select Email and type the new address.</li><li>Confirm with the code we send you.</li></ol>';
  const pages = {
    'a long policy': siteFrame(policyContent(), { title: 'Privacy Policy | Quillpost' }),
    'a short help article': siteFrame(help, { title: 'Help | Quillpost' }),
  };

  it.each(Object.entries(pages))('reads %s the same through menus, sidebar, footer and related links that change', (_name, html) => {
    const before = readPage(rotatedChrome(html, rng(1)));
    expect(before.mainFound).toBe(true);
    expect(before.errorPage).toBeNull();
    for (const seed of [2, 3, 4, 5]) {
      const after = readPage(rotatedChrome(html, rng(seed)));
      expect(after.text).toBe(before.text);
    }
    // ...and the same as without the related block at all.
    expect(readPage(html).text).toBe(before.text);
  });
});

describe('stripRelativeAge()', () => {
  it.each([
    ['Last updated: 2 weeks ago', 'Last updated:'],
    ['Updated 3 days ago', 'Updated'],
    ['Posted an hour ago by the team', 'Posted by the team'],
    ['Dernière mise à jour : il y a 2 semaines', 'Dernière mise à jour :'],
    ['5 days ago', ''],
  ])('cuts the ticking age from "%s"', (line, expected) => {
    expect(stripRelativeAge(line)).toBe(expected);
  });

  it.each([
    'We delete the data of accounts closed more than 30 days ago.',
    'Last updated: March 4, 2025',
    'Nous supprimons les données des comptes fermés il y a plus de 30 jours.',
  ])('keeps "%s" as it is', (line) => {
    expect(stripRelativeAge(line)).toBe(line);
  });
});

describe('isCopyrightLine()', () => {
  it.each(['© 2026 Quillpost Ltd', 'Copyright © 2019-2026 Example Inc. All rights reserved.', '(c) 2025 Example'])('tells a copyright line: %s', (line) => {
    expect(isCopyrightLine(line)).toBe(true);
  });

  it.each(['© 2026 Quillpost Ltd. We collect the drafts you write and the comments you leave, so that we can publish them.', 'Copyright claims are handled by our legal team within 30 days.'])('not a sentence about it: %s', (line) => {
    expect(isCopyrightLine(line)).toBe(false);
  });
});
