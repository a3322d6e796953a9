import { type DomElement, type DomNode, isElement, isText } from './dom.js';

/** Most of a links-only index's text is its links' (a date or a tag beside each is allowed). */
const LINKED_SHARE = 0.7;

/**
 * A blog index that is its links: a heading and links, or a list of links with no heading and
 * little text around them. Either is a valid page however short it is; an error page in the
 * blog's frame is told apart by its wording (`detectErrorPage`), not here.
 */
export function isLinkIndex(roots: readonly DomElement[], skip: (el: DomElement) => boolean): boolean {
  let links = 0;
  let headings = 0;
  let all = 0;
  let linked = 0;
  const visit = (node: DomNode, inLink: boolean): void => {
    if (isText(node)) {
      const chars = node.data.trim().length;
      all += chars;
      if (inLink) linked += chars;
      return;
    }
    if (!isElement(node) || skip(node)) return;
    const isLink = node.name === 'a' && node.attribs['href'] !== undefined;
    if (isLink) links += 1;
    if (/^h[1-6]$/.test(node.name)) headings += 1;
    for (const child of node.children) visit(child, inLink || isLink);
  };
  for (const root of roots) visit(root, false);
  if (links === 0) return false;
  return headings > 0 || (linked > 0 && linked >= all * LINKED_SHARE);
}
