import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { UsageError } from '../domain/errors.js';
import { factsNotReadNote } from '../domain/languages.js';
import { configOf, openDb } from './cli-context.js';
import { describeFactChange } from '../notify/summarize-fact-changes.js';
import type { SourceCheckResult } from '../pipeline/record-fetch.js';
import { onSignals } from './on-signals.js';
import type { HeldDeliveries } from '../notify/drain-outbox.js';

/** After a first signal, how long the requests in flight may run before they are aborted. */
const STOP_GRACE_MS = 5000;

/** `check`: one cycle now, then one attempt at every pending delivery. */
export function registerCheckVerb(program: Command): void {
  program.command('check')
    .description('run one check cycle now, then attempt every pending webhook delivery once')
    .option('--source <id>', 'check only this source (repeatable)', collect, [] as string[])
    .option('--json', 'print one JSON object per source per line, then a summary object')
    .action(async (opts: { source: string[]; json?: boolean }, command: Command) => {
      const config = configOf(command);
      // With no database yet nothing is stored (no discovered post, no retired source): an id
      // outside the config is bad usage, refused before a database file is created for nothing.
      if (config.database !== ':memory:' && !existsSync(config.database)) {
        const unknown = opts.source.find((id) => !config.sources.some((s) => s.id === id));
        if (unknown !== undefined) throw new UsageError(`unknown source "${unknown}": run \`policy-watch sources\` to list them`);
      }
      const db = await openDb(config);
      try {
        const { runCheckCycle, selectSources } = await import('../pipeline/run-check-cycle.js');
        // runCheckCycle syncs the configured sources itself; counting them needs no write.
        const total = selectSources(db, config, opts.source).length;
        const progress = process.stderr.isTTY ? new Progress(total) : null;
        const summary = emptySummary();
        // A first SIGINT/SIGTERM stops the cycle (nothing new asked, what was read recorded, exit 0); a second exits at once.
        const stop = new AbortController();
        const kill = new AbortController();
        const removeSignals = onSignals((signal) => {
          progress?.clear();
          process.stderr.write(`policy-watch: ${signal}: stopping after the pages in flight (again to exit now)\n`);
          stop.abort();
          setTimeout(() => kill.abort(), STOP_GRACE_MS).unref();
        });
        const cycle = await runCheckCycle({
          db, config, sourceIds: opts.source, signal: stop.signal, killSignal: kill.signal,
          onReextract: (r) => {
            if (opts.json) return;
            progress?.clear();
            console.log(`extractor upgraded: ${r.read} snapshot${r.read === 1 ? '' : 's'} re-read, ${r.technical.length} technical revision${r.technical.length === 1 ? '' : 's'} (see \`history --technical\`)`);
          },
          onResult: (result) => {
            progress?.clear();
            summary.sources++;
            summary[result.status]++;
            console.log(opts.json ? JSON.stringify(resultJson(result)) : formatResult(result));
            progress?.tick(result.sourceId);
          },
        }).finally(removeSignals);
        progress?.clear();
        summary.technical = cycle.reextracted.technical.length;
        if (cycle.stopped) {
          // Nothing is recorded for them: they are simply checked next time. Alerts of what was read wait in the outbox.
          summary.notChecked = cycle.notChecked.length;
          if (!opts.json) console.log(`stopped: ${cycle.notChecked.length} source${cycle.notChecked.length === 1 ? '' : 's'} not checked; pending webhooks are left for the next run`);
        } else if (config.webhooks.length > 0) {
          const { drainOutbox } = await import('../notify/outbox.js');
          const { delivered, retried, failed, held } = await drainOutbox(db, config.webhooks, { force: true, userAgent: config.userAgent });
          summary.webhooks = { delivered, retried, failed, held };
          if (!opts.json && delivered + retried + failed > 0) {
            console.log(`webhooks: ${delivered} delivered, ${retried} to retry, ${failed} failed`);
          }
          if (!opts.json) for (const line of formatHeld(held)) console.log(line);
        }
        console.log(opts.json ? JSON.stringify({ summary }) : formatSummary(summary));
        // Automation must see a check that read nothing: every source blocked or failing.
        if (summary.sources > 0 && summary.blocked + summary.error === summary.sources) process.exitCode = 1;
      } finally {
        db.$client.close();
      }
    });
}

/** What `check` ends with; `--json` prints it as `{"summary": {...}}`. */
export interface CheckSummary {
  sources: number;
  new: number;
  changed: number;
  unchanged: number;
  blocked: number;
  error: number;
  /** Technical revisions recorded at the start (an upgraded extractor re-reading snapshots). */
  technical: number;
  /** Deliveries attempted after the cycle, when webhooks are configured (not after a stop); `held` wait for a secret. */
  webhooks?: { delivered: number; retried: number; failed: number; held: HeldDeliveries[] };
  /** Present when a signal stopped the cycle: sources left unchecked (nothing recorded for them). */
  notChecked?: number;
}

/** One line per reason alerts stay pending, e.g. `2 alerts held: secret env:HOOK_SECRET is not set`. */
export function formatHeld(held: readonly HeldDeliveries[]): string[] {
  return held.map((h) => `${h.count} alert${h.count === 1 ? '' : 's'} held: ${h.reason} (set it and run check again to send ${h.count === 1 ? 'it' : 'them'})`);
}

function emptySummary(): CheckSummary {
  return { sources: 0, new: 0, changed: 0, unchanged: 0, blocked: 0, error: 0, technical: 0 };
}

export function formatSummary(s: CheckSummary): string {
  return `${s.sources} source${s.sources === 1 ? '' : 's'}: ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.blocked} blocked, ${s.error} error`;
}

/** One source's result as a `check --json` line. */
export function resultJson(r: SourceCheckResult): Record<string, unknown> {
  return {
    sourceId: r.sourceId, url: r.url, status: r.status, httpStatus: r.httpStatus, reason: r.reason,
    durationMs: r.durationMs, changeId: r.changeId === null ? null : String(r.changeId), facts: r.factChanges,
    textChanged: r.textChanged,
  };
}

export function formatResult(result: SourceCheckResult): string {
  const note = factsNotReadNote(result.document?.language);
  return note === null ? formatLine(result) : `${formatLine(result)}  (${note})`;
}

function formatLine(result: SourceCheckResult): string {
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
