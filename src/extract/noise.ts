import type { DomElement, DomNode, DomText } from './dom.js';

/** Elements that never hold page content. */
const NEVER_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'nav', 'footer', 'select', 'option', 'button', 'dialog', 'head', 'meta', 'link', 'input',
  'textarea', 'aside', 'menu',
]);
const NOISE_ROLE = /^(?:navigation|contentinfo|search|dialog|alertdialog|menu|menubar|banner-nav)$/i;
const NOISE_CLASS =
  /cookie|consent[-_]?(?:banner|bar|dialog|modal|notice|manager)|gdpr|lang(?:uage)?[-_]?(?:picker|selector|select|switch|chooser|menu|list|dropdown)|locale[-_]?(?:picker|selector|switch|list)|share[-_]?(?:bar|buttons|menu|links)|social[-_]?(?:share|links)|skip[-_]?(?:link|to)|breadcrumb|global-footer|site-footer|nav-footer|sign-?in-modal|join-form|toast|wm-ipp|wb-autocomplete|donato|onetrust|didomi|usercentrics|truste-|qc-cmp|cmp-(?:banner|container|dialog)|cc-(?:window|banner)|cky-consent|osano-cm|fc-consent|consent[-_]?(?:container|root|window|popup|wrapper|layer)|mega-?menu|dropdown-menu|site-menu|main-menu|mobile-menu|nav-menu|menu-toggle|hamburger|off-?canvas/i;
/** Text kept for screen readers only: "(opens in a new tab)" added to a link is not page text. */
const SCREEN_READER_ONLY =
  /(?:^|\s|_)(?:sr-only|sr-text|show-for-sr|visually-?hidden|visuallyhidden|hidden-visually|u-hidden-visually|screen-?reader(?:-text|-only)?|a11y-(?:hidden|only)|assistive-text|element-invisible|hidden-accessible|offscreen)(?:\s|$|__)/i;
const SKIP_LINK_TEXT = /^\s*(?:skip|jump)\s+(?:to\b|(?:the\s+)?(?:main\s+)?(?:navigation|nav|menu|links|header)\b)|^\s*(?:aller|passer|acc[ée]der)\s+(?:au|directement au)\s+(?:contenu|menu)/i;
/** `aria-hidden` on more text than this is a page hidden behind a dialog, not a decoration. */
const ARIA_HIDDEN_MAX_CHARS = 300;
/**
 * `hidden` on more text than this is a tab of the document (a tabbed legal page shows one tab
 * and hides the others in the served HTML), not a menu or a dialog: it is read, as a
 * declaration's `select` would read it.
 */
const HIDDEN_MAX_CHARS = 2000;

/** Lists of links to the same page in other languages: a language picker without a class. */
function isLanguageList(el: DomElement): boolean {
  if (el.name !== 'ul' && el.name !== 'ol' && el.name !== 'div') return false;
  let tagged = 0;
  let links = 0;
  const visit = (node: DomElement, depth: number): void => {
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const c = child as DomElement;
      if (c.name === 'a') {
        links += 1;
        if (c.attribs['hreflang'] !== undefined || c.attribs['lang'] !== undefined) tagged += 1;
      }
      if (depth < 3) visit(c, depth + 1);
    }
  };
  visit(el, 0);
  return tagged >= 4 && tagged * 2 >= links;
}

/** Text of a subtree, counted only up to `limit` characters. */
function textBeyond(el: DomElement, limit: number): boolean {
  let chars = 0;
  const stack: DomNode[] = [...el.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      chars += (node as DomText).data.trim().length;
      if (chars > limit) return true;
    } else if (node.type === 'tag') stack.push(...(node as DomElement).children);
  }
  return false;
}

const CONSENT_LABEL = /cookie|consent|gdpr|rgpd/i;
const CONSENT_TEXT =
  /\b(?:this\s+(?:web)?site|we(?:\s+and\s+our\s+[\w\s]{0,30}partners)?)\s+uses?\s+cookies\b|\bcookies?\b[^.]{0,120}\b(?:accept|agree|consent|preferences)\b|\b(?:ce\s+site|nous)\s+utilis\w*\s+des\s+(?:cookies|traceurs)/i;
/** A consent banner is a sentence or two and its buttons; a cookie policy is far longer. */
const CONSENT_MAX_CHARS = 500;
const CONSENT_BOXES = new Set(['div', 'section', 'form', 'aside', 'p']);

