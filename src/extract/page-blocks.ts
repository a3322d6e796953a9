import type { CheerioAPI } from 'cheerio';
import { cleanUrlsInText } from './clean-url.js';
import { type DomElement, type DomNode, isElement, isText, normalizeSpace, textOf } from './dom.js';
import { isNoise } from './noise.js';

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
  ) {
    this.listCounter = listIdBase;
  }

  get lastListId(): number {
    return this.listCounter;
  }

  walk(node: DomNode): void {
    if (isText(node)) {
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

  flush(): void {
    if (this.buf.length === 0) return;
    const text = cleanUrlsInText(normalizeSpace(this.buf.join('')));
    this.buf = [];
    if (text === '') return;
    const owner = this.owner;
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
        const text = cleanUrlsInText(textOf(child, this.skip));
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
  /** The main region was found (the `select` selector when given) and has real text. */
  mainFound: boolean;
  root: DomElement | null;
}

const REAL_TEXT_CHARS = 80;

function realText(blocks: Block[]): boolean {
  let total = 0;
  for (const b of blocks) total += b.text.length;
  return total >= REAL_TEXT_CHARS;
}

function collect(root: DomElement, area: Block['area'], skip: (el: DomElement) => boolean, listBase = 0): BlockCollector {
  const collector = new BlockCollector(area, skip, listBase);
  collector.walk(root);
  collector.flush();
  return collector;
}

const DATE_HINT = /\b(?:19|20)\d{2}\b/;
const ANNOUNCEMENT =
  /\b(?:updat\w*|chang\w*|effective|take effect|terms|policy|agreement|notice)\b|mise à jour|mettons à jour|modifi|vigueur|conditions|politique/i;

/** Announcement banners outside the main content ("We're updating our terms on ..."). */
function bannerBlocks(roots: DomElement[], skip: (el: DomElement) => boolean, listBase: number): Block[] {
  const out: Block[] = [];
  for (const root of roots) {
    for (const block of collect(root, 'banner', skip, listBase).blocks) {
      if (block.text.length <= 600 && DATE_HINT.test(block.text) && ANNOUNCEMENT.test(block.text)) {
        out.push({ ...block, listId: null, leadIn: null });
      }
    }
  }
  return out;
}

function firstElement($: CheerioAPI, selector: string): DomElement | null {
  try {
    const el = $(selector).get(0) as unknown as DomElement | undefined;
    return el ?? null;
  } catch {
    return null; // an invalid selector from config reads as "not found"
  }
}

/**
 * Cuts the page into blocks: the main content (the `select` selector, else `main`,
 * `[role=main]`, `article`, else the body without its header, nav, aside and footer), preceded
 * by any announcement banner found outside it.
 */
export function pageBlocks($: CheerioAPI, options: { select?: string } = {}): PageBlocks {
  const body = firstElement($, 'body') ?? (($.root().get(0) as unknown) as DomElement);
  const candidates = options.select ? [options.select] : ['main', '[role=main]', 'article'];
  let root: DomElement | null = null;
  let main: Block[] = [];
  for (const selector of candidates) {
    const el = firstElement($, selector);
    if (el === null || isNoise(el)) continue;
    const blocks = collect(el, 'main', isNoise).blocks;
    if (realText(blocks)) {
      root = el;
      main = blocks;
      break;
    }
  }
  const selectMissed = options.select !== undefined && root === null;
  const bannerSkip = (el: DomElement): boolean => el === root || (isNoise(el) && el.name !== 'aside');
  let banner: Block[];
  if (root !== null) {
    banner = bannerBlocks([body], bannerSkip, 100000);
  } else {
    const chrome = (el: DomElement): boolean => isNoise(el) || el.name === 'header';
    main = collect(body, 'main', chrome).blocks;
    const outside = $('body header, body aside').toArray() as unknown as DomElement[];
    banner = bannerBlocks(outside.filter((el) => !outside.includes(el.parent as DomElement)), bannerSkip, 100000);
  }
  const seen = new Set(main.map((b) => b.text));
  const kept = banner.filter((b) => !seen.has(b.text));
  const shifted = main.map((b) => (b.leadIn === null ? b : { ...b, leadIn: b.leadIn + kept.length }));
  const blocks = [...kept, ...shifted];
  return { blocks, mainFound: !selectMissed && realText(main), root };
}
