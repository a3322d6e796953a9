import type { CheerioAPI } from 'cheerio';
import { cleanUrlsInText } from './clean-url.js';
import { type DomElement, type DomNode, isElement, isText, normalizeSpace, textOf } from './dom.js';
import { isCopyrightLine, isNoise as isNoiseElement, stripRelativeAge } from './noise.js';
import type { PageFilters } from './compile-filters.js';
import { densestBlock } from './densest-block.js';
import { isLinkIndex } from './link-index.js';
import { isDwarfed, proseChars } from './side-box.js';
import { removeSelected, selectorNodes, syntheticRoot } from './select-nodes.js';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row';

/** One line of the normalized text: a heading, a paragraph, a list item or a table row. */
export interface Block {
  kind: BlockKind;
  /** Normalized text, without the "- " of list items. */
  text: string;
  /** Heading level (1-6); nesting depth for items; 0 otherwise. */
  level: number;
  /** `banner`: an announcement found outside the main content. */
  area: 'banner' | 'main';
  /** Items of one list (rows of one table) share it. */
  listId: number | null;
  /** Index of the block just before the list or table started: what introduces it. */
  leadIn: number | null;
}

export function blockLine(block: Block): string {
  return block.kind === 'item' ? `- ${block.text}` : block.text;
}

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'blockquote', 'figure', 'figcaption', 'pre',
  'address', 'details', 'summary', 'form', 'fieldset', 'legend', 'center', 'hgroup', 'dl', 'dt', 'dd',
  'caption', 'hr', 'body', 'html', 'label',
]);

const BLANK_LINE = /\r?\n[ \t\u00a0]*\r?\n/;
/** A blank line with words on both sides of it in one text node. */
const PARAGRAPH_BREAK = /\S[ \t\u00a0]*\r?\n[ \t\u00a0]*\r?\n\s*\S/;

interface ListContext { listId: number; leadIn: number | null; depth: number }

/** Walks a subtree once, cutting it into blocks. */
class BlockCollector {
  readonly blocks: Block[] = [];
  private buf: string[] = [];
  private owner: { kind: BlockKind; level: number; list: ListContext | null } | null = null;
  private list: ListContext | null = null;
  private listCounter = 0;

  constructor(
    private readonly area: Block['area'],
    private readonly skip: (el: DomElement) => boolean,
    listIdBase: number,
    private readonly ignore: readonly RegExp[] = [],
  ) {
    this.listCounter = listIdBase;
  }

  get lastListId(): number {
    return this.listCounter;
  }

  walk(node: DomNode): void {
    if (isText(node)) {
      // Raw text (a page served as text, a `pre`) separates its paragraphs by blank lines: the
      // same words served in `<p>` elements read the same lines. Within headings, items and
      // cells, and for the whitespace between two tags, a blank line is only space.
      if (this.owner === null && node.data.includes('\n') && PARAGRAPH_BREAK.test(node.data)) {
        node.data.split(BLANK_LINE).forEach((part, i) => {
          if (i > 0) this.flush();
          this.buf.push(part);
        });
        return;
      }
      this.buf.push(node.data);
      return;
    }
    if (!isElement(node) || this.skip(node)) return;
    const name = node.name;
    const level = HEADINGS[name];
    if (level !== undefined) return this.withOwner('heading', level, null, node);
    if (name === 'ul' || name === 'ol' || name === 'table') return this.walkList(node);
    if (name === 'li') return this.withOwner('item', this.list?.depth ?? 1, this.list, node);
    if (name === 'tr') return this.row(node);
    if (name === 'br') {
      if (this.owner === null) this.flush();
      else this.buf.push(' ');
      return;
    }
    if (BLOCK_TAGS.has(name)) {
      this.flush();
      this.walkChildren(node);
      this.flush();
      return;
    }
    this.walkChildren(node);
  }

