import type { FactChange, FactName, FactValue } from '../domain/facts.js';
import { factLabel } from '../domain/fact-labels.js';
import { factDirection } from '../domain/fact-direction.js';
import { DIRECTION_NOTES, factValueText, valueLabel } from '../domain/value-labels.js';

/**
 * One readable line for a change, as chat alerts, the CLI and the feed show it:
 * `LinkedIn Privacy Policy: Regions covered: +Canada, +Hong Kong (wider use of data); Effective date: 2024-09-18 → 2025-11-03`.
 */
export function summarizeFactChanges(sourceName: string, facts: readonly FactChange[]): string {
  if (facts.length === 0) return `${sourceName}: text changed, no fact changed`;
  return `${sourceName}: ${facts.map(describeFactChange).join('; ')}`;
}

/**
 * One fact change in words: its label, then `+A, −B` for a set fact that gained or lost values or
 * `before → after` otherwise, then which way it cuts when it widens or narrows the use.
 */
export function describeFactChange(change: FactChange): string {
  const note = DIRECTION_NOTES[change.direction ?? factDirection(change.fact, change.before, change.after)];
  return `${factLabel(change.fact)}: ${describeValues(change)}${note ? ` (${note})` : ''}`;
}

/** `+Canada, −United States` for a set fact that gained or lost values, `before → after` otherwise. */
export function describeValues(change: FactChange): string {
  const added = change.added ?? [];
  const removed = change.removed ?? [];
  // A list that appears or disappears as a whole reads better as before → after.
  const bothStated = change.before !== null && change.after !== null;
  if (bothStated && added.length + removed.length > 0) {
    return [...added.map((v) => `+${valueLabel(change.fact, v)}`), ...removed.map((v) => `−${valueLabel(change.fact, v)}`)].join(', ');
  }
  return `${formatFactValue(change.before, change.fact)} → ${formatFactValue(change.after, change.fact)}`;
}

/** A fact value in words: labels joined (the opt-out menu path with `›`), null as `(not stated)`. */
export function formatFactValue(value: FactValue, fact?: FactName): string {
  if (fact === undefined) {
    if (value === null || value === undefined) return '(not stated)';
    return Array.isArray(value) ? value.join(', ') : String(value);
  }
  return factValueText(fact, value);
}
