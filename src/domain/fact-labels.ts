import { FACT_NAMES, FACT_TABLE, type FactName } from './facts.js';

/** What a person calls each fact (from the facts table): for the web pages and every human-readable alert. */
export const FACT_LABELS: Readonly<Record<FactName, string>> = Object.fromEntries(
  FACT_NAMES.map((f) => [f, FACT_TABLE[f].label]),
) as Record<FactName, string>;

/** The label of a fact name, or the name itself for one this table does not know. */
export function factLabel(fact: string): string {
  return (FACT_LABELS as Record<string, string>)[fact] ?? fact;
}
