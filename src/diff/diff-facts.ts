import { FACT_NAMES, SET_FACTS, type FactChange, type Facts, type FactValue } from '../domain/facts.js';
import { factDirection } from '../domain/fact-direction.js';

/**
 * The facts that differ between two Facts documents, in the contract's order. Set facts also
 * say what was added and removed; every change says which way it cuts (`direction`). Evidence is
 * not compared: rewording alone is not a change.
 */
export function diffFacts(before: Facts, after: Facts): FactChange[] {
  const changes: FactChange[] = [];
  for (const fact of FACT_NAMES) {
    const a = before[fact] ?? null;
    const b = after[fact] ?? null;
    if (sameValue(a, b)) continue;
    const direction = factDirection(fact, a, b);
    if (SET_FACTS.has(fact)) {
      const was = new Set((a as string[] | null) ?? []);
      const now = new Set((b as string[] | null) ?? []);
      changes.push({
        fact, before: a, after: b,
        added: [...now].filter((v) => !was.has(v)).sort(),
        removed: [...was].filter((v) => !now.has(v)).sort(),
        direction,
      });
    } else {
      changes.push({ fact, before: a, after: b, direction });
    }
  }
  return changes;
}

function sameValue(a: FactValue, b: FactValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
