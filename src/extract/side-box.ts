import { type DomElement, type DomNode, isElement, isText } from './dom.js';

/**
 * Guards against reading a side box as the page. A sign-up form, a newsletter box or a cookie
 * settings tab can be the page's `main`, its first `article`, or the only block Readability sees
 * (the legal text sits in a tab hidden from it), while the legal text beside it is hundreds of
 * times longer. Lengths count prose only: text outside links, so a long menu is not "text beside".
 */

/** The chosen content is dwarfed when the prose beside it is this many times longer... */
const DWARF_RATIO = 10;
/** ...and at least this long (a short page with a long footer note is no such case). */
const DWARF_MIN_CHARS = 2000;
/** Characters of text outside links under `roots`, skipping what `skip` rejects. */
export function proseChars(roots: readonly DomNode[], skip: (el: DomElement) => boolean): number {
  let chars = 0;
  const visit = (node: DomNode, inLink: boolean): void => {
    if (isText(node)) {
      if (!inLink) chars += node.data.trim().length;
      return;
    }
    if (!isElement(node) || skip(node)) return;
    const link = inLink || node.name === 'a';
    for (const child of node.children) visit(child, link);
  };
  for (const root of roots) visit(root, false);
  return chars;
}

/** Whether content of `chosen` prose characters is a side box on a page of `page` prose characters. */
export function isDwarfed(chosen: number, page: number): boolean {
  const beside = page - chosen;
  return beside >= DWARF_MIN_CHARS && chosen * DWARF_RATIO < beside;
}
