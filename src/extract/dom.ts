/** The few fields of cheerio's (domhandler's) nodes the reader walks, typed structurally. */
export interface DomNode {
  type: string;
  parent: DomNode | null;
}
export interface DomElement extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}
export interface DomText extends DomNode {
  data: string;
}

export function isElement(node: DomNode): node is DomElement {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: DomNode): node is DomText {
  return node.type === 'text';
}

/** Whitespace and typography normalized so that the same words always read the same. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** All text under a node (skipping what `skip` rejects), block edges read as spaces. */
export function textOf(node: DomNode, skip: (el: DomElement) => boolean): string {
  const parts: string[] = [];
  const visit = (n: DomNode): void => {
    if (isText(n)) parts.push(n.data);
    else if (isElement(n) && !skip(n)) {
      parts.push(' ');
      for (const child of n.children) visit(child);
      parts.push(' ');
    }
  };
  visit(node);
  return normalizeSpace(parts.join(''));
}
