import { loadHtml } from './load-html.js';
import type { CheerioAPI } from 'cheerio';
import { blockLine, type Block, pageBlocks } from './page-blocks.js';
import { detectSignInWall } from './sign-in-wall.js';
import { normalizeSpace } from './dom.js';

export interface ReadPage {
  /** The H1, else `<title>`, trimmed. */
  title: string | null;
  /** `<html lang>` as given, e.g. `en`, `fr-FR`. */
  htmlLang: string | null;
  /**
   * Normalized main-content text: one line per heading, paragraph, list item ("- ") or table row
   * (cells joined by " | "), whitespace collapsed, tracking parameters removed from URLs. An
   * announcement banner found outside the main content comes first, so its appearance is a
   * text change.
   */
  text: string;
  /**
   * A main content region was found and has real text. Without `select`, a page with no
   * `main`/`article` whose body has real text counts (plain HTML conversions); with `select`,
   * only the selector's own match counts.
   */
  mainFound: boolean;
  /** The page is a LinkedIn-style sign-in / authwall / "join now" page, not content. */
  signInWall: boolean;
}

/** A page read once: what `readPage` returns, plus the blocks the fact extractor reads. */
export interface LoadedPage extends ReadPage {
  blocks: Block[];
}

export interface ReadPageOptions {
  /** CSS selector of the main content; default: main, [role=main], article, else the body. */
  select?: string;
}

function pageTitle($: CheerioAPI, rootH1: string | null): string | null {
  const h1 = rootH1 ?? normalizeSpace($('body h1').first().text());
  if (h1) return h1;
  const title = normalizeSpace($('title').first().text());
  return title || null;
}

/** Reads an already parsed page (the fact extractor parses once and reuses it). */
export function readLoadedPage($: CheerioAPI, options: ReadPageOptions = {}): LoadedPage {
  const { blocks, mainFound } = pageBlocks($, options);
  const text = blocks.map(blockLine).join('\n');
  const rootH1 = blocks.find((b) => b.area === 'main' && b.kind === 'heading' && b.level === 1)?.text ?? null;
  const title = pageTitle($, rootH1);
  const htmlLang = ($('html').attr('lang') ?? '').trim() || null;
  const mainText = blocks.filter((b) => b.area === 'main').map((b) => b.text).join('\n');
  const signInWall = detectSignInWall($, title, mainText);
  return { title, htmlLang, text, mainFound, signInWall, blocks };
}

/** Reads a page: its title, language, normalized main text and whether it is a sign-in wall. */
export function readPage(html: string, options: ReadPageOptions = {}): ReadPage {
  const { blocks: _blocks, ...page } = readLoadedPage(loadHtml(html), options);
  return page;
}
