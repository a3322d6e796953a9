import { describe, expect, it } from 'vitest';
import { sourceSchema } from '../../src/config/config-schema.js';

/** select/remove/ignore as the config and packs declare them (no disk). */
describe('source filters in the config schema', () => {
  const base = { id: 'p', url: 'https://example.com/p', kind: 'privacy-policy' };
  const problems = (filters: Record<string, unknown>) => {
    const result = sourceSchema.safeParse({ ...base, ...filters });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts one selector, a list of selectors and ranges, removals and regular expressions', () => {
    const parsed = sourceSchema.parse({
      ...base,
      select: ['main', { startBefore: '#terms', endBefore: 'footer' }, 'div:contains("Effective")'],
      remove: ['.cookie-banner', { startAfter: 'h2.ads', endAfter: '.ads-end' }],
      ignore: ['viewed [0-9,]+ times', '^Last visited .*$'],
    });
    expect(parsed.select).toEqual(['main', { startBefore: '#terms', endBefore: 'footer' }, 'div:contains("Effective")']);
    expect(parsed.remove).toHaveLength(2);
    expect(parsed.ignore).toEqual(['viewed [0-9,]+ times', '^Last visited .*$']);
    expect(problems({ select: 'article.policy > section' })).toEqual([]);
  });

  it('names the field of a selector that is not CSS, with what is wrong in it', () => {
    expect(problems({ select: 'div[' })).toEqual([expect.stringMatching(/^select: invalid CSS selector "div\[": /)]);
    expect(problems({ select: ['main', 'a:hover-ish'] })).toEqual([expect.stringMatching(/^select\.1: invalid CSS selector "a:hover-ish": Unknown pseudo-class/)]);
    expect(problems({ remove: ['.ok', '>>'] })).toEqual([expect.stringMatching(/^remove\.1: invalid CSS selector ">>"/)]);
    expect(problems({ remove: [{ startBefore: '#a', endBefore: 'p::after' }] })).toEqual([expect.stringMatching(/^remove\.0\.endBefore: invalid CSS selector/)]);
  });

  it('wants exactly one start and one end in a range', () => {
    expect(problems({ select: [{ startBefore: '#a' }] })).toEqual(['select.0: a range selector takes exactly one of startBefore/startAfter and one of endBefore/endAfter']);
    expect(problems({ select: [{ startBefore: '#a', startAfter: '#b', endBefore: '#c' }] })).toHaveLength(1);
    expect(problems({ remove: [{ begin: '#a', endBefore: '#c' }] })).toContain('remove.0: Unrecognized key: "begin"');
  });

  it('names the field of a regular expression that does not compile', () => {
    expect(problems({ ignore: ['fine', '(unclosed'] })).toEqual(['ignore.1: invalid regular expression "(unclosed": Unterminated group']);
    expect(problems({ ignore: ['a{2,1}'] })).toEqual([expect.stringMatching(/^ignore\.0: invalid regular expression "a\{2,1\}"/)]);
  });

  it('refuses a regular expression that matches empty text, which would cut everywhere', () => {
    expect(problems({ ignore: ['x*'] })).toEqual(['ignore.0: regular expression "x*" matches empty text']);
  });

  it('refuses empty filters and a remove that is not a list', () => {
    expect(problems({ select: '' })).toHaveLength(1);
    expect(problems({ select: [] })).toHaveLength(1);
    expect(problems({ remove: '.banner' })).toEqual([expect.stringMatching(/^remove: /)]);
    expect(problems({ ignore: [''] })).toEqual([expect.stringMatching(/^ignore\.0: /)]);
  });
});
