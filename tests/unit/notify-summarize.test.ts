import { describe, expect, it } from 'vitest';
import { summarizeFactChanges, describeFactChange } from '../../src/notify/summarize-fact-changes.js';

describe('summarizeFactChanges()', () => {
  it('lists added regions and a moved effective date on one line', () => {
    const line = summarizeFactChanges('LinkedIn Privacy Policy', [
      { fact: 'regions', before: ['EU', 'US'], after: ['CA', 'EU', 'HK', 'US'], added: ['CA', 'HK'], removed: [] },
      { fact: 'effectiveDate', before: '2024-09-18', after: '2025-11-03' },
    ]);
    expect(line).toBe('LinkedIn Privacy Policy: regions +CA +HK; effectiveDate 2024-09-18 → 2025-11-03');
  });

  it('shows removed values with a minus after the added ones', () => {
    expect(describeFactChange({ fact: 'aiProviders', before: ['openai'], after: ['microsoft'], added: ['microsoft'], removed: ['openai'] }))
      .toBe('aiProviders +microsoft -openai');
  });

  it('says (not stated) for a fact that appears or disappears', () => {
    expect(describeFactChange({ fact: 'upcomingEffectiveDate', before: null, after: '2025-11-03' }))
      .toBe('upcomingEffectiveDate (not stated) → 2025-11-03');
    expect(describeFactChange({ fact: 'regions', before: ['EU'], after: null, added: [], removed: ['EU'] }))
      .toBe('regions EU → (not stated)');
  });

  it('reads a list that appears as a whole as before → after', () => {
    expect(describeFactChange({ fact: 'includedData', before: null, after: ['posts', 'profile'], added: ['posts', 'profile'], removed: [] }))
      .toBe('includedData (not stated) → posts, profile');
  });

  it('shows the opt-out menu path in order, joined with >', () => {
    expect(describeFactChange({ fact: 'optOutPath', before: null, after: ['Settings & Privacy', 'Data privacy'] }))
      .toBe('optOutPath (not stated) → Settings & Privacy > Data privacy');
  });

  it('shows booleans and numbers as they are', () => {
    expect(summarizeFactChanges('P', [
      { fact: 'minorsExcluded', before: false, after: true },
      { fact: 'minimumAge', before: 16, after: 18 },
    ])).toBe('P: minorsExcluded false → true; minimumAge 16 → 18');
  });

  it('says that only the text changed when no fact did', () => {
    expect(summarizeFactChanges('LinkedIn User Agreement', [])).toBe('LinkedIn User Agreement: text changed, no fact changed');
  });
});
