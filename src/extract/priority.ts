import type { Language } from '../domain/languages.js';
import { alternatives, SHARED_WORDS } from './lang/shared.js';
import type { Unit } from './units.js';
import { findDates } from './dates/find-dates.js';
import { dateTense } from './dates/date-tense.js';

const FORWARD = new RegExp(alternatives((l) => SHARED_WORDS[l].forwardCue), 'i');

/**
 * How much a statement speaks for the page's current position: an announced future state (2)
 * beats a plain statement (1), which beats a described past state (0).
 */
export function statementPriority(unit: Unit, languages: readonly Language[]): number {
  if (unit.pastState) return 0;
  if (FORWARD.test(unit.text)) return 2;
  const dates = findDates(unit.text, languages);
  return dates.some((d) => dateTense(unit.text, d, languages) === 'future') ? 2 : 1;
}

/** Values read with polarity, resolved into included and excluded sets. */
export class PolarSet {
  private readonly entries = new Map<string, { positive: boolean; priority: number; evidence: string; order: number }[]>();
  private order = 0;

  add(value: string, positive: boolean, priority: number, evidence: string): void {
    const list = this.entries.get(value) ?? [];
    list.push({ positive, priority, evidence, order: this.order++ });
    this.entries.set(value, list);
  }

  /**
   * Each value lands on the side of its highest-priority statement; on a tie it stays included:
   * "we don't use your temporary chats" after "we use your chats" scopes the category, it does
   * not exclude it.
   */
  resolve(): { included: Side; excluded: Side } {
    const included: Side = { values: [], evidence: null, order: Infinity };
    const excluded: Side = { values: [], evidence: null, order: Infinity };
    for (const [value, list] of this.entries) {
      const top = Math.max(...list.map((e) => e.priority));
      const best = list.filter((e) => e.priority === top);
      const positive = best.some((e) => e.positive);
      const side = positive ? included : excluded;
      side.values.push(value);
      const first = best.filter((e) => e.positive === positive).sort((a, b) => a.order - b.order)[0]!;
      if (first.order < side.order) {
        side.order = first.order;
        side.evidence = first.evidence;
      }
    }
    included.values.sort();
    excluded.values.sort();
    return { included, excluded };
  }
}

export interface Side {
  values: string[];
  evidence: string | null;
  order: number;
}
