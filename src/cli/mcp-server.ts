import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Source } from '../domain/source.js';
import { UsageError } from '../domain/errors.js';
import { FACT_NAMES, type FactName } from '../domain/facts.js';
import { VERSION } from '../config/version.js';
import { getChange, listChanges } from '../store/query-changes.js';
import { factsAt } from '../store/query-facts.js';
import { sourceExists } from '../store/query-sources.js';
import type { QueryDb } from '../store/query-statement.js';
import { listAllSources } from '../store/list-all-sources.js';
import { parseChangeId, parseTime } from './parse-args.js';

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
const FACT_ENUM = FACT_NAMES as unknown as [FactName, ...FactName[]];
const HISTORY_MAX = 1000;

const source = z.string().min(1).optional()
  .describe('a source id, as list_sources gives it (e.g. linkedin-privacy-policy); default all sources');
const isoTime = (what: string) => z.string().optional()
  .describe(`${what}: an ISO date (2025-11-03) or date-time (2025-11-03T06:00:00Z), UTC unless zoned`);

/**
 * The MCP server of `policy-watch mcp`: four read-only tools over the database, each answering
 * with the same JSON as the matching CLI verb's `--json` (as text), and the same value as
 * structured content. A bad argument is a tool error naming it; nothing is ever written.
 * `config` null (no config file, `--db` given): `list_sources` lists the database's sources only.
 */
export function createMcpServer(db: QueryDb, config: { readonly sources: readonly Source[] } | null): McpServer {
  const server = new McpServer({ name: 'policy-watch', version: VERSION }, {
    instructions: 'policy-watch records the policy pages of online services (LinkedIn first) and the policy facts read from them '
      + '(effective dates, regions and data used to train AI, opt-out paths...). list_sources first; get_facts for what a '
      + 'source states now or at a date; get_history for what changed, newest first; get_change for one change with its text diff.',
  });
  const requireSource = (id: string | undefined) => {
    if (id !== undefined && !sourceExists(db, id)) {
      throw new UsageError(`unknown source "${id}" (argument source): call list_sources for the ids`);
    }
  };

  server.registerTool('list_sources', {
    title: 'List sources',
    description: 'Every configured and discovered source with its URL, kind, status of the last check and fact count (as `policy-watch sources --json`).',
    annotations: READ_ONLY,
  }, async () => jsonResult({ sources: listAllSources(db, config) }, 'sources'));

  server.registerTool('get_facts', {
    title: 'Get facts',
    description: 'The policy facts of each source as recorded at a time, with the evidence each was read from: an array of Facts documents (as `policy-watch facts --json`). Sources with nothing recorded by then are left out.',
    inputSchema: { source, at: isoTime('as recorded at this time (a date means the end of that day); default now') },
    annotations: READ_ONLY,
  }, async (args) => {
    const at = args.at === undefined ? undefined : parseTime(args.at, 'at', { endOfDay: true });
    requireSource(args.source);
    return jsonResult({ facts: factsAt(db, { sourceId: args.source, at }) }, 'facts');
  });

  server.registerTool('get_history', {
    title: 'Get change history',
    description: 'Changes newest first, each with its fact changes (before, after, added, removed) and snapshot ids (as `policy-watch history --json`).',
    inputSchema: {
      source,
      fact: z.enum(FACT_ENUM, { error: `expected one of ${FACT_NAMES.join(', ')}` }).optional()
        .describe('only changes of this fact'),
      since: isoTime('only changes detected at or after this time'),
      until: isoTime('only changes detected at or before this time (a date includes the whole day)'),
      limit: z.number({ error: `expected a whole number from 1 to ${HISTORY_MAX}` }).int().min(1).max(HISTORY_MAX).optional()
        .describe(`at most this many changes (default 50, at most ${HISTORY_MAX})`),
    },
    annotations: READ_ONLY,
  }, async (args) => {
    const filter = {
      sourceId: args.source,
      fact: args.fact,
      since: args.since === undefined ? undefined : parseTime(args.since, 'since'),
      until: args.until === undefined ? undefined : parseTime(args.until, 'until', { endOfDay: true }),
      limit: args.limit ?? 50,
    };
    requireSource(args.source);
    return jsonResult({ changes: listChanges(db, filter) }, 'changes');
  });

  server.registerTool('get_change', {
    title: 'Get one change',
    description: 'One change: its fact diff, the unified text diff of the page, and both snapshots\' ids and times (as `policy-watch show --json`).',
    inputSchema: {
      id: z.union([z.string(), z.number()], { error: 'expected a change id such as "12"' })
        .describe('a change id, as get_history gives it'),
    },
    annotations: READ_ONLY,
  }, async (args) => {
    const id = parseChangeIdArgument(String(args.id));
    const change = getChange(db, id);
    if (!change) throw new UsageError(`unknown change id ${id} (argument id): call get_history to list changes`);
    return { content: [{ type: 'text' as const, text: JSON.stringify(change) }], structuredContent: { ...change } };
  });

  return server;
}

/** The text holds the CLI's JSON exactly (an array); structured content must be an object, so it is wrapped. */
function jsonResult<K extends string>(wrapped: Record<K, unknown>, key: K) {
  return { content: [{ type: 'text' as const, text: JSON.stringify(wrapped[key]) }], structuredContent: wrapped as Record<string, unknown> };
}

function parseChangeIdArgument(value: string): number {
  try {
    return parseChangeId(value);
  } catch {
    throw new UsageError(`invalid id "${value}": expected a change id such as "12" (see get_history)`);
  }
}
