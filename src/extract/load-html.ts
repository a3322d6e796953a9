import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';

/** Deeper elements are folded into their text: no real page nests this deep, hostile ones do. */
export const MAX_DEPTH = 256;

interface Node { type: string; data?: string; children?: Node[]; parent?: Node | null; prev?: Node | null; next?: Node | null }

/**
 * Parses a page with htmlparser2 (linear in the input, where parse5 grows with the square of the
 * nesting depth), then folds every element nested deeper than MAX_DEPTH into one text node, so
 * that the readers, which walk the tree recursively, stay within the stack.
 */
export function loadHtml(html: string): CheerioAPI {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false } });
  const root = $.root()[0] as unknown as Node;
  const stack: Array<[Node, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    for (const child of node.children ?? []) {
      if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') continue;
      if (depth + 1 >= MAX_DEPTH) foldIntoText($, child);
      else stack.push([child, depth + 1]);
    }
  }
  return $;
}

function foldIntoText($: CheerioAPI, element: Node): void {
  const parts: string[] = [];
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push(node.data ?? '');
    else if (node.type === 'tag') for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) stack.push(node.children![i]!);
  }
  // Collected without recursion; cheerio's own .text() getter would recurse as deep as the tree.
  $(element as never).text(parts.join(' '));
}
