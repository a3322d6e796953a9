import type { Direction } from './fact-direction.js';

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

export type Language = 'en' | 'fr';

export const DATA_CATEGORIES = [
  'profile', 'profile-photo', 'resume', 'education', 'work-experience', 'skills', 'location',
  'posts', 'comments', 'articles', 'polls', 'groups', 'group-messages', 'feedback',
  'ai-interactions', 'job-applications', 'screening-answers', 'private-messages', 'salary',
  'login-credentials', 'payment-information',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const LEGAL_BASES = ['consent', 'contract', 'legitimate-interests', 'legal-obligation'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export interface Facts {
  effectiveDate: string | null;
  upcomingEffectiveDate: string | null;
  publishedDate: string | null;
  lastUpdated: string | null;
  regions: string[] | null;
  excludedRegions: string[] | null;
  includedData: string[] | null;
  excludedData: string[] | null;
  aiTrainingDefault: 'on' | 'off' | null;
  minorsExcluded: boolean | null;
  minimumAge: number | null;
  /** An ordered menu path, not a set: order is kept. */
  optOutPath: string[] | null;
  legalBasis: string[] | null;
  aiProviders: string[] | null;
}

export type FactName = keyof Facts;

/** Every fact, in the contract's order. */
export const FACT_NAMES: readonly FactName[] = [
  'effectiveDate', 'upcomingEffectiveDate', 'publishedDate', 'lastUpdated',
  'regions', 'excludedRegions', 'includedData', 'excludedData',
  'aiTrainingDefault', 'minorsExcluded', 'minimumAge', 'optOutPath', 'legalBasis', 'aiProviders',
];

/** Facts whose value is a set (sorted, unique); diffs report added/removed for them. */
export const SET_FACTS: ReadonlySet<FactName> = new Set<FactName>([
  'regions', 'excludedRegions', 'includedData', 'excludedData', 'legalBasis', 'aiProviders',
]);

export type FactValue = Facts[FactName];

export interface FactsDocument {
  url: string | null;
  language: Language;
  kind: SourceKind | null;
  title: string | null;
  facts: Facts;
  /** Per stated fact, the short page text it was read from. */
  evidence: Partial<Record<FactName, string>>;
}

export function emptyFacts(): Facts {
  return {
    effectiveDate: null, upcomingEffectiveDate: null, publishedDate: null, lastUpdated: null,
    regions: null, excludedRegions: null, includedData: null, excludedData: null,
    aiTrainingDefault: null, minorsExcluded: null, minimumAge: null, optOutPath: null,
    legalBasis: null, aiProviders: null,
  };
}

/** One fact that differs between two Facts documents. */
export interface FactChange {
  fact: FactName;
  before: FactValue;
  after: FactValue;
  /** Only for set facts. */
  added?: string[];
  removed?: string[];
  /** Which way the change cuts: see `factDirection()`. */
  direction: Direction;
}
