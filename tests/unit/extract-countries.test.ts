import { describe, expect, it } from 'vitest';
import { countryMentions } from '../../src/extract/countries.js';

const codes = (text: string, language: 'en' | 'fr' = 'en') => countryMentions(text, [language]).map((m) => m.code);

describe('countryMentions()', () => {
  it('names every country in English and French with ISO codes', () => {
    expect(codes('Germany, France and Japan')).toEqual(['DE', 'FR', 'JP']);
    expect(codes('l’Allemagne, la Suisse et le Royaume-Uni', 'fr')).toEqual(['DE', 'CH', 'GB']);
  });

  it('knows the usual aliases', () => {
    expect(codes('the UK, the US, the U.S. and Hong Kong SAR')).toEqual(['GB', 'US', 'US', 'HK']);
    expect(codes('les États-Unis et la Chine continentale', 'fr')).toEqual(['US', 'CN']);
  });

  it('does not read words that only look like countries', () => {
    expect(codes('CONTACT US about fine china, a turkey sandwich or New Jersey')).toEqual([]);
    expect(codes('US-based staff paid in US$')).toEqual([]);
  });
});
