import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/create-app.js';
import { renderMetrics } from '../../src/api/render-metrics.js';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import { ms, createTestDatabase, seedLinkedInTimeline, type TestDatabase } from '../helpers/seed.js';

let test: TestDatabase;
let server: RunningServer;

beforeEach(async () => {
  test = createTestDatabase();
  seedLinkedInTimeline(test.db);
  server = await startServer(test.db, { host: '127.0.0.1', port: 0, token: null, publicUrl: '' }, {
    getCycleStats: () => ({ cycles: 7, lastCycleStartedAt: ms('2025-11-03T12:00:00Z'), lastCycleDurationMs: 4250, running: false }),
    webhooks: 2,
  });
});
afterEach(async () => {
  await server.close();
  test.close();
});

/** Samples by `name{labels}`, checking every line is a comment or a valid sample of a declared metric. */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  const declared = new Set<string>();
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    if (line.startsWith('# HELP ')) continue;
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      expect(['counter', 'gauge']).toContain(type);
      declared.add(name!);
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (\S+)$/.exec(line);
    expect(match, line).not.toBeNull();
    expect(declared.has(match![1]!), `${match![1]} has a # TYPE line`).toBe(true);
    samples.set(`${match![1]}${match![2] ?? ''}`, Number(match![3]));
  }
  return samples;
}

describe('GET /metrics', () => {
  it('is Prometheus text exposition', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    parseExposition(await response.text());
  });

  it('counts checks by status, changes, and deliveries by status', async () => {
    const samples = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
    expect(samples.get('policy_watch_checks_total{status="blocked"}')).toBe(4);
    expect(samples.get('policy_watch_checks_total{status="changed"}')).toBe(3);
    expect(samples.get('policy_watch_checks_total{status="error"}')).toBe(0);
    expect(samples.get('policy_watch_changes_total')).toBe(3);
    expect(samples.get('policy_watch_deliveries{status="delivered"}')).toBe(2);
    expect(samples.get('policy_watch_deliveries{status="pending"}')).toBe(1);
    expect(samples.get('policy_watch_deliveries{status="failed"}')).toBe(1);
    expect(samples.get('policy_watch_webhooks')).toBe(2);
  });

  it('gives the last success time of each source in seconds, and which sources are failing', async () => {
    const samples = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
    expect(samples.get('policy_watch_source_last_success_timestamp_seconds{source="linkedin-privacy-policy"}'))
      .toBe(ms('2025-11-03T12:00:00Z') / 1000);
    expect(samples.has('policy_watch_source_last_success_timestamp_seconds{source="linkedin-help-ai"}')).toBe(false);
    expect(samples.get('policy_watch_source_failing{source="linkedin-help-ai"}')).toBe(1);
    expect(samples.get('policy_watch_source_consecutive_failures{source="linkedin-help-ai"}')).toBe(3);
  });

  it('reports the last cycle from the daemon\'s getCycleStats()', async () => {
    const samples = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
    expect(samples.get('policy_watch_last_cycle_duration_seconds')).toBe(4.25);
    expect(samples.get('policy_watch_cycles_total')).toBe(7);
    expect(samples.get('policy_watch_cycle_running')).toBe(0);
    expect(samples.get('policy_watch_last_cycle_start_timestamp_seconds')).toBe(ms('2025-11-03T12:00:00Z') / 1000);
  });

  it('leaves cycle metrics out when there is no daemon', async () => {
    const response = await createApp(test.db).request('/metrics');
    const samples = parseExposition(await response.text());
    expect([...samples.keys()].some((key) => key.includes('cycle'))).toBe(false);
  });
});

describe('renderMetrics()', () => {
  it('escapes quotes, backslashes and newlines in label values', () => {
    const text = renderMetrics(
      { checksByStatus: {}, changes: 0, deliveriesByStatus: {}, sources: [{ id: 'a"b\\c\nd', lastSuccessAt: 1000, failing: false, failures: 0 }] },
      { cycle: null },
    );
    expect(text).toContain('policy_watch_source_last_success_timestamp_seconds{source="a\\"b\\\\c\\nd"} 1\n');
    parseExposition(text);
  });
});
