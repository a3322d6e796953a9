import type { MetricCounts } from '../store/query-metrics.js';
import { DELIVERY_STATUSES } from '../domain/source.js';
import type { CycleStats } from '../domain/records.js';

export type { CycleStats };

export interface MetricsExtras {
  cycle: CycleStats | null;
  /** Configured webhooks, when known. */
  webhooks?: number;
}

const CHECK_STATUSES = ['new', 'unchanged', 'changed', 'blocked', 'error'];

/** Prometheus text exposition format 0.0.4. */
export function renderMetrics(counts: MetricCounts, { cycle, webhooks }: MetricsExtras): string {
  const out: string[] = [];
  const metric = (name: string, type: 'counter' | 'gauge', help: string, samples: [Record<string, string>, number][]) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) out.push(`${name}${formatLabels(labels)} ${formatValue(value)}`);
  };
  const statuses = (known: readonly string[], counted: Record<string, number>) =>
    [...new Set([...known, ...Object.keys(counted)])].map((status): [Record<string, string>, number] => [{ status }, counted[status] ?? 0]);

  metric('policy_watch_checks_total', 'counter', 'Checks recorded, by status.', statuses(CHECK_STATUSES, counts.checksByStatus));
  metric('policy_watch_changes_total', 'counter', 'Changes detected.', [[{}, counts.changes]]);
  metric('policy_watch_deliveries', 'gauge', 'Webhook deliveries in the outbox, by status.', statuses(DELIVERY_STATUSES, counts.deliveriesByStatus));
  metric('policy_watch_source_last_success_timestamp_seconds', 'gauge', 'When each source was last fetched successfully (Unix time).',
    counts.sources.filter((s) => s.lastSuccessAt !== null).map((s) => [{ source: s.id }, s.lastSuccessAt! / 1000]));
  metric('policy_watch_source_failing', 'gauge', '1 while a source is failing (blocked or erroring repeatedly).',
    counts.sources.map((s) => [{ source: s.id }, s.failing ? 1 : 0]));
  metric('policy_watch_source_consecutive_failures', 'gauge', 'Blocked or failed checks in a row, per source.',
    counts.sources.map((s) => [{ source: s.id }, s.failures]));
  if (webhooks !== undefined) {
    metric('policy_watch_webhooks', 'gauge', 'Configured webhooks.', [[{}, webhooks]]);
  }
  if (cycle) {
    metric('policy_watch_cycles_total', 'counter', 'Check cycles started since the process started.', [[{}, cycle.cycles]]);
    metric('policy_watch_cycle_running', 'gauge', '1 while a check cycle is in flight.', [[{}, cycle.running ? 1 : 0]]);
    if (cycle.lastCycleStartedAt !== null) {
      metric('policy_watch_last_cycle_start_timestamp_seconds', 'gauge', 'When the last check cycle started (Unix time).', [[{}, cycle.lastCycleStartedAt / 1000]]);
    }
    if (cycle.lastCycleDurationMs !== null) {
      metric('policy_watch_last_cycle_duration_seconds', 'gauge', 'Duration of the last completed check cycle.', [[{}, cycle.lastCycleDurationMs / 1000]]);
    }
  }
  return `${out.join('\n')}\n`;
}

function formatLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

function formatValue(value: number): string {
  return Number.isFinite(value) ? String(value) : value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
}
