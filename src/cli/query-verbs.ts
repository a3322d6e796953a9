import type { Command } from 'commander';
import { factsNotReadNote } from '../domain/languages.js';
import { FACT_NAMES, type FactName, type Facts } from '../domain/facts.js';
import { localDate } from '../domain/local-date.js';
import { UsageError } from '../domain/errors.js';
import { configOf, listedConfig, openQueryDb, printJson } from './cli-context.js';
import { parseChangeId, parsePositiveInt, parseTime } from './parse-args.js';
import { formatTable, shortTime } from './format-table.js';
import { listChanges, getChange, countTechnicalChanges } from '../store/query-changes.js';
import { factsAt, firstSnapshotTimes } from '../store/query-facts.js';
import { sourceExists } from '../store/query-sources.js';
import { listAllSources } from '../store/list-all-sources.js';
import { describeFactChange, formatFactValue } from '../notify/summarize-fact-changes.js';
import type { QueryDb } from '../store/query-statement.js';

/** `history`, `show`, `facts`, `sources`: read the database, never load the crawler. */
export function registerQueryVerbs(program: Command): void {
  program.command('history')
    .description('the change history, newest first')
    .option('--source <id>', 'only this source')
    .option('--fact <name>', `only changes of this fact (${FACT_NAMES.join(', ')})`)
    .option('--since <date>', 'only changes detected at or after this ISO date or date-time')
    .option('--until <date>', 'only changes detected at or before this ISO date or date-time (a date includes the whole day)')
    .option('--limit <n>', 'at most this many changes', '50')
    .option('--technical', 'include technical revisions (stored pages re-read by a newer extractor; never alerted)')
    .option('--json', 'print a JSON array of changes')
    .action(async (opts: { source?: string; fact?: string; since?: string; until?: string; limit: string; technical?: boolean; json?: boolean }, command: Command) => {
      const config = configOf(command);
      if (opts.fact && !FACT_NAMES.includes(opts.fact as FactName)) {
        throw new UsageError(`unknown --fact "${opts.fact}": expected one of ${FACT_NAMES.join(', ')}`);
      }
      const filter = {
        sourceId: opts.source,
        fact: opts.fact,
        since: opts.since === undefined ? undefined : parseTime(opts.since, '--since'),
        until: opts.until === undefined ? undefined : parseTime(opts.until, '--until', { endOfDay: true }),
        limit: parsePositiveInt(opts.limit, '--limit', 100_000),
        technical: opts.technical === true,
      };
      const db = await openQueryDb(config);
      try {
        if (opts.source) requireSource(db, opts.source);
        const changes = listChanges(db, filter);
        if (opts.json) return printJson(changes);
        if (changes.length === 0) return console.log(noChangesMessage(db, opts));
        console.log(formatTable(['ID', 'DETECTED (UTC)', 'SOURCE', 'WHAT CHANGED'], changes.map((c) => [
          c.id, shortTime(c.detectedAt), c.sourceId,
          (c.technical ? '(technical) ' : '') + (c.facts.length > 0 ? c.facts.map(describeFactChange).join('; ') : 'text only'),
        ])));
      } finally {
        db.$client.close();
      }
    });

  program.command('show')
    .description('one change: fact diff, text diff, both snapshots')
    .argument('<changeId>', 'a change id from `history`')
    .option('--json', 'print the change as JSON')
    .action(async (rawId: string, opts: { json?: boolean }, command: Command) => {
      const config = configOf(command);
      const id = parseChangeId(rawId);
      const db = await openQueryDb(config);
      try {
        const change = getChange(db, id);
        if (!change) throw new UsageError(`unknown change id ${id}: run \`policy-watch history\` to list changes`);
        if (opts.json) return printJson(change);
        console.log(`Change ${change.id} of ${change.sourceId} (${change.url})`);
        if (change.technical) console.log('Technical revision: the same stored page re-read by a newer extractor (not a change of the page; never alerted).');
        const before = change.snapshots.before === null ? 'no earlier snapshot (a newly discovered post)' : `snapshot ${change.snapshots.before} (${change.beforeAt})`;
        console.log(`Detected ${change.detectedAt}: ${before} → snapshot ${change.snapshots.after} (${change.afterAt})`);
        console.log('');
        if (change.facts.length === 0) console.log('No fact changed.');
        for (const fact of change.facts) console.log(`  ${describeFactChange(fact)}`);
        console.log('');
        console.log(change.textChanged ? change.textDiff : 'The text did not change.');
      } finally {
        db.$client.close();
      }
    });

  program.command('facts')
    .description('the facts of each source as recorded at a time')
    .option('--source <id>', 'only this source')
    .option('--at <time>', 'an ISO date or date-time (default now; a date means the end of that day)')
    .option('--json', 'print a JSON array of Facts documents with their sourceId')
    .action(async (opts: { source?: string; at?: string; json?: boolean }, command: Command) => {
      const config = configOf(command);
      const at = opts.at === undefined ? undefined : parseTime(opts.at, '--at', { endOfDay: true });
      const db = await openQueryDb(config);
      try {
        if (opts.source) requireSource(db, opts.source);
        const documents = factsAt(db, { sourceId: opts.source, at });
        if (opts.json) return printJson(documents);
        // The date an announced change takes effect, once passed, is the version in force.
        const today = localDate(at ?? Date.now(), config.timezone);
        const missing = at === undefined ? [] : notYetRecorded(db, documents, at, opts.source);
        if (documents.length === 0) {
          if (missing.length > 0) return console.log(missing.join('\n'));
          return console.log(opts.source ? `No facts recorded yet for ${opts.source}: run \`policy-watch check\` first.` : 'No facts recorded yet: run `policy-watch check` first.');
        }
        // One write: a console.log per line costs more than the query with hundreds of sources.
        const lines: string[] = [];
        for (const doc of documents) {
          lines.push(`${doc.sourceId}  ${doc.title ?? ''}  (${doc.language}, snapshot ${doc.snapshotId} of ${shortTime(doc.recordedAt)})`);
          const stated = FACT_NAMES.filter((name) => doc.facts[name] !== null);
          if (stated.length === 0) lines.push('  (no fact stated)');
          for (const name of stated) lines.push(`  ${name.padEnd(22)} ${factText(doc.facts, name, today)}`);
          lines.push('');
        }
        lines.push(...missing);
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        db.$client.close();
      }
    });

  program.command('sources')
    .description('configured and discovered sources with their last check')
    .option('--json', 'print a JSON array of sources')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const config = configOf(command);
      const db = await openQueryDb(config);
      try {
        const sources = listAllSources(db, listedConfig(command, config));
        if (opts.json) return printJson(sources);
        console.log(formatTable(['ID', 'KIND', 'STATUS', 'LAST CHECK (UTC)', 'FACTS', 'URL'], sources.map((s) => [
          s.id, s.kind, (s.status ?? 'never checked') + (s.failing ? ' (failing)' : ''), shortTime(s.lastCheckedAt), factsNotReadNote(s.language) ?? String(s.factCount), s.url,
        ])));
      } finally {
        db.$client.close();
      }
    });
}

