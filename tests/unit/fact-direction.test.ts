import { describe, expect, it } from 'vitest';
import { factDirection } from '../../src/domain/fact-direction.js';
import { diffFacts } from '../../src/diff/diff-facts.js';
import { emptyFacts, FACT_NAMES, type Facts } from '../../src/domain/facts.js';

const facts = (over: Partial<Facts>): Facts => ({ ...emptyFacts(), ...over });

describe('factDirection() says which way a change cuts for the people whose data is used', () => {
  it('calls moved dates neutral, whichever way they move', () => {
    for (const fact of ['effectiveDate', 'upcomingEffectiveDate', 'publishedDate', 'lastUpdated'] as const) {
      expect(factDirection(fact, '2024-11-20', '2025-11-03'), fact).toBe('neutral');
      expect(factDirection(fact, '2025-11-03', '2024-11-20'), fact).toBe('neutral');
      expect(factDirection(fact, null, '2025-11-03'), fact).toBe('neutral');
      expect(factDirection(fact, '2025-11-03', null), fact).toBe('neutral');
    }
  });

  it('calls a region added wider and a region removed narrower', () => {
    expect(factDirection('regions', ['US'], ['CA', 'US'])).toBe('wider');
    expect(factDirection('regions', null, ['EU'])).toBe('wider');
    expect(factDirection('regions', ['CA', 'US'], ['US'])).toBe('narrower');
    expect(factDirection('regions', ['EU'], null)).toBe('narrower');
  });

  it('calls a swap of regions wider: the use reaches people it did not reach before', () => {
    expect(factDirection('regions', ['US'], ['CA'])).toBe('wider');
  });

  it('calls GLOBAL appearing wider, giving way to named regions narrower, and regions beside it neutral', () => {
    expect(factDirection('regions', ['EU', 'US'], ['GLOBAL'])).toBe('wider');
    expect(factDirection('regions', ['GLOBAL'], ['EU', 'US'])).toBe('narrower');
    expect(factDirection('regions', ['GLOBAL'], ['GLOBAL', 'US'])).toBe('neutral');
  });

  it('calls an excluded region removed wider and one added narrower', () => {
    expect(factDirection('excludedRegions', ['EEA', 'GB'], ['GB'])).toBe('wider');
    expect(factDirection('excludedRegions', ['GB'], null)).toBe('wider');
    expect(factDirection('excludedRegions', ['GB'], ['CH', 'GB'])).toBe('narrower');
    expect(factDirection('excludedRegions', null, ['CH'])).toBe('narrower');
  });

  it('calls a data category added wider and one removed narrower', () => {
    expect(factDirection('includedData', ['profile'], ['posts', 'profile'])).toBe('wider');
    expect(factDirection('includedData', ['posts', 'profile'], ['profile'])).toBe('narrower');
    expect(factDirection('includedData', ['posts'], ['profile'])).toBe('wider');
  });

  it('calls an exclusion of data removed wider and one added narrower', () => {
    expect(factDirection('excludedData', ['private-messages', 'salary'], ['salary'])).toBe('wider');
    expect(factDirection('excludedData', ['salary'], ['private-messages', 'salary'])).toBe('narrower');
    expect(factDirection('excludedData', ['salary'], ['private-messages'])).toBe('wider');
  });

  it('calls the training default turned on wider and turned off narrower', () => {
    expect(factDirection('aiTrainingDefault', null, 'on')).toBe('wider');
    expect(factDirection('aiTrainingDefault', 'off', 'on')).toBe('wider');
    expect(factDirection('aiTrainingDefault', 'on', 'off')).toBe('narrower');
    expect(factDirection('aiTrainingDefault', null, 'off')).toBe('narrower');
  });

  it('calls an opt-in that is no longer stated wider, and an on-by-default no longer stated neutral (an opt-out taken away reads so too)', () => {
    expect(factDirection('aiTrainingDefault', 'off', null)).toBe('wider');
    expect(factDirection('aiTrainingDefault', 'on', null)).toBe('neutral');
  });

  it('calls a minors exclusion dropped wider and one stated narrower', () => {
    expect(factDirection('minorsExcluded', true, false)).toBe('wider');
    expect(factDirection('minorsExcluded', true, null)).toBe('wider');
    expect(factDirection('minorsExcluded', false, true)).toBe('narrower');
    expect(factDirection('minorsExcluded', null, true)).toBe('narrower');
  });

  it('calls a minimum age lowered or dropped wider, and raised or stated narrower', () => {
    expect(factDirection('minimumAge', 18, 16)).toBe('wider');
    expect(factDirection('minimumAge', 18, null)).toBe('wider');
    expect(factDirection('minimumAge', 16, 18)).toBe('narrower');
    expect(factDirection('minimumAge', null, 18)).toBe('narrower');
  });

  it('calls an opt-out path removed wider, one stated narrower, and a renamed one neutral', () => {
    expect(factDirection('optOutPath', ['Settings', 'Data privacy'], null)).toBe('wider');
    expect(factDirection('optOutPath', null, ['Settings', 'Data privacy'])).toBe('narrower');
    expect(factDirection('optOutPath', ['Settings', 'Data privacy'], ['Settings & Privacy', 'Data privacy'])).toBe('neutral');
  });

  it('calls an AI provider added wider and one removed narrower', () => {
    expect(factDirection('aiProviders', ['microsoft'], ['microsoft', 'openai'])).toBe('wider');
    expect(factDirection('aiProviders', ['microsoft', 'openai'], ['microsoft'])).toBe('narrower');
  });

  it('calls a change of lawful basis neutral, added or removed', () => {
    expect(factDirection('legalBasis', ['consent'], ['consent', 'legitimate-interests'])).toBe('neutral');
    expect(factDirection('legalBasis', ['consent', 'legitimate-interests'], ['consent'])).toBe('neutral');
  });

  it('calls an unchanged value neutral for every fact', () => {
    const values: Facts = {
      effectiveDate: '2025-11-03', upcomingEffectiveDate: null, publishedDate: null, lastUpdated: null,
      regions: ['EU'], excludedRegions: ['GB'], includedData: ['posts'], excludedData: ['salary'],
      aiTrainingDefault: 'on', minorsExcluded: true, minimumAge: 18, optOutPath: ['Settings'],
      legalBasis: ['consent'], aiProviders: ['openai'],
    };
    for (const fact of FACT_NAMES) expect(factDirection(fact, values[fact], values[fact]), fact).toBe('neutral');
  });
});

describe('diffFacts() puts the direction on every fact change', () => {
  it('marks a page that drops its opt-out and turns training on', () => {
    const changes = diffFacts(
      facts({ aiTrainingDefault: 'off', optOutPath: ['Settings', 'Data for Generative AI Improvement'], effectiveDate: '2025-01-01' }),
      facts({ aiTrainingDefault: 'on', optOutPath: null, effectiveDate: '2025-06-01' }),
    );
    expect(changes.map((c) => [c.fact, c.direction])).toEqual([
      ['effectiveDate', 'neutral'], ['aiTrainingDefault', 'wider'], ['optOutPath', 'wider'],
    ]);
  });
});
