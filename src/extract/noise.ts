import type { DomElement } from './dom.js';

/** Elements that never hold page content. */
const NEVER_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'nav', 'footer', 'select', 'option', 'button', 'dialog', 'head', 'meta', 'link', 'input',
  'textarea', 'aside', 'menu',
]);
const NOISE_ROLE = /^(?:navigation|contentinfo|search|dialog|alertdialog|menu|menubar|banner-nav)$/i;
const NOISE_CLASS =
  /cookie|consent[-_]?(?:banner|bar|dialog|modal|notice|manager)|gdpr|lang(?:uage)?[-_]?(?:picker|selector|select|switch|chooser|menu|list|dropdown)|locale[-_]?(?:picker|selector|switch|list)|share[-_]?(?:bar|buttons|menu|links)|social[-_]?(?:share|links)|skip[-_]?(?:link|to)|breadcrumb|global-footer|site-footer|nav-footer|sign-?in-modal|join-form|toast|wm-ipp|wb-autocomplete|donato/i;

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

/** True for an element whose whole subtree is navigation, chrome or per-load noise. */
export function isNoise(el: DomElement): boolean {
  if (NEVER_CONTENT.has(el.name)) return true;
  const a = el.attribs;
  if (a['hidden'] !== undefined) return true;
  if (a['role'] !== undefined && NOISE_ROLE.test(a['role'])) return true;
  if (el.name === 'code' && /display\s*:\s*none/i.test(a['style'] ?? '')) return true;
  const names = `${a['class'] ?? ''} ${a['id'] ?? ''} ${a['data-alert-type'] ?? ''}`;
  if (names.length > 1 && NOISE_CLASS.test(names)) return true;
  return isLanguageList(el);
}
