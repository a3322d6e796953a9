import type { FactChange, FactName, FactValue } from '../domain/facts.js';

/**
 * One readable line for a change (the feed's titles, the page's timeline), in the same words as
 * the chat alerts: `LinkedIn Privacy Policy: regions +CA +HK; effectiveDate 2024-11-20 → 2025-11-03`.
 */
export function describeChange(sourceName: string, facts: readonly FactChange[]): string {
  if (facts.length === 0) return `${sourceName}: text changed, no fact changed`;
  return `${sourceName}: ${facts.map(describeFactChange).join('; ')}`;
}

/** `+A −B` for a set fact that gained or lost values while stated before and after, else `before → after`. */
export function describeFactChange(change: FactChange): string {
  const added = change.added ?? [];
  const removed = change.removed ?? [];
  if (change.before !== null && change.after !== null && added.length + removed.length > 0) {
    return `${change.fact} ${[...added.map((v) => `+${v}`), ...removed.map((v) => `-${v}`)].join(' ')}`;
  }
  return `${change.fact} ${formatFactValue(change.before, change.fact)} → ${formatFactValue(change.after, change.fact)}`;
}

/** Lists joined (the opt-out menu path with `>`), null as `(not stated)`. */
export function formatFactValue(value: FactValue | undefined, fact?: FactName): string {
  if (value === null || value === undefined) return '(not stated)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(fact === 'optOutPath' ? ' > ' : ', ');
  return String(value);
}
