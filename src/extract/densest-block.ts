import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio';
import type { DomElement, DomNode, DomText } from './dom.js';

// Loaded on first use, synchronously (both ship CommonJS): linkedom alone costs ~100 ms to
// import, and only pages without `main` or `article` need it.
const require = createRequire(import.meta.url);
let libraries: { parseHTML: typeof import('linkedom').parseHTML; Readability: typeof import('@mozilla/readability').Readability } | null = null;
function load(): NonNullable<typeof libraries> {
  libraries ??= {
    parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
  };
  return libraries;
}

const INDEX = 'data-pw-i';
const CHROME = 'data-pw-chrome';

export interface DensestBlock {
  /** The content's subtrees in the parsed page, in document order. */
  roots: DomElement[];
  /** Link lists inside them that Readability also dropped (menus, "related" blocks). */
  dropped: Set<DomElement>;
}

function elementChildren(el: DomElement): DomElement[] {
  return el.children.filter((c): c is DomElement => c.type === 'tag');
}

const SUB_HEADING = /^h[2-6]$/;
/** A "Related articles" or "More help" heading over a link list is part of the list. */
const LIST_HEADING_CHARS = 60;

/** A block made of links: three or more, and most of its text (past one short heading) is theirs. */
function isLinkBlock(el: DomElement): boolean {
  let all = 0;
  let linked = 0;
  let links = 0;
  let headings = 0;
  let headingChars = 0;
  const stack: Array<[DomNode, boolean, boolean]> = [[el, false, false]];
  while (stack.length > 0) {
    const [node, inLink, inHeading] = stack.pop()!;
    if (node.type === 'text') {
      const n = (node as DomText).data.trim().length;
      all += n;
      if (inLink) linked += n;
      else if (inHeading) headingChars += n;
    } else if (node.type === 'tag') {
      const e = node as DomElement;
      if (e.name === 'h1') return false;
      const isLink = e.name === 'a';
      const isHeading = SUB_HEADING.test(e.name);
      if (isLink) links += 1;
      if (isHeading) headings += 1;
      for (const child of e.children) stack.push([child, inLink || isLink, inHeading || isHeading]);
    }
  }
  const listed = headings === 1 && headingChars <= LIST_HEADING_CHARS ? all - headingChars : all;
  return links >= 3 && listed > 0 && linked >= listed * 0.7;
}

function textLength(el: DomElement, limit: number): number {
  let chars = 0;
  const stack: DomNode[] = [el];
  while (stack.length > 0 && chars <= limit) {
    const node = stack.pop()!;
    if (node.type === 'text') chars += (node as DomText).data.trim().length;
    else if (node.type === 'tag') stack.push(...(node as DomElement).children);
  }
  return chars;
}

/** A title block beside the chosen content holds this little text (the H1 and its date line). */
const TITLE_BLOCK_CHARS = 500;

/**
 * Readability takes the page's H1 for the article title and leaves it out of the content; here
 * it is content (its wording, and the "Last updated" line often beside it). The first H1 before
 * the content is put back, with its parent when that is a small block of its own.
 */
function rescueTitle(elements: DomElement[], roots: DomElement[], covered: Set<DomElement>, skip: (el: DomElement) => boolean): void {
  const order = new Map(elements.map((el, i) => [el, i]));
  const h1 = elements.find((el) => el.name === 'h1');
  if (h1 === undefined || covered.has(h1) || roots.includes(h1) || roots.length === 0) return;
  if ((order.get(h1) ?? 0) > (order.get(roots[0]!) ?? 0)) return;
  let block = h1;
  const parent = h1.parent as DomElement | null;
  if (parent !== null && parent.name !== 'body' && order.has(parent) && !skip(parent) && textLength(parent, TITLE_BLOCK_CHARS) <= TITLE_BLOCK_CHARS
    && !roots.some((r) => r === parent || isInside(r, parent))) {
    block = parent;
  }
  // The short lines between the title and the content (its date line, whichever tag it is in)
  // belong to the title too.
  const between: DomElement[] = [];
  if (block === h1 && parent !== null) {
    const siblings = elementChildren(parent);
    let chars = 0;
    for (let i = siblings.indexOf(h1) + 1; i < siblings.length; i++) {
      const el = siblings[i]!;
      if (roots.some((r) => r === el || isInside(r, el))) break;
      if (skip(el) || isLinkBlock(el)) continue;
      chars += textLength(el, TITLE_BLOCK_CHARS);
      if (chars > TITLE_BLOCK_CHARS) break;
      between.push(el);
    }
    if (!siblings.some((el) => roots.some((r) => r === el || isInside(r, el)))) between.length = 0;
  }
  roots.unshift(block, ...between);
}

