import { describe, expect, it } from 'vitest';
import { cronProblem } from '../../src/config/cron-problem.js';

describe('cronProblem()', () => {
  it('names the field and the allowed range of a step that never repeats', () => {
    expect(cronProblem('*/61 * * * *')).toBe('minute step 61 is out of range 1-59');
    expect(cronProblem('*/60 * * * *')).toBe('minute step 60 is out of range 1-59');
    expect(cronProblem('0 */24 * * *')).toBe('hour step 24 is out of range 1-23');
    expect(cronProblem('*/0 * * * * *')).toBe('second step 0 is out of range 1-59');
  });

  it('names the field and the allowed range of a value out of range', () => {
    expect(cronProblem('0 25 * * *')).toBe('hour 25 is out of range 0-23');
    expect(cronProblem('61 * * * *')).toBe('minute 61 is out of range 0-59');
    expect(cronProblem('1-70 * * * *')).toBe('minute 70 is out of range 0-59');
    expect(cronProblem('0 0 32 * *')).toBe('day-of-month 32 is out of range 1-31');
    expect(cronProblem('0 0 0 * *')).toBe('day-of-month 0 is out of range 1-31');
    expect(cronProblem('0 0 * 13 *')).toBe('month 13 is out of range 1-12 (or JAN-DEC)');
    expect(cronProblem('0 0 * * 8')).toBe('day-of-week 8 is out of range 0-7 (0 and 7 are Sunday, or SUN-SAT)');
    expect(cronProblem('60 0 0 * * *')).toBe('second 60 is out of range 0-59');
  });

  it('names the field of a value that is no number nor name', () => {
    expect(cronProblem('0 0 * * FUNDAY')).toMatch(/^day-of-week "FUNDAY" is not valid: .+ \(allowed 0-7, 0 and 7 are Sunday, or SUN-SAT\)$/);
    expect(cronProblem('5-2 * * * *')).toMatch(/^minute "5-2" is not valid: .*'5-2'.* \(allowed 0-59\)$/);
  });

  it('asks for five or six fields, with an example', () => {
    expect(cronProblem('every day')).toBe('expected 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first, such as "0 */6 * * *"; "every day" has 2');
    expect(cronProblem('0 0 * * * 2027 *')).toMatch(/has 7$/);
  });

  it('refuses a date that never comes', () => {
    expect(cronProblem('0 0 30 2 *')).toBe('"0 0 30 2 *" never runs: no date matches it');
  });

  it('accepts what node-cron accepted and is valid: seconds, names, ranges, lists, steps, nicknames', () => {
    for (const expression of [
      '0 */6 * * *', '*/30 * * * * *', '0 9 * * MON-FRI', '0 9 * * mon-fri', '0 0 * * monday', '0 0 * January *',
      '0 0 1,15 * *', '0 0 * JAN,JUL SUN', '0-59/15 * * * *', '*/59 * * * *', '0 0 * * 0-7', '0 0 * * 7',
      '0 0 29 2 *', '0 0 L * *', '0 0 * * MON#2', ' 0  0 * * * ', '@daily', '@hourly', '@weekly', '@monthly', '@yearly',
      '0 0 1-31/2 * *', '0 0 * * */6',
    ]) {
      expect(cronProblem(expression), expression).toBeNull();
    }
  });
});
