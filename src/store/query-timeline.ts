import { FACT_NAMES, type FactName, type FactValue } from '../domain/facts.js';
import type { QueryDb } from './query-statement.js';
import { isoTime, parseJson, statement } from './query-statement.js';

/** One period during which a source stated one value of one fact (`export`'s row). */
export interface FactPeriod {
  sourceId: string;
  fact: FactName;
  /** The stated value: a string, number, boolean or list, as in a Facts document. */
  value: Exclude<FactValue, null>;
  /** ISO date-time of the first snapshot that stated it. */
  from: string;
  /** ISO date-time of the first later snapshot that stated something else (or nothing); null while current. */
  until: string | null;
  fromSnapshotId: string;
  untilSnapshotId: string | null;
  /** The page text the value was read from, in the snapshot that opened the period. */
  evidence: string | null;
}

export interface TimelineFilter {
  sourceId?: string;
  /** Epoch ms: only periods still holding at or after this time. */
  since?: number;
  /** Epoch ms: only periods that began at or before this time. */
  until?: number;
}

interface SnapshotRow {
  id: number;
  source_id: string;
  created_at: number;
  revision_of: number | null;
  facts: string;
  evidence: string;
}

const COLUMNS = 'id, source_id, created_at, revision_of, facts, evidence';
// Revisions are few (one per re-extraction of a snapshot): read them first, then walk the originals.
const REVISIONS_ALL = `SELECT ${COLUMNS} FROM snapshots WHERE revision_of IS NOT NULL ORDER BY id`;
const REVISIONS_ONE = `SELECT ${COLUMNS} FROM snapshots WHERE revision_of IS NOT NULL AND source_id = @sourceId ORDER BY id`;
const ORIGINALS_ALL = `SELECT ${COLUMNS} FROM snapshots WHERE revision_of IS NULL ORDER BY source_id, created_at, id`;
const ORIGINALS_ONE = `SELECT ${COLUMNS} FROM snapshots WHERE revision_of IS NULL AND source_id = @sourceId ORDER BY created_at, id`;

/**
 * The facts timeline: per source and fact, each stated value with the period it held, built
 * from the source's snapshots in order. Consecutive snapshots stating the same value make one
 * period; a fact that is not stated has no row (its absence ends the period before it). A
 * technical revision (`revision_of`) replaces the reading of the snapshot it re-reads (the newest
 * revision wins), keeping that snapshot's time and id: the page did not change, its reading did.
 * Ordered by source id, then fact (the contract's order), then time.
 */
export function factTimeline(db: QueryDb, filter: TimelineFilter = {}): FactPeriod[] {
  const params = filter.sourceId === undefined ? {} : { sourceId: filter.sourceId };
  const revisions = statement(db, filter.sourceId === undefined ? REVISIONS_ALL : REVISIONS_ONE).all(params) as SnapshotRow[];
  const readingOf = new Map<number, SnapshotRow>();
  const byId = new Map(revisions.map((r) => [r.id, r]));
  for (const revision of revisions) {
    let original = revision.revision_of!;
    for (let hops = 0; byId.has(original) && hops < 100; hops++) original = byId.get(original)!.revision_of!;
    readingOf.set(original, revision); // ordered by id: the newest revision is set last
  }

  const periods: FactPeriod[] = [];
  let sourceId: string | null = null;
  let open = new Map<FactName, { period: FactPeriod; key: string }>();
  const closeAll = () => {
    for (const { period } of open.values()) periods.push(period);
    open = new Map();
  };
  const originals = statement(db, filter.sourceId === undefined ? ORIGINALS_ALL : ORIGINALS_ONE).iterate(params) as IterableIterator<SnapshotRow>;
  for (const snapshot of originals) {
    if (snapshot.source_id !== sourceId) {
      closeAll();
      sourceId = snapshot.source_id;
    }
    const reading = readingOf.get(snapshot.id) ?? snapshot;
    const facts = parseJson<Record<string, FactValue>>(reading.facts, {});
    const evidence = parseJson<Record<string, string>>(reading.evidence, {});
    const at = isoTime(snapshot.created_at);
    for (const fact of FACT_NAMES) {
      const value = facts[fact] ?? null;
      const key = JSON.stringify(value);
      const current = open.get(fact);
      if (current?.key === key) continue;
      if (current) {
        current.period.until = at;
        current.period.untilSnapshotId = String(snapshot.id);
        periods.push(current.period);
        open.delete(fact);
      }
      if (value === null) continue;
      open.set(fact, {
        key,
        period: {
          sourceId: snapshot.source_id, fact, value, from: at, until: null,
          fromSnapshotId: String(snapshot.id), untilSnapshotId: null,
          evidence: typeof evidence[fact] === 'string' ? evidence[fact]! : null,
        },
      });
    }
  }
  closeAll();

  const order = new Map(FACT_NAMES.map((name, i) => [name, i]));
  const since = filter.since === undefined ? null : isoTime(filter.since);
  const until = filter.until === undefined ? null : isoTime(filter.until);
  return periods
    .filter((p) => (until === null || p.from <= until) && (since === null || p.until === null || p.until > since))
    .sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0)
      || order.get(a.fact)! - order.get(b.fact)! || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