  /** A line's text: URLs cleaned, then what the source's `ignore` patterns match dropped. */
  private clean(raw: string): string {
    let text = stripRelativeAge(cleanUrlsInText(raw));
    if (this.ignore.length === 0) return text;
    for (const re of this.ignore) text = text.replace(re, ' ');
    return normalizeSpace(text);
  }

  flush(): void {
    if (this.buf.length === 0) return;
    const text = this.clean(normalizeSpace(this.buf.join('')));
    this.buf = [];
    if (text === '') return;
    const owner = this.owner;
    if ((owner === null || owner.kind === 'paragraph') && isCopyrightLine(text)) return;
    this.blocks.push({
      kind: owner?.kind ?? 'paragraph',
      text,
      level: owner?.level ?? 0,
      area: this.area,
      listId: owner?.list?.listId ?? null,
      leadIn: owner?.list?.leadIn ?? null,
    });
  }

  private walkChildren(node: DomElement): void {
    for (const child of node.children) this.walk(child);
  }

  private withOwner(kind: BlockKind, level: number, list: ListContext | null, node: DomElement): void {
    this.flush();
    const saved = this.owner;
    this.owner = { kind, level, list };
    this.walkChildren(node);
    this.flush();
    this.owner = saved;
  }

  private walkList(node: DomElement): void {
    this.flush();
    const saved = this.list;
    const savedOwner = this.owner;
    this.listCounter += 1;
    const leadIn = this.blocks.length > 0 ? this.blocks.length - 1 : null;
    this.list = { listId: this.listCounter, leadIn, depth: (saved?.depth ?? 0) + 1 };
    // A list inside a list item is its own list, not more text of the item.
    this.owner = null;
    this.walkChildren(node);
    this.flush();
    this.list = saved;
    this.owner = savedOwner;
  }

  private row(node: DomElement): void {
    this.flush();
    const cells: string[] = [];
    for (const child of node.children) {
      if (isElement(child) && (child.name === 'td' || child.name === 'th') && !this.skip(child)) {
        const text = this.clean(textOf(child, this.skip));
        if (text !== '') cells.push(text);
      }
    }
    if (cells.length === 0) return;
    this.blocks.push({
      kind: 'row', text: cells.join(' | '), level: 0, area: this.area,
      listId: this.list?.listId ?? null, leadIn: this.list?.leadIn ?? null,
    });
  }
}

export interface PageBlocks {
  blocks: Block[];
  /** The main region was found (the `select` selection when given) and has real text. */
  mainFound: boolean;
  /** What was read as the content: the `select` matches, `main`/`article`, the densest block; null for the body. */
  roots: DomElement[] | null;
  /** How the content was found, for tests and the bench. */
  via: 'select' | 'main' | 'densest' | 'body';
}

export interface PageBlocksOptions {
  /** The source's filters (`compileFilters`); none by default. */
  filters?: PageFilters;
  /** A blog index: a heading and links are content, however short. */
  linkIndex?: boolean;
  /** Without `main`/`article`, pick the densest block with Readability (default true). */
  densest?: boolean;
}

const REAL_TEXT_CHARS = 80;
/** The densest block stands for the page when it holds this much text, or half the page's. */
const DENSE_ENOUGH_CHARS = 500;

function textChars(blocks: Block[]): number {
  let total = 0;
  for (const b of blocks) total += b.text.length;
  return total;
}

function realText(blocks: Block[]): boolean {
  return textChars(blocks) >= REAL_TEXT_CHARS;
}

function collect(root: DomElement, area: Block['area'], skip: (el: DomElement) => boolean, listBase = 0, ignore: readonly RegExp[] = []): BlockCollector {
  const collector = new BlockCollector(area, skip, listBase, ignore);
  collector.walk(root);
  collector.flush();
  return collector;
}

const DATE_HINT = /\b(?:19|20)\d{2}\b/;
const ANNOUNCEMENT =
  /\b(?:updat\w*|chang\w*|effective|take effect|terms|policy|agreement|notice)\b|mise à jour|mettons à jour|modifi|vigueur|conditions|politique/i;