/**
 * Content is contiguous: where Readability kept several children of one container, what lies
 * between them is content too. On a page without wrappers it scores each paragraph against its
 * siblings and may drop one in the middle when another turns from `p` into `div`; such a flip is
 * markup churn, not an edit. Chrome and link lists in the gap stay out.
 */
function fillGaps(roots: DomElement[], keptEl: Set<DomElement>, skip: (el: DomElement) => boolean): void {
  const byParent = new Map<DomNode, DomElement[]>();
  for (const root of roots) {
    if (root.parent === null) continue;
    const list = byParent.get(root.parent) ?? [];
    list.push(root);
    byParent.set(root.parent, list);
  }
  const added: DomElement[] = [];
  for (const [parent, kids] of byParent) {
    if (kids.length < 2) continue;
    const siblings = elementChildren(parent as DomElement);
    const first = siblings.indexOf(kids[0]!);
    const last = siblings.indexOf(kids[kids.length - 1]!);
    for (let i = 0; i < siblings.length; i++) {
      const el = siblings[i]!;
      if (i < first || roots.includes(el) || skip(el) || isLinkBlock(el) || roots.some((r) => isInside(r, el))) continue;
      // After the kept run, only a `div` that reads as a paragraph, judged as Readability
      // judges a `p` sibling of its choice (what comes before is the title's, see rescueTitle).
      if (i > last && !isParagraphSibling(el)) continue;
      keptEl.add(el);
      added.push(el);
    }
  }
  if (added.length === 0) return;
  const all = [...roots, ...added];
  const order = (el: DomElement): number[] => {
    const path: number[] = [];
    for (let n: DomElement = el; n.parent !== null; n = n.parent as DomElement) path.unshift(elementChildren(n.parent as DomElement).indexOf(n));
    return path;
  };
  const paths = new Map(all.map((el) => [el, order(el)]));
  all.sort((a, b) => {
    const pa = paths.get(a)!;
    const pb = paths.get(b)!;
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return pa.length - pb.length;
  });
  roots.splice(0, roots.length, ...all);
}

const PHRASING = /^(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr|br|img|font)$/;

/**
 * Readability wraps the loose text of a `div` that also holds blocks into new paragraphs it
 * makes itself (not numbered, so not mapped back): what maps back is an inline element of that
 * text, a bold word. Its block is what was chosen, so the root is lifted to it.
 */
function liftPhrasing(roots: DomElement[], keptEl: Set<DomElement>, body: DomElement): void {
  let lifted = false;
  for (let i = 0; i < roots.length; i++) {
    let el = roots[i]!;
    while (PHRASING.test(el.name) && el.parent !== null && el.parent !== body && (el.parent as DomElement).type === 'tag') el = el.parent as DomElement;
    if (el !== roots[i]) {
      roots[i] = el;
      keptEl.add(el);
      lifted = true;
    }
  }
  if (!lifted) return;
  // Drop duplicates and roots now inside another.
  const unique = [...new Set(roots)];
  roots.splice(0, roots.length, ...unique.filter((r) => !unique.some((o) => o !== r && isInside(r, o))));
}

const BLOCKS_INSIDE = /^(?:p|div|section|article|ul|ol|table|h[1-6]|form|blockquote|pre|dl|figure|header|footer|nav|aside)$/;

