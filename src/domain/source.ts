import type { SourceKind } from './facts.js';

/** A watched page, as configured (or discovered from a blog index). */
export interface Source {
  id: string;
  url: string;
  kind: SourceKind;
  /** `auto` (or absent): detected from the page. */
  language?: 'en' | 'fr' | 'auto';
  /** CSS selector of the main content; a sensible default when absent. */
  select?: string;
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

/** The outcome of checking one source once. */
export type CheckStatus = 'new' | 'unchanged' | 'changed' | 'blocked' | 'error';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const EVENT_NAMES = [
  'facts.changed', 'text.changed', 'announcement.detected', 'source.failing',
  'source.recovered', 'source.discovered', 'test',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];