/** Announcement banners outside the main content ("We're updating our terms on ..."). */
function bannerBlocks(roots: DomElement[], skip: (el: DomElement) => boolean, listBase: number, ignore: readonly RegExp[]): Block[] {
  const out: Block[] = [];
  for (const root of roots) {
    for (const block of collect(root, 'banner', skip, listBase, ignore).blocks) {
      if (block.text.length <= 600 && DATE_HINT.test(block.text) && ANNOUNCEMENT.test(block.text)) {
        out.push({ ...block, listId: null, leadIn: null });
      }
    }
  }
  return out;
}

function firstElement($: CheerioAPI, selector: string): DomElement | null {
  const el = $(selector).get(0) as unknown as DomElement | undefined;
  return el ?? null;
}

/** Nodes of the selections in order, without those inside an earlier one (joined once). */
function selectedNodes($: CheerioAPI, filters: PageFilters): DomNode[] {
  const out: DomNode[] = [];
  const taken = new Set<DomNode>();
  const inside = (node: DomNode): boolean => {
    for (let n: DomNode | null = node; n !== null; n = n.parent) if (taken.has(n)) return true;
    return false;
  };
  for (const selector of filters.select ?? []) {
    for (const node of selectorNodes($, selector)) {
      if (inside(node)) continue;
      taken.add(node);
      out.push(node);
    }
  }
  return out;
}

const NO_FILTERS: PageFilters = { select: null, remove: [], ignore: [] };
const keepAll = (): boolean => false;

/** `isNoise`, each element's answer kept for the rest of the page's reading. */
function noiseOnce(): (el: DomElement) => boolean {
  const known = new Map<DomElement, boolean>();
  return (el) => {
    let noise = known.get(el);
    if (noise === undefined) {
      noise = isNoiseElement(el);
      known.set(el, noise);
    }
    return noise;
  };
}

/**
 * Cuts the page into blocks: the main content, preceded by any announcement banner found
 * outside it. The content is the source's `select` (its matches joined in order), else `main`,
 * `[role=main]`, `article`, else the block Readability finds densest once site chrome (header,
 * nav, footer, aside, cookie banners, menus, screen-reader-only text) is set aside, else the body
 * without that chrome. The source's `remove` is dropped first; its `ignore` patterns are cut
 * from every line.
 */
