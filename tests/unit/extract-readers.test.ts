import { describe, expect, it } from 'vitest';
import { FACT_NAMES } from '../../src/domain/facts.js';
import { LANGUAGES } from '../../src/domain/languages.js';
import { FACT_READERS } from '../../src/extract/fact-readers.js';
import { SHARED_WORDS } from '../../src/extract/lang/shared.js';
import { readingOf } from '../../src/extract/reading.js';

describe('the registered fact readers', () => {
  it('read every fact of the facts table, each fact by exactly one reader', () => {
    const read = FACT_READERS.flatMap((r) => r.facts);
    expect([...read].sort()).toEqual([...FACT_NAMES].sort());
  });
});

describe('the shared words', () => {
  it('exist for every known language, each saying which language it is', () => {
    for (const language of LANGUAGES) expect(SHARED_WORDS[language].language).toBe(language);
  });
});

describe('readingOf()', () => {
  it('reads cues in the page language only, and names in every language, the page language first', () => {
    expect(readingOf('fr')).toEqual({ cues: ['fr'], names: ['fr', 'en'] });
    expect(readingOf('en')).toEqual({ cues: ['en'], names: ['en', 'fr'] });
  });
});
