import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { PolicyWatchError, UsageError } from '../domain/errors.js';
import { configOf, openQueryDb } from './cli-context.js';
import { parseTime } from './parse-args.js';
import { toCsvRecord } from './to-csv.js';
import { factTimeline, type FactPeriod } from '../store/query-timeline.js';
import { sourceExists } from '../store/query-sources.js';

const FORMATS = ['jsonl', 'csv'] as const;
type ExportFormat = (typeof FORMATS)[number];
const COLUMNS = ['sourceId', 'fact', 'value', 'from', 'until', 'fromSnapshotId', 'untilSnapshotId', 'evidence'] as const;

/** `export`: the facts timeline as a dataset, one row per source and fact value with its period. */
export function registerExportVerb(program: Command): void {
  program.command('export')
    .description('the facts timeline: one row per source and fact value, with the period it held')
    .option('--format <format>', 'jsonl (one JSON object per line) or csv (a header row, RFC 4180)', 'jsonl')
    .option('--source <id>', 'only this source')
    .option('--since <date>', 'only periods still holding at or after this ISO date or date-time')
    .option('--until <date>', 'only periods that began at or before this ISO date or date-time (a date includes the whole day)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { format: string; source?: string; since?: string; until?: string; out?: string }, command: Command) => {
      const config = configOf(command);
      if (!FORMATS.includes(opts.format as ExportFormat)) {
        throw new UsageError(`invalid --format "${opts.format}": expected jsonl or csv`);
      }
      const format = opts.format as ExportFormat;
      const filter = {
        sourceId: opts.source,
        since: opts.since === undefined ? undefined : parseTime(opts.since, '--since'),
        until: opts.until === undefined ? undefined : parseTime(opts.until, '--until', { endOfDay: true }),
      };
      const db = await openQueryDb(config);
      let periods: FactPeriod[];
      try {
        if (opts.source && !sourceExists(db, opts.source)) {
          throw new UsageError(`unknown source "${opts.source}": run \`policy-watch sources\` to list them`);
        }
        periods = factTimeline(db, filter);
      } finally {
        db.$client.close();
      }
      const text = format === 'csv' ? toCsv(periods, { bom: opts.out !== undefined }) : toJsonLines(periods);
      if (opts.out === undefined) {
        process.stdout.write(text);
        return;
      }
      try {
        await writeFile(opts.out, text, 'utf8');
      } catch (error) {
        throw new PolicyWatchError('export-write', `cannot write --out "${opts.out}": ${(error as Error).message}`, { cause: error });
      }
      process.stderr.write(`policy-watch: wrote ${periods.length} ${periods.length === 1 ? 'row' : 'rows'} to ${opts.out}\n`);
    });
}

function toJsonLines(periods: readonly FactPeriod[]): string {
  return periods.map((p) => `${JSON.stringify(p)}\n`).join('');
}

/** A file gets a UTF-8 byte order mark, which spreadsheets need to read it as UTF-8; a pipe does not. */
function toCsv(periods: readonly FactPeriod[], options: { bom: boolean }): string {
  const lines = [toCsvRecord(COLUMNS)];
  for (const p of periods) {
    const value = typeof p.value === 'string' ? p.value : JSON.stringify(p.value);
    lines.push(toCsvRecord([p.sourceId, p.fact, value, p.from, p.until, p.fromSnapshotId, p.untilSnapshotId, p.evidence]));
  }
  return (options.bom ? '\uFEFF' : '') + lines.join('');
}
