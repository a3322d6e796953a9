import type { FactPeriod } from './query-timeline.js';
import { toCsvRecord } from './to-csv.js';

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of `export --format csv` (and `/facts.csv`), in order. */
export const EXPORT_COLUMNS = ['sourceId', 'fact', 'value', 'from', 'until', 'fromSnapshotId', 'untilSnapshotId', 'evidence'] as const;

export interface TimelineExportOptions {
  /** Start a CSV with a UTF-8 byte order mark, which spreadsheets need to read a file as UTF-8. */
  bom?: boolean;
}

/**
 * The facts timeline as `export` writes it: one JSON object per line, or CSV with a header row
 * (RFC 4180). One function for the CLI verb and the web page's CSV link, so both are the same file.
 */
export function renderTimelineExport(periods: readonly FactPeriod[], format: ExportFormat, options: TimelineExportOptions = {}): string {
  if (format === 'jsonl') return periods.map((p) => `${JSON.stringify(p)}\n`).join('');
  const lines = [toCsvRecord(EXPORT_COLUMNS)];
  for (const p of periods) {
    const value = typeof p.value === 'string' ? p.value : JSON.stringify(p.value);
    lines.push(toCsvRecord([p.sourceId, p.fact, value, p.from, p.until, p.fromSnapshotId, p.untilSnapshotId, p.evidence]));
  }
  return (options.bom ? '\uFEFF' : '') + lines.join('');
}
