import { loadHtml } from './load-html.js';
import type { CheerioAPI } from 'cheerio';
import { blockLine, type Block, pageBlocks } from './page-blocks.js';
import { detectSignInWall } from './sign-in-wall.js';
import { normalizeSpace } from './dom.js';
import { compileFilters, type FilterOptions, type PageFilters } from './compile-filters.js';
import { detectErrorPage } from './error-page.js';

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
  /**
   * An error or placeholder page served instead of the document ("Page not found", "Accès
   * refusé", a bot check, "please enable JavaScript"...): what was seen, as the check's reason
   * (`error page: "Page not found"`); null for content.
   */
  errorPage: string | null;
  /** How the content was found: `select`, `main` (main/[role=main]/article), `densest` or `body`. */
  via: 'select' | 'main' | 'densest' | 'body';
}

/** A page read once: what `readPage` returns, plus the blocks the fact extractor reads. */
export interface LoadedPage extends ReadPage {
  blocks: Block[];
}

export interface ReadPageOptions extends FilterOptions {
  /** Filters already checked by `compileFilters` (used instead of `select`/`remove`/`ignore`). */
  filters?: PageFilters;
  /** A `blog` index: a heading and links are a valid page, however short. */
  linkIndex?: boolean;
  /** Length of the last snapshot's text: a page that collapsed far below it is judged as a possible error page. */
  previousTextChars?: number | null;
}

function pageTitle($: CheerioAPI, rootH1: string | null): string | null {
  const h1 = rootH1 ?? normalizeSpace($('body h1').first().text());
  if (h1) return h1;
  const title = normalizeSpace($('title').first().text());
  return title || null;
}

/** Reads an already parsed page (the fact extractor parses once and reuses it). */
export function readLoadedPage($: CheerioAPI, options: ReadPageOptions = {}): LoadedPage {
  const filters = options.filters ?? compileFilters(options);
  const { blocks, mainFound, via } = pageBlocks($, { filters, linkIndex: options.linkIndex === true });
  const text = blocks.map(blockLine).join('\n');
  const rootH1 = blocks.find((b) => b.area === 'main' && b.kind === 'heading' && b.level === 1)?.text ?? null;
  const title = pageTitle($, rootH1);
  const htmlLang = ($('html').attr('lang') ?? '').trim() || null;
  const mainText = blocks.filter((b) => b.area === 'main').map((b) => b.text).join('\n');
  const signInWall = detectSignInWall($, title, mainText);
  const docTitle = normalizeSpace($('title').first().text()) || null;
  const errorPage = signInWall ? null : detectErrorPage({ docTitle, h1: rootH1, mainText, previousTextChars: options.previousTextChars ?? null });
  return { title, htmlLang, text, mainFound, signInWall, errorPage, via, blocks };
}

/** Reads a page: its title, language, normalized main text and whether it is a sign-in wall or an error page. */
export function readPage(html: string, options: ReadPageOptions = {}): ReadPage {
  const { blocks: _blocks, ...page } = readLoadedPage(loadHtml(html), options);
  return page;
}
