import { describe, expect, it } from 'vitest';
import { scheduleIntervalMs } from '../../src/daemon/schedule-interval.js';
import { computeHealth } from '../../src/api/compute-health.js';

const HOUR = 3_600_000;

describe('scheduleIntervalMs()', () => {
  it('reads six hours from "0 */6 * * *"', () => {
    expect(scheduleIntervalMs('0 */6 * * *', 'UTC')).toBe(6 * HOUR);
  });

  it('takes the longest gap of an irregular schedule (weekdays at nine: the weekend)', () => {
    expect(scheduleIntervalMs('0 9 * * 1-5', 'UTC')).toBe(72 * HOUR);
  });

  it('reads seconds from a six-field expression', () => {
    expect(scheduleIntervalMs('*/2 * * * * *')).toBe(2000);
  });
});

describe('computeHealth()', () => {
  const now = Date.UTC(2025, 10, 3, 12);
  it('is stale past twice the interval, whatever fails', () => {
    expect(computeHealth({ lastCycleAt: now - 2 * HOUR - 1, startedAt: 0, intervalMs: HOUR }, ['x'], now).status).toBe('stale');
  });
  it('is degraded within the interval while a source fails', () => {
    expect(computeHealth({ lastCycleAt: now - HOUR, startedAt: 0, intervalMs: HOUR }, ['x'], now)).toEqual({
      status: 'degraded', lastCycleAt: new Date(now - HOUR).toISOString(), failing: ['x'],
    });
  });
});
