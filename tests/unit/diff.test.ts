import { describe, expect, it } from 'vitest';
import { diffFacts } from '../../src/diff/diff-facts.js';
import { diffText } from '../../src/diff/diff-text.js';
import { emptyFacts, type Facts } from '../../src/domain/facts.js';

const facts = (over: Partial<Facts>): Facts => ({ ...emptyFacts(), ...over });

describe('diffFacts()', () => {
  it('reports nothing for equal facts', () => {
    expect(diffFacts(facts({ regions: ['US'], effectiveDate: '2024-11-20' }), facts({ regions: ['US'], effectiveDate: '2024-11-20' }))).toEqual([]);
  });

  it('reports a new effective date with its before and after', () => {
    expect(diffFacts(facts({ effectiveDate: '2024-11-20' }), facts({ effectiveDate: '2025-11-03' })))
      .toEqual([{ fact: 'effectiveDate', before: '2024-11-20', after: '2025-11-03', direction: 'neutral' }]);
  });

  it('reports added and removed regions for a list fact', () => {
    expect(diffFacts(facts({ regions: ['EU', 'US'] }), facts({ regions: ['CA', 'HK', 'US'] })))
      .toEqual([{ fact: 'regions', before: ['EU', 'US'], after: ['CA', 'HK', 'US'], added: ['CA', 'HK'], removed: ['EU'], direction: 'wider' }]);
  });

  it('reports a list that appears where the page stated nothing', () => {
    expect(diffFacts(facts({}), facts({ excludedData: ['salary'] })))
      .toEqual([{ fact: 'excludedData', before: null, after: ['salary'], added: ['salary'], removed: [], direction: 'narrower' }]);
  });

  it('reports a flipped default and a reordered opt-out path as scalar changes', () => {
    expect(diffFacts(facts({ aiTrainingDefault: 'off' }), facts({ aiTrainingDefault: 'on' })))
      .toEqual([{ fact: 'aiTrainingDefault', before: 'off', after: 'on', direction: 'wider' }]);
    expect(diffFacts(facts({ optOutPath: ['A', 'B'] }), facts({ optOutPath: ['B', 'A'] }))).toHaveLength(1);
  });

  it('keeps the contract order of facts', () => {
    const changes = diffFacts(facts({ minimumAge: 16, effectiveDate: '2024-01-01' }), facts({ minimumAge: 18, effectiveDate: '2025-01-01' }));
    expect(changes.map((c) => c.fact)).toEqual(['effectiveDate', 'minimumAge']);
  });
});

describe('diffText()', () => {
  it('is empty for equal texts', () => {
    expect(diffText('a\nb', 'a\nb')).toEqual({ patch: '', added: 0, removed: 0 });
  });

  it('gives a unified patch with counts of added and removed lines', () => {
    const diff = diffText('Privacy Policy\nEffective November 20, 2024\nSection 1', 'Privacy Policy\nEffective November 3, 2025\nSection 1');
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(diff.patch).toContain('-Effective November 20, 2024');
    expect(diff.patch).toContain('+Effective November 3, 2025');
  });
});
