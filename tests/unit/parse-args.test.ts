import { describe, expect, it } from 'vitest';
import { parseChangeId, parseTime } from '../../src/cli/parse-args.js';

describe('CLI argument parsing', () => {
  it('reads a bare date as the start of the day, or its end for --until and --at', () => {
    expect(parseTime('2025-11-03', '--since')).toBe(Date.parse('2025-11-03T00:00:00Z'));
    expect(parseTime('2025-11-03', '--until', { endOfDay: true })).toBe(Date.parse('2025-11-04T00:00:00Z') - 1);
  });

  it('reads a date-time with or without a zone (UTC)', () => {
    expect(parseTime('2025-11-03T06:00:00Z', '--at')).toBe(Date.parse('2025-11-03T06:00:00Z'));
    expect(parseTime('2025-11-03T06:00', '--at')).toBe(Date.parse('2025-11-03T06:00:00Z'));
    expect(parseTime('2025-11-03T08:00:00+02:00', '--at')).toBe(Date.parse('2025-11-03T06:00:00Z'));
  });

  it('refuses an impossible or unreadable date, naming the flag', () => {
    expect(() => parseTime('2025-02-30', '--since')).toThrow(/--since "2025-02-30"/);
    expect(() => parseTime('last week', '--until')).toThrow(/--until/);
    expect(() => parseTime('2025-02-30T00:00Z', '--at')).toThrow(/--at/);
    expect(() => parseTime('2025-11-03T24:00Z', '--at')).toThrow(/--at/);
  });

  it('accepts a change id bare or quoted as jq prints it', () => {
    expect(parseChangeId('12')).toBe(12);
    expect(parseChangeId('"12"')).toBe(12);
    expect(() => parseChangeId('0')).toThrow(/invalid change id/);
    expect(() => parseChangeId('x')).toThrow(/invalid change id/);
  });
});
