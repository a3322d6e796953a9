import { describe, expect, it } from 'vitest';
import { summarizeFactChanges, describeFactChange } from '../../src/notify/summarize-fact-changes.js';
import { factValueText, regionLabel, valueLabel } from '../../src/domain/value-labels.js';

describe('summarizeFactChanges()', () => {
  it('lists added regions by name and a moved effective date on one line, saying which way the regions cut', () => {
    const line = summarizeFactChanges('LinkedIn Privacy Policy', [
      { fact: 'regions', before: ['EU', 'US'], after: ['CA', 'EU', 'HK', 'US'], added: ['CA', 'HK'], removed: [], direction: 'wider' },
      { fact: 'effectiveDate', before: '2024-09-18', after: '2025-11-03', direction: 'neutral' },
    ]);
    expect(line).toBe('LinkedIn Privacy Policy: Regions covered: +Canada, +Hong Kong (wider use of data); Effective date: 2024-09-18 → 2025-11-03');
  });

  it('shows removed values with a minus after the added ones', () => {
    expect(describeFactChange({ fact: 'aiProviders', before: ['openai'], after: ['microsoft'], added: ['microsoft'], removed: ['openai'], direction: 'wider' }))
      .toBe('AI providers: +Microsoft, −OpenAI (wider use of data)');
  });

  it('says (not stated) for a fact that appears or disappears', () => {
    expect(describeFactChange({ fact: 'upcomingEffectiveDate', before: null, after: '2025-11-03', direction: 'neutral' }))
      .toBe('Announced effective date: (not stated) → 2025-11-03');
    expect(describeFactChange({ fact: 'regions', before: ['EU'], after: null, added: [], removed: ['EU'], direction: 'narrower' }))
      .toBe('Regions covered: European Union → (not stated) (narrower use of data)');
  });

  it('reads a list that appears as a whole as before → after', () => {
    expect(describeFactChange({ fact: 'includedData', before: null, after: ['posts', 'profile'], added: ['posts', 'profile'], removed: [], direction: 'wider' }))
      .toBe('Data used for AI training: (not stated) → Posts, Profile (wider use of data)');
  });

  it('shows the opt-out menu path in order, joined with ›, and its loss as wider', () => {
    expect(describeFactChange({ fact: 'optOutPath', before: null, after: ['Settings & Privacy', 'Data privacy'], direction: 'narrower' }))
      .toBe('Where to opt out: (not stated) → Settings & Privacy › Data privacy (narrower use of data)');
    expect(describeFactChange({ fact: 'optOutPath', before: ['Settings & Privacy', 'Data privacy'], after: null, direction: 'wider' }))
      .toBe('Where to opt out: Settings & Privacy › Data privacy → (not stated) (wider use of data)');
  });

  it('says the training default and yes/no facts in words', () => {
    expect(summarizeFactChanges('P', [
      { fact: 'aiTrainingDefault', before: null, after: 'on', direction: 'wider' },
      { fact: 'minorsExcluded', before: false, after: true, direction: 'narrower' },
      { fact: 'minimumAge', before: 16, after: 18, direction: 'narrower' },
    ])).toBe('P: Training default: (not stated) → On by default, opt-out (wider use of data); Minors excluded: No → Yes (narrower use of data); Minimum age for training: 16 → 18 (narrower use of data)');
  });

  it('derives the direction of a change made without one', () => {
    expect(describeFactChange({ fact: 'aiTrainingDefault', before: 'on', after: 'off' } as never)).toBe('Training default: On by default, opt-out → Opt-in only (narrower use of data)');
  });

  it('says that only the text changed when no fact did', () => {
    expect(summarizeFactChanges('LinkedIn User Agreement', [])).toBe('LinkedIn User Agreement: text changed, no fact changed');
  });
});

describe('value labels', () => {
  it('names regions, including the vocabulary\'s own', () => {
    expect(['GB', 'US', 'HK', 'EU', 'EEA', 'GLOBAL'].map(regionLabel))
      .toEqual(['United Kingdom', 'United States', 'Hong Kong', 'European Union', 'European Economic Area', 'Worldwide']);
  });

  it('keeps a code it cannot name as it is', () => {
    expect(regionLabel('not-a-region')).toBe('not-a-region');
    expect(valueLabel('includedData', 'voice')).toBe('voice');
  });

  it('names data categories, lawful bases, providers and the training default', () => {
    expect(factValueText('includedData', ['ai-interactions', 'private-messages'])).toBe('AI chats and prompts, Private messages');
    expect(factValueText('legalBasis', ['legitimate-interests'])).toBe('Legitimate interests');
    expect(factValueText('aiProviders', ['azure-openai', 'acme-labs'])).toBe('Azure OpenAI, Acme Labs');
    expect(factValueText('aiTrainingDefault', 'off')).toBe('Opt-in only');
    expect(factValueText('aiTrainingDefault', null)).toBe('(not stated)');
  });
});
