import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { PolicyWatchError, UsageError } from '../domain/errors.js';
import { configOf, openQueryDb } from './cli-context.js';
import { parseTime } from './parse-args.js';
import { factTimeline, type FactPeriod } from '../store/query-timeline.js';
import { sourceExists } from '../store/query-sources.js';
import { EXPORT_FORMATS as FORMATS, renderTimelineExport, type ExportFormat } from '../store/timeline-export.js';

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
      // A file gets a byte order mark so spreadsheets read it as UTF-8; a pipe does not.
      const text = renderTimelineExport(periods, format, { bom: format === 'csv' && opts.out !== undefined });
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