/** Why a history is empty: nothing matches the filters given, or nothing was recorded at all. */
function noChangesMessage(db: QueryDb, opts: { source?: string; fact?: string; since?: string; until?: string; technical?: boolean }): string {
  const filters = (['source', 'fact', 'since', 'until'] as const).filter((key) => opts[key] !== undefined).map((key) => `--${key} ${opts[key]}`);
  if (filters.length > 0) return `No changes match ${filters.join(' ')}.`;
  const technical = opts.technical ? 0 : countTechnicalChanges(db);
  if (technical > 0) return `No changes recorded yet (${technical} technical revision${technical === 1 ? '' : 's'}: see \`history --technical\`).`;
  return 'No changes recorded yet.';
}

/** Lines for the sources that had no snapshot yet at `at` but have one since. */
function notYetRecorded(db: QueryDb, documents: readonly { sourceId: string }[], at: number, sourceId?: string): string[] {
  const shown = new Set(documents.map((doc) => doc.sourceId));
  const lines: string[] = [];
  for (const [id, first] of firstSnapshotTimes(db)) {
    if (shown.has(id) || (sourceId !== undefined && id !== sourceId)) continue;
    lines.push(`${id}: no snapshot yet at ${new Date(at).toISOString()}; the first was recorded ${new Date(first).toISOString()}.`);
  }
  return lines;
}

/** A fact as `facts` prints it; an announced date that has arrived is the version in force. */
function factText(facts: Facts, name: FactName, today: string): string {
  const value = facts[name];
  if (name === 'upcomingEffectiveDate' && typeof value === 'string' && value <= today) return `in force since ${value} (announced)`;
  return formatFactValue(value, name);
}

function requireSource(db: QueryDb, id: string): void {
  if (!sourceExists(db, id)) throw new UsageError(`unknown source "${id}": run \`policy-watch sources\` to list them`);
}