export function pageBlocks($: CheerioAPI, options: PageBlocksOptions = {}): PageBlocks {
  const filters = options.filters ?? NO_FILTERS;
  const ignore = filters.ignore;
  if (filters.remove.length > 0) removeSelected($, filters.remove);
  // The side-box check, the reading and the banner walk ask about the same elements, and the tree
  // no longer changes from here: each element is judged once.
  const isNoise = noiseOnce();
  const chrome = (el: DomElement): boolean => isNoise(el) || el.name === 'header' || el.attribs['role'] === 'banner' || el.attribs['role'] === 'complementary';
  // A page served as text (or a fragment) has no body element: its top-level nodes stand for it.
  const realBody = firstElement($, 'body');
  const body = realBody ?? syntheticRoot(($.root().get(0) as unknown as DomElement).children);
  const linkIndex = options.linkIndex === true;
  let roots: DomElement[] | null = null;
  let main: Block[] = [];
  let via: PageBlocks['via'] = 'body';
  let found = false;
  if (filters.select !== null) {
    const nodes = selectedNodes($, filters);
    if (nodes.length > 0) {
      const chosen = new Set(nodes);
      // The user's choice is read even where it looks like chrome (an `aside` holding the terms).
      main = collect(syntheticRoot(nodes), 'main', (el) => !chosen.has(el) && isNoise(el), 0, ignore).blocks;
      roots = nodes.filter((n): n is DomElement => n.type === 'tag');
      via = 'select';
      found = main.length > 0;
    }
  }
  // A selection that matched nothing still reads the page, but mainFound stays false.
  const missed = filters.select !== null && roots === null;
  // The page's prose outside chrome, counted once when a choice must be weighed against it.
  let pageProse: number | null = null;
  let pageBound: number | null = null;
  const sideBox = (chosen: readonly DomNode[], skip: (el: DomElement) => boolean): boolean => {
    const chars = proseChars(chosen, skip);
    // The body's prose without skipping anything bounds the page's: when even that is not long
    // enough to dwarf the choice, the page's chrome need not be judged to know it.
    pageBound ??= proseChars([body], keepAll);
    if (!isDwarfed(chars, pageBound)) return false;
    pageProse ??= proseChars([body], chrome);
    return isDwarfed(chars, pageProse);
  };
  if (roots === null) {
    for (const selector of ['main', '[role=main]', 'article']) {
      const el = firstElement($, selector);
      if (el === null || isNoise(el)) continue;
      const blocks = collect(el, 'main', isNoise, 0, ignore).blocks;
      // A blog index's `main` may well be short beside a long page: it is its links.
      if (!linkIndex && sideBox([el], isNoise)) continue;
      if (realText(blocks) || (linkIndex && blocks.length > 0 && isLinkIndex([el], isNoise))) {
        roots = [el];
        main = blocks;
        via = 'main';
        found = !missed;
        break;
      }
    }
  }
  let banner: Block[] = [];
  /** Side boxes set aside from the body's reading (their dated update lines still come first). */
  let boxes = new Set<DomElement>();
  if (roots === null) {
    main = collect(body, 'main', chrome, 0, ignore).blocks;
    found = !missed && (realText(main) || (linkIndex && main.length > 0 && isLinkIndex([body], chrome)));
    // A blog index is its links: Readability would keep the densest prose and drop them.
    if (options.densest !== false && realBody !== null && !linkIndex && realText(main)) {
      const dense = densestBlock($, body, chrome);
      if (dense !== null) {
        const skip = (el: DomElement): boolean => chrome(el) || dense.dropped.has(el);
        const blocks = collect(syntheticRoot(dense.roots), 'main', skip, 0, ignore).blocks;
        const chars = textChars(blocks);
        if (realText(blocks) && sideBox(dense.roots, skip)) {
          // Readability saw only a box (the text is in markup it does not score, or hidden from
          // it): the body is read without that box, which moves without the text changing.
          // (The page's H1, which densestBlock puts back before what it chose, is no box.)
          boxes = new Set(dense.roots.filter((el) => HEADINGS[el.name] === undefined));
          main = collect(body, 'main', (el) => chrome(el) || boxes.has(el), 0, ignore).blocks;
        } else if (realText(blocks) && (chars >= DENSE_ENOUGH_CHARS || chars * 2 >= textChars(main))) {
          main = blocks;
          roots = dense.roots;
          via = 'densest';
        }
      }
    }
    if (roots === null) {
      const outside = $('body header, body aside, body [role=banner]').toArray() as unknown as DomElement[];
      const skip = (el: DomElement): boolean => isNoise(el) && el.name !== 'aside';
      const tops = [...outside, ...boxes].filter((el) => !outside.includes(el.parent as DomElement));
      banner = bannerBlocks(tops, skip, 100000, ignore);
    }
  }
  if (roots !== null) {
    const inRoots = new Set<DomElement>(roots);
    const bannerSkip = (el: DomElement): boolean => inRoots.has(el) || (isNoise(el) && el.name !== 'aside');
    banner = bannerBlocks([body], bannerSkip, 100000, ignore);
  }
  const seen = new Set(main.map((b) => b.text));
  const kept = banner.filter((b) => !seen.has(b.text));
  const shifted = main.map((b) => (b.leadIn === null ? b : { ...b, leadIn: b.leadIn + kept.length }));
  const blocks = [...kept, ...shifted];
  return { blocks, mainFound: found, roots, via };
}
