/** A bare link inside page text: linked by the chat client as it is, so it is left readable. */
const BARE_URL = /https?:\/\/[^\s<>"]+/g;

/**
 * Page text (evidence, titles, setting labels, failure reasons) for a chat that renders Markdown
 * (Teams' Adaptive Cards, Discord): it must read as written, so `[x](http://evil)` cannot become
 * a link, nor `*word*` emphasis, `||x||` a spoiler or a line a list, heading or quote. Inline
 * markers get a backslash (CommonMark lets any ASCII punctuation be escaped; Discord too), block
 * markers only where a line starts with them. A bare URL keeps its characters (a backslash would
 * break the link the client makes of it) except brackets, percent-encoded so no link text forms.
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(BARE_URL)) {
    out += escapeInline(text.slice(at, match.index));
    out += match[0].replace(/\[/g, '%5B').replace(/\]/g, '%5D');
    at = match.index + match[0].length;
  }
  out += escapeInline(text.slice(at));
  return out
    .replace(/^([ \t]*)([-+])(?=[ \t])/gm, '$1\\$2')
    .replace(/^([ \t]*)([#>])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])(?=[ \t])/gm, '$1\\$2');
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_~|[\]]/g, '\\$&');
}