/** A `div` or `section` holding only a paragraph's text: Readability's rule for a `p` sibling. */
function isParagraphSibling(el: DomElement): boolean {
  if (el.name !== 'div' && el.name !== 'section') return false;
  let all = 0;
  let linked = 0;
  const parts: string[] = [];
  const stack: Array<[DomNode, boolean]> = [[el, false]];
  while (stack.length > 0) {
    const [node, inLink] = stack.pop()!;
    if (node.type === 'text') {
      const t = (node as DomText).data;
      all += t.trim().length;
      if (inLink) linked += t.trim().length;
      parts.push(t);
    } else if (node.type === 'tag') {
      const e = node as DomElement;
      if (e !== el && BLOCKS_INSIDE.test(e.name)) return false;
      for (let i = e.children.length - 1; i >= 0; i--) stack.push([e.children[i]!, inLink || e.name === 'a']);
    }
  }
  if (all === 0) return false;
  if (all >= 80) return linked < all * 0.25;
  return linked === 0 && /\.(?: |$)/.test(parts.join(' ').trim());
}

function isInside(node: DomElement, ancestor: DomElement): boolean {
  for (let n = node.parent as DomElement | null; n !== null; n = n.parent as DomElement | null) if (n === ancestor) return true;
  return false;
}

/**
 * The content block of a page without `main` or `article`, chosen by text density with
 * @mozilla/readability on a linkedom copy (Readability rewrites the document it is given). Each
 * element is numbered in the copy, so the choice maps back to the parsed page, which is then read
 * as usual: the text comes from the page's own markup, not from Readability's rewrite. Elements
 * `skip` rejects (site chrome) are left out of the copy. Null when Readability finds nothing.
 */
export function densestBlock($: CheerioAPI, body: DomElement, skip: (el: DomElement) => boolean): DensestBlock | null {
  const elements: DomElement[] = [];
  const marked: DomElement[] = [];
  const stack: DomElement[] = [body];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el !== body && skip(el)) {
      el.attribs[CHROME] = '';
      marked.push(el);
      continue;
    }
    el.attribs[INDEX] = String(elements.length);
    elements.push(el);
    const kids = elementChildren(el);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  let html: string;
  try {
    html = $.html(body as never);
  } finally {
    for (const el of elements) delete el.attribs[INDEX];
    for (const el of marked) delete el.attribs[CHROME];
  }
  const { parseHTML, Readability } = load();
  const { document } = parseHTML(`<!DOCTYPE html><html><head><title></title></head>${html}</html>`);
  for (const el of Array.from(document.querySelectorAll(`[${CHROME}]`))) el.remove();
  const reader = new Readability(document as unknown as Document, { serializer: (node: Node) => node, disableJSONLD: true, keepClasses: true });
  // Its last pass only tidies the output's markup (URLs, classes, wrappers), which is not read here.
  (reader as unknown as { _postProcessContent: () => void })._postProcessContent = () => undefined;
  const article = reader.parse();
  const content = article?.content as unknown as Element | null | undefined;
  if (!content) return null;
  const kept = new Set<number>();
  for (const el of Array.from(content.querySelectorAll(`[${INDEX}]`))) kept.add(Number(el.getAttribute(INDEX)));
  if (kept.size === 0) return null;
  const keptEl = new Set([...kept].map((i) => elements[i]!).filter(Boolean));
  // Outermost kept elements only: Readability may have dropped a wrapper between two kept ones.
  const covered = new Set<DomElement>();
  const roots: DomElement[] = [];
  for (const el of elements) {
    const parent = el.parent as DomElement;
    if (covered.has(parent) || keptEl.has(parent)) covered.add(el);
    else if (keptEl.has(el)) roots.push(el);
  }
  liftPhrasing(roots, keptEl, body);
  fillGaps(roots, keptEl, skip);
  rescueTitle(elements, roots, covered, skip);
  // Link lists inside the content are menus and "related" blocks, whether Readability dropped
  // them or, on a short page, kept them with the sidebar and footer around the content: their
  // links rotate from one load to the next.
  const dropped = new Set<DomElement>();
  const visit = [...roots];
  while (visit.length > 0) {
    const el = visit.pop()!;
    for (const child of elementChildren(el)) {
      if (child.attribs[CHROME] !== undefined) continue;
      if (isLinkBlock(child)) dropped.add(child);
      else visit.push(child);
    }
  }
  return { roots, dropped };
}
