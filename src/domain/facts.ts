/** The policy facts of one page, as in CONTRACT.md's Facts document. */

export const SOURCE_KINDS = [
  'privacy-policy',
  'user-agreement',
  'regional-notice',
  'help-article',
  'blog',
  'blog-post',
  'settings-page',
  // Any other terms document (an imprint, community or law-enforcement guidelines...): from
  // Open Terms Archive declarations, whose terms types are many more than ours.
  'other-policy',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

import type { Language } from './languages.js';

export type { Language };

export const DATA_CATEGORIES = [
  'profile', 'profile-photo', 'resume', 'education', 'work-experience', 'skills', 'location',
  'posts', 'comments', 'articles', 'polls', 'groups', 'group-messages', 'feedback',
  'ai-interactions', 'job-applications', 'screening-answers', 'private-messages', 'salary',
  'login-credentials', 'payment-information',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const LEGAL_BASES = ['consent', 'contract', 'legitimate-interests', 'legal-obligation'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** What kind of value each fact holds. */
export type FactShape = 'date' | 'set' | 'path' | 'on-off' | 'boolean' | 'age';

interface ShapeValue {
  date: string;
  /** Sorted, unique values; diffs report added/removed. */
  set: string[];
  /** An ordered menu path, not a set: order is kept. */
  path: string[];
  'on-off': 'on' | 'off';
  boolean: boolean;
  age: number;
}

/**
 * Every fact, in the contract's order, with its shape and what a person calls it. The fact
 * names, the Facts type, the set facts, the labels and the empty document derive from this table.
 */
export const FACT_TABLE = {
  effectiveDate: { shape: 'date', label: 'Effective date' },
  upcomingEffectiveDate: { shape: 'date', label: 'Announced effective date' },
  publishedDate: { shape: 'date', label: 'Published' },
  lastUpdated: { shape: 'date', label: 'Last updated' },
  regions: { shape: 'set', label: 'Regions covered' },
  excludedRegions: { shape: 'set', label: 'Regions excluded' },
  includedData: { shape: 'set', label: 'Data used for AI training' },
  excludedData: { shape: 'set', label: 'Data kept out of AI training' },
  aiTrainingDefault: { shape: 'on-off', label: 'Training on by default' },
  minorsExcluded: { shape: 'boolean', label: 'Minors excluded' },
  minimumAge: { shape: 'age', label: 'Minimum age for training' },
  optOutPath: { shape: 'path', label: 'Where to opt out' },
  legalBasis: { shape: 'set', label: 'Legal basis' },
  aiProviders: { shape: 'set', label: 'AI providers' },
} as const satisfies Record<string, { shape: FactShape; label: string }>;

export type FactName = keyof typeof FACT_TABLE;

/** The policy facts of a page: a fact the page does not state is null. */
export type Facts = { [K in FactName]: ShapeValue[(typeof FACT_TABLE)[K]['shape']] | null };

/** Every fact, in the contract's order. */
export const FACT_NAMES: readonly FactName[] = Object.keys(FACT_TABLE) as FactName[];

/** Facts whose value is a set (sorted, unique); diffs report added/removed for them. */
export const SET_FACTS: ReadonlySet<FactName> = new Set<FactName>(FACT_NAMES.filter((f) => FACT_TABLE[f].shape === 'set'));

export type FactValue = Facts[FactName];

export interface FactsDocument {
  url: string | null;
  /**
   * The page's language, ISO 639-1 (`en`, `fr`, `de`...). The facts of a page in a language
   * the readers do not know (not in LANGUAGES) are not read: all null.
   */
  language: string;
  kind: SourceKind | null;
  title: string | null;
  facts: Facts;
  /** Per stated fact, the short page text it was read from. */
  evidence: Partial<Record<FactName, string>>;
}

export function emptyFacts(): Facts {
  return Object.fromEntries(FACT_NAMES.map((f) => [f, null])) as Facts;
}

/** One fact that differs between two Facts documents. */
export interface FactChange {
  fact: FactName;
  before: FactValue;
  after: FactValue;
  /** Only for set facts. */
  added?: string[];
  removed?: string[];
}
