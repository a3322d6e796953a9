import type { SourceKind } from './facts.js';
import type { LanguageChoice } from './languages.js';

/** A watched page, as configured (or discovered from a blog index). */
export interface Source {
  id: string;
  url: string;
  kind: SourceKind;
  /** `auto` (or absent): detected from the page. */
  language?: LanguageChoice;
  /**
   * The main content: one CSS selector, or a list of selectors and ranges whose matches are
   * joined in order. A sensible default (main, article, else the densest block) when absent.
   */
  select?: string | Selector[];
  /** CSS selectors (or ranges) removed before reading. */
  remove?: Selector[];
  /** Regular expressions (source text): matching text is dropped from the normalized text before hashing and diffing. */
  ignore?: string[];
  /**
   * Load the page in headless Chromium, let its scripts run and read the rendered DOM (pages whose
   * text is drawn by scripts: OTA's `executeClientScripts`). Default false: the page as served.
   */
  render?: boolean;
  /** For `blog` sources: glob patterns of post paths to follow. */
  follow?: string[];
  /** For `blog` sources: most posts one check may add (guards against a broken index), default 20. */
  maxNewPosts?: number;
  /** For `blog` sources: most index pages followed through "next" links, default 3. */
  maxPages?: number;
  name?: string;
  /** For discovered `blog-post` sources: the blog they were found on. */
  parentId?: string;
}

/**
 * A CSS selector, or an Open Terms Archive range selector: the content from the start
 * (`startBefore`: the element itself included; `startAfter`: excluded) to the end (`endBefore`:
 * excluded; `endAfter`: included), each given as a CSS selector.
 */
export type Selector = string | RangeSelector;
export interface RangeSelector {
  startBefore?: string;
  startAfter?: string;
  endBefore?: string;
  endAfter?: string;
}

/** The outcome of checking one source once. */
export type CheckStatus = 'new' | 'unchanged' | 'changed' | 'blocked' | 'error';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const EVENT_NAMES = [
  'facts.changed', 'text.changed', 'announcement.detected', 'source.failing',
  'source.recovered', 'source.discovered', 'announcement.due', 'test',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];
