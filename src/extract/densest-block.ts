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
  roots.unshift(block);
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
