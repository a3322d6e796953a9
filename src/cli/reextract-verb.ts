import type { Command } from 'commander';
import { configOf, openDb } from './cli-context.js';
import { describeFactChange } from '../notify/summarize-fact-changes.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';
import { UsageError } from '../domain/errors.js';

/** `reextract`: re-reads stored snapshots with the current extractor; differences are technical revisions. */
export function registerReextractVerb(program: Command): void {
  program.command('reextract')
    .description('re-read stored snapshots with the current extractor; differences become technical revisions (never alerted)')
    .option('--all', 'every stored snapshot, not only each source\'s current one (so `facts --at` gives today\'s reading of the past)')
    .option('--source <id>', 'only this source (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .action(async (opts: { all?: boolean; source: string[] }, command: Command) => {
      const config = configOf(command);
      const db = await openDb(config);
      try {
        const { selectSources } = await import('../pipeline/run-check-cycle.js');
        const { reextractSnapshots } = await import('../pipeline/reextract-snapshots.js');
        const { sourceExists } = await import('../store/query-sources.js');
        for (const id of opts.source) {
          if (!sourceExists(db, id)) throw new UsageError(`unknown source "${id}": run \`policy-watch sources\` to list them`);
        }
        const result = await reextractSnapshots({
          db, sources: selectSources(db, config), all: opts.all === true, timezone: config.timezone,
          sourceIds: opts.source.length > 0 ? opts.source : undefined,
          onTechnicalChange: (c) => {
            const what = c.facts.length > 0 ? c.facts.map(describeFactChange).join('; ') : 'text only';
            console.log(`technical ${c.sourceId}  change ${c.changeId} (snapshot ${c.fromSnapshotId} → ${c.toSnapshotId}): ${what}`);
          },
        });
        for (const u of result.unreadable) console.log(`unreadable ${u.sourceId}  snapshot ${u.snapshotId}: ${u.reason}`);
        const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        console.log(`extractor v${EXTRACTOR_VERSION}: ${plural(result.read, 'snapshot')} of ${plural(result.sources, 'source')} re-read in ${(result.durationMs / 1000).toFixed(1)} s: `
          + `${plural(result.technical.length, 'technical revision')}, ${result.read - result.technical.length - result.unreadable.length} with the same facts, ${result.unreadable.length} unreadable`);
      } finally {
        db.$client.close();
      }
    });
}
