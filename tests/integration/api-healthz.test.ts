import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/create-app.js';
import type { HealthClock } from '../../src/api/compute-health.js';
import { createTestDatabase, seedSource, type TestDatabase } from '../helpers/seed.js';
import { sources } from '../../src/store/schema.js';
import { eq } from 'drizzle-orm';

const HOUR = 3_600_000;

describe('GET /healthz', () => {
  let test: TestDatabase;
  beforeEach(() => {
    test = createTestDatabase();
    seedSource(test.db, { id: 'privacy', lastCheckedAt: Date.now() - HOUR, lastStatus: 'unchanged' });
    seedSource(test.db, { id: 'terms', lastCheckedAt: Date.now() - HOUR, lastStatus: 'unchanged' });
  });
  afterEach(() => test.close());

  const health = async (clock?: HealthClock, token: string | null = null) => {
    const app = createApp(test.db, { token, getHealthClock: clock ? () => clock : undefined });
    const response = await app.request('/healthz');
    return { status: response.status, body: await response.json() as { status: string; lastCycleAt: string | null; failing: string[] } };
  };
  const sixHourly = (lastCycleAt: number | null, startedAt = Date.now()): HealthClock => ({ lastCycleAt, startedAt, intervalMs: 6 * HOUR });

  it('is ok when the last cycle ended within twice the interval and nothing fails', async () => {
    const ended = Date.now() - 7 * HOUR;
    expect(await health(sixHourly(ended))).toEqual({ status: 200, body: { status: 'ok', lastCycleAt: new Date(ended).toISOString(), failing: [] } });
  });

  it('is degraded, naming them, while sources are failing', async () => {
    test.db.update(sources).set({ failing: true, failures: 3, lastStatus: 'blocked' }).where(eq(sources.id, 'terms')).run();
    expect(await health(sixHourly(Date.now() - HOUR))).toMatchObject({ status: 200, body: { status: 'degraded', failing: ['terms'] } });
  });

  it('does not count a retired source as failing', async () => {
    test.db.update(sources).set({ failing: true, failures: 3, retired: true }).where(eq(sources.id, 'terms')).run();
    expect((await health(sixHourly(Date.now() - HOUR))).body.status).toBe('ok');
  });

  it('is stale with 503 when no cycle has ended within twice the interval, even without a token', async () => {
    const result = await health(sixHourly(Date.now() - 13 * HOUR), 'secret-token');
    expect(result.status).toBe(503);
    expect(result.body.status).toBe('stale');
  });

  it('judges from the start before the first cycle ends', async () => {
    expect((await health(sixHourly(null, Date.now() - HOUR))).body).toMatchObject({ status: 'ok', lastCycleAt: null });
    expect((await health(sixHourly(null, Date.now() - 13 * HOUR))).status).toBe(503);
  });

  it('without a clock, reports the latest check in the database and is never stale', async () => {
    const { body } = await health();
    expect(body.status).toBe('ok');
    expect(Date.parse(body.lastCycleAt!)).toBeGreaterThan(Date.now() - 2 * HOUR);
  });
});
