import type { FactName } from './facts.js';

/** What a person calls each fact: one table for the web pages and every human-readable alert. */
export const FACT_LABELS: Readonly<Record<FactName, string>> = {
  effectiveDate: 'Effective date',
  upcomingEffectiveDate: 'Announced effective date',
  publishedDate: 'Published',
  lastUpdated: 'Last updated',
  regions: 'Regions covered',
  excludedRegions: 'Regions excluded',
  includedData: 'Data used for AI training',
  excludedData: 'Data kept out of AI training',
  aiTrainingDefault: 'Training default',
  minorsExcluded: 'Minors excluded',
  minimumAge: 'Minimum age for training',
  optOutPath: 'Where to opt out',
  legalBasis: 'Legal basis',
  aiProviders: 'AI providers',
};

/** The label of a fact name, or the name itself for one this table does not know. */
export function factLabel(fact: string): string {
  return (FACT_LABELS as Record<string, string>)[fact] ?? fact;
}
