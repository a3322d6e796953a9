import type { CheerioAPI } from 'cheerio';
import type { RangeSelector, Selector } from '../domain/source.js';
import type { DomElement, DomNode } from './dom.js';

function first($: CheerioAPI, css: string): DomNode | null {
  return ($(css).get(0) as unknown as DomNode | undefined) ?? null;
}

function childrenOf(node: DomNode): DomNode[] {
  return (node as Partial<DomElement>).children ?? [];
}

/**
 * The nodes an Open Terms Archive range covers, as the largest whole subtrees inside it, in
 * document order: from its start (`startBefore`: that element included; `startAfter`: after it)
 * to its end (`endBefore`: before that element; `endAfter`: it included). A range whose start or
 * end is missing, or that ends before it starts, covers nothing.
 */
export function rangeNodes($: CheerioAPI, range: RangeSelector): DomNode[] {
  const startEl = first($, range.startBefore ?? range.startAfter ?? '');
  const endEl = first($, range.endBefore ?? range.endAfter ?? '');
  if (startEl === null || endEl === null) return [];
  const root = $.root().get(0) as unknown as DomNode;
  // Pre-order numbers of every node, and the last number inside each subtree.
  const pre = new Map<DomNode, number>();
  const last = new Map<DomNode, number>();
  let counter = 0;
  const stack: Array<[DomNode, boolean]> = [[root, false]];
  while (stack.length > 0) {
    const [node, done] = stack.pop()!;
    if (done) {
      last.set(node, counter - 1);
      continue;
    }
    pre.set(node, counter++);
    stack.push([node, true]);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, false]);
  }
  const from = range.startBefore !== undefined ? pre.get(startEl)! : last.get(startEl)! + 1;
  const to = range.endBefore !== undefined ? pre.get(endEl)! - 1 : last.get(endEl)!;
  if (from > to) return [];
  const out: DomNode[] = [];
  const visit: DomNode[] = [root];
  while (visit.length > 0) {
    const node = visit.pop()!;
    const a = pre.get(node)!;
    const b = last.get(node)!;
    if (b < from || a > to) continue;
    if (a >= from && b <= to && node !== root) {
      out.push(node);
      continue;
    }
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) visit.push(kids[i]!);
  }
  return out;
}

/** Every node a selector covers: all matches of a CSS selector, or a range's subtrees. */
export function selectorNodes($: CheerioAPI, selector: Selector): DomNode[] {
  if (typeof selector === 'string') return $(selector).toArray() as unknown as DomNode[];
  return rangeNodes($, selector);
}

/** Drops what `remove` names from the parsed page, before anything reads it. */
export function removeSelected($: CheerioAPI, selectors: readonly Selector[]): void {
  for (const selector of selectors) {
    const nodes = selectorNodes($, selector);
    if (nodes.length > 0) $(nodes as never).remove();
  }
}

/** A detached element holding `nodes` as its children, for reading joined selections as one. */
export function syntheticRoot(nodes: DomNode[]): DomElement {
  return { type: 'tag', name: 'div', attribs: {}, children: nodes, parent: null };
}
