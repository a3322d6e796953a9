import { PolicyWatchError } from '../domain/errors.js';

/** True for bytes that start like a PDF file (`%PDF-`), whatever the Content-Type said. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const BULLET = /^\s*(?:[•◦▪‣∙·●○■□–—-]|\d{1,2}[.)]|\(?[a-z]\))\s+/;
const SENTENCE_END = /[.!?:;]["')\]]?$/;
const TITLE_CHARS = 120;

/**
 * A PDF's text as a page of blocks for the reader: its first line the H1 when it is short, every
 * other line a paragraph, except that a line continuing the previous one (no closing punctuation
 * before it and a lower-case start, or a previous line as long as the page's long lines) is
 * joined to it, since PDF text arrives hard-wrapped; a line starting with a bullet is a list
 * item. Pure: text in, HTML out.
 */
export function pdfTextToHtml(pages: readonly string[], title: string | null): string {
  const lines = pages.flatMap((page) => page.split(/\r?\n/)).map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
  // A line as long as the page's long lines was wrapped there: the next line goes on with it.
  const sorted = lines.map((l) => l.length).sort((a, b) => a - b);
  const fullLine = Math.max(40, (sorted[Math.floor(sorted.length * 0.9)] ?? 0) * 0.85);
  const blocks: Array<{ kind: 'p' | 'li'; text: string; lastLine: string }> = [];
  for (const line of lines) {
    const last = blocks[blocks.length - 1];
    const bullet = BULLET.exec(line);
    const continues = last !== undefined && ((!SENTENCE_END.test(last.text) && /^[a-zà-ÿ(,]/.test(line)) || last.lastLine.length >= fullLine);
    if (bullet) blocks.push({ kind: 'li', text: line.slice(bullet[0].length), lastLine: line });
    else if (continues) {
      last.text = `${last.text} ${line}`;
      last.lastLine = line;
    } else blocks.push({ kind: 'p', text: line, lastLine: line });
  }
  const out: string[] = [];
  let inList = false;
  blocks.forEach((block, i) => {
    if (block.kind === 'li' && !inList) out.push('<ul>');
    if (block.kind !== 'li' && inList) out.push('</ul>');
    inList = block.kind === 'li';
    const tag = i === 0 && block.kind === 'p' && block.text.length <= TITLE_CHARS ? 'h1' : block.kind;
    out.push(`<${tag}>${escapeHtml(block.text)}</${tag}>`);
  });
  if (inList) out.push('</ul>');
  const head = title ? `<title>${escapeHtml(title)}</title>` : '';
  return `<!DOCTYPE html><html><head>${head}</head><body><main>${out.join('\n')}</main></body></html>`;
}

/**
 * The text of a PDF document (unpdf, loaded on first use), as HTML for the reader (see
 * `pdfTextToHtml`). A file that is not a readable PDF is an error naming that.
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy, extractText, getMeta } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // unpdf takes ownership of the buffer it is given: hand it a copy.
    // verbosity 0: errors only; pdf.js would print warnings about damaged files to the console.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw new PolicyWatchError('pdf', `not a readable PDF document: ${(error as Error).message}`, { cause: error });
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const info = (await getMeta(pdf).catch(() => ({ info: {} }))).info as Record<string, unknown>;
    const title = typeof info['Title'] === 'string' && info['Title'].trim() !== '' ? info['Title'].trim() : null;
    return pdfTextToHtml(Array.isArray(text) ? text : [text], title);
  } finally {
    await pdf.destroy?.();
  }
}

/**
 * A stored or fetched body as HTML for the reader: a PDF's text (see `readPdf`), else the bytes
 * as UTF-8. What re-reading a stored snapshot needs, since `contents` holds PDFs as their bytes.
 */
export async function readBody(body: string | Uint8Array): Promise<string> {
  if (typeof body === 'string') return body;
  return isPdf(body) ? readPdf(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}
