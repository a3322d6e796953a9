import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../src/notify/backoff.js';

const options = { baseDelayMs: 1_000, maxDelayMs: 60_000 };
const lowest = () => 0;
const highest = () => 0.999999;

describe('backoffDelayMs()', () => {
  it('doubles with each failed attempt', () => {
    const delays = [1, 2, 3, 4].map((n) => backoffDelayMs(n, { ...options, random: highest }));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than maxDelayMs, however many attempts failed', () => {
    for (const attempts of [7, 8, 20, 1_000]) {
      expect(backoffDelayMs(attempts, { ...options, random: highest })).toBeLessThanOrEqual(60_000);
    }
    expect(backoffDelayMs(1_000, { ...options, random: highest })).toBe(60_000);
  });

  it('jitters between half and all of the exponential delay', () => {
    expect(backoffDelayMs(3, { ...options, random: lowest })).toBe(2_000);
    expect(backoffDelayMs(3, { ...options, random: () => 0.5 })).toBe(3_000);
    for (let i = 0; i < 200; i += 1) {
      const delay = backoffDelayMs(3, options);
      expect(delay).toBeGreaterThanOrEqual(2_000);
      expect(delay).toBeLessThanOrEqual(4_000);
    }
  });

  it('keeps the jittered cap within half and all of maxDelayMs', () => {
    expect(backoffDelayMs(50, { ...options, random: lowest })).toBe(30_000);
  });

  it('defaults to 2 minutes first and 6 hours at most, before jitter', () => {
    expect(backoffDelayMs(1, { random: lowest })).toBe(60_000);
    expect(backoffDelayMs(30, { random: lowest })).toBe(3 * 60 * 60_000);
    expect(backoffDelayMs(30)).toBeLessThanOrEqual(6 * 60 * 60_000);
  });
});
