import type { FactChange, FactName, FactValue } from '../domain/facts.js';

const NOT_STATED = '(not stated)';

/**
 * One readable line for a change, as chat alerts, the CLI and the feed show it:
 * `LinkedIn Privacy Policy: regions +CA +HK; effectiveDate 2024-09-18 → 2025-11-03`.
 */
export function summarizeFactChanges(sourceName: string, facts: readonly FactChange[]): string {
  if (facts.length === 0) return `${sourceName}: text changed, no fact changed`;
  return `${sourceName}: ${facts.map(describeFactChange).join('; ')}`;
}

/** One fact change: `+A -B` for a set fact that gained or lost values, `before → after` otherwise. */
export function describeFactChange(change: FactChange): string {
  const added = change.added ?? [];
  const removed = change.removed ?? [];
  // A list that appears or disappears as a whole reads better as before → after.
  const bothStated = change.before !== null && change.after !== null;
  if (bothStated && added.length + removed.length > 0) {
    const parts = [...added.map((v) => `+${v}`), ...removed.map((v) => `-${v}`)];
    return `${change.fact} ${parts.join(' ')}`;
  }
  return `${change.fact} ${formatFactValue(change.before, change.fact)} → ${formatFactValue(change.after, change.fact)}`;
}

/** A fact value in a summary: lists joined (the opt-out menu path with `>`), null as `(not stated)`. */
export function formatFactValue(value: FactValue, fact?: FactName): string {
  if (value === null || value === undefined) return NOT_STATED;
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value.join(fact === 'optOutPath' ? ' > ' : ', ');
  }
  return String(value);
}
