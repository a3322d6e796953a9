import type { Command } from 'commander';
import { configOf, openDb } from './cli-context.js';
import { describeFactChange } from '../notify/summarize-fact-changes.js';
import type { SourceCheckResult } from '../pipeline/record-fetch.js';

/** `check`: one cycle now, then one attempt at every pending delivery. */
export function registerCheckVerb(program: Command): void {
  program.command('check')
    .description('run one check cycle now, then attempt every pending webhook delivery once')
    .option('--source <id>', 'check only this source (repeatable)', collect, [] as string[])
    .action(async (opts: { source: string[] }, command: Command) => {
      const config = configOf(command);
      const db = await openDb(config);
      try {
        const { runCheckCycle, selectSources } = await import('../pipeline/run-check-cycle.js');
        // runCheckCycle syncs the configured sources itself; counting them needs no write.
        const total = selectSources(db, config, opts.source).length;
        const progress = process.stderr.isTTY ? new Progress(total) : null;
        await runCheckCycle({
          db, config, sourceIds: opts.source,
          onResult: (result) => {
            progress?.clear();
            console.log(formatResult(result));
            progress?.tick(result.sourceId);
          },
        });
        progress?.clear();
        if (config.webhooks.length > 0) {
          const { drainOutbox } = await import('../notify/outbox.js');
          const { delivered, retried, failed } = await drainOutbox(db, config.webhooks, { force: true, userAgent: config.userAgent });
          if (delivered + retried + failed > 0) {
            console.log(`webhooks: ${delivered} delivered, ${retried} to retry, ${failed} failed`);
          }
        }
      } finally {
        db.$client.close();
      }
    });
}

export function formatResult(result: SourceCheckResult): string {
  const status = result.status.padEnd(9);
  switch (result.status) {
    case 'new':
      return `${status} ${result.sourceId}  (${result.discovered ? 'new post' : 'baseline'}${result.document?.facts.effectiveDate ? `, effective ${result.document.facts.effectiveDate}` : ''})`;
    case 'changed':
      return `${status} ${result.sourceId}  change ${result.changeId}: ${result.factChanges.length > 0 ? result.factChanges.map(describeFactChange).join('; ') : 'text only'}`;
    case 'blocked':
    case 'error':
      return `${status} ${result.sourceId}  ${result.reason ?? ''}`;
    default:
      return `${status} ${result.sourceId}`;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A one-line counter on a terminal (stderr), cleared before each result line. */
class Progress {
  private done = 0;
  constructor(private readonly total: number) {
    this.draw('starting');
  }
  tick(last: string): void {
    this.done++;
    if (this.done < this.total) this.draw(last);
  }
  clear(): void {
    process.stderr.write('\r\x1b[K');
  }
  private draw(last: string): void {
    process.stderr.write(`\r\x1b[Kchecking ${this.done}/${this.total} sources… ${last}`);
  }
}