/** Text of a subtree up to `limit` characters (null past it), and whether it holds a button. */
function shortText(el: DomElement, limit: number): { text: string; button: boolean } | null {
  const parts: string[] = [];
  let chars = 0;
  let button = false;
  const stack: DomNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const t = (node as DomText).data;
      chars += t.trim().length;
      if (chars > limit) return null;
      parts.push(t);
    } else if (node.type === 'tag') {
      const e = node as DomElement;
      if (e.name === 'button' || e.attribs['role'] === 'button' || (e.name === 'input' && /^(?:button|submit)$/i.test(e.attribs['type'] ?? ''))) button = true;
      for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
    }
  }
  return { text: parts.join(' '), button };
}

/**
 * A cookie or consent banner whatever its class: a short box with a button, saying the site
 * uses cookies, or labelled as such for screen readers.
 */
function isConsentBanner(el: DomElement): boolean {
  if (!CONSENT_BOXES.has(el.name)) return false;
  const label = el.attribs['aria-label'];
  if (label !== undefined && CONSENT_LABEL.test(label) && (el.attribs['role'] === 'region' || el.attribs['role'] === 'dialog' || el.attribs['aria-modal'] !== undefined)) return true;
  const short = shortText(el, CONSENT_MAX_CHARS);
  return short !== null && short.button && CONSENT_TEXT.test(short.text);
}

/** True for an element whose whole subtree is navigation, chrome or per-load noise. */
export function isNoise(el: DomElement): boolean {
  if (NEVER_CONTENT.has(el.name)) return true;
  const a = el.attribs;
  if (a['hidden'] !== undefined && !textBeyond(el, HIDDEN_MAX_CHARS)) return true;
  if (a['class'] !== undefined && SCREEN_READER_ONLY.test(a['class'])) return true;
  if (a['aria-hidden'] === 'true' && el.name !== 'main' && el.name !== 'body' && !textBeyond(el, ARIA_HIDDEN_MAX_CHARS)) return true;
  if (el.name === 'a' && (a['href'] ?? '').startsWith('#') && el.children.length <= 3) {
    const first = el.children[0];
    if (first !== undefined && first.type === 'text' && SKIP_LINK_TEXT.test((first as DomText).data)) return true;
  }
  if (a['role'] !== undefined && NOISE_ROLE.test(a['role'])) return true;
  if (el.name === 'code' && /display\s*:\s*none/i.test(a['style'] ?? '')) return true;
  const names = `${a['class'] ?? ''} ${a['id'] ?? ''} ${a['data-alert-type'] ?? ''}`;
  if (names.length > 1 && NOISE_CLASS.test(names)) return true;
  return isLanguageList(el) || isConsentBanner(el);
}

/** A label of when a page changed: "Last updated", "Posted", "Dernière mise à jour". */
const AGE_LABEL = String.raw`(?:(?:last\s+)?(?:updated|modified|edited|reviewed|revised|published|posted)(?:\s+on)?|(?:derni[eè]re\s+)?mise\s+[àa]\s+jour|mis\s+[àa]\s+jour|modifi[ée]e?|publi[ée]e?)`;
const AGE_EN = String.raw`(?:(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|yesterday|today|just\s+now)`;
const AGE_FR = String.raw`(?:il\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|années?)|hier|aujourd'hui|à\s+l'instant)`;
const RELATIVE_AGE = new RegExp(String.raw`(\b${AGE_LABEL}\s*:?\s*)(?:${AGE_EN}|${AGE_FR})(?![\w'])`, 'giu');
const LONE_AGE = new RegExp(String.raw`^\s*(?:${AGE_EN}|${AGE_FR})\s*$`, 'iu');

/**
 * A page's age as the server counts it on each load ("Last updated: 2 weeks ago", "il y a 3
 * semaines") ticks on without any edit: it is cut from the line, keeping the label. Only after
 * such a label (or alone on its line), so that "accounts closed 30 days ago" stays text.
 */
export function stripRelativeAge(line: string): string {
  if (LONE_AGE.test(line)) return '';
  if (!RELATIVE_AGE.test(line)) return line;
  RELATIVE_AGE.lastIndex = 0;
  return line.replace(RELATIVE_AGE, (_all, label: string) => label).replace(/\s{2,}/g, ' ').trim();
}

/** "© 2026 Example Ltd", "Copyright 2019-2026 Example. All rights reserved.": a footer's line. */
const COPYRIGHT_LINE = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?(?:19|20)\d{2}\b[^.]{0,80}(?:\.\s*(?:all\s+rights\s+reserved|tous\s+droits\s+r[ée]serv[ée]s)\.?)?\.?$/i;

/**
 * A copyright notice alone on its line: its year moves every January on every page, and what
 * the page says does not. Footers are set aside as chrome; this catches the ones that are not
 * marked as such.
 */
export function isCopyrightLine(line: string): boolean {
  return line.length <= 160 && COPYRIGHT_LINE.test(line);
}
