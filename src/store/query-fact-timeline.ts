import { FACT_NAMES, emptyFacts, type FactName, type Facts, type FactValue, type FactsDocument } from '../domain/facts.js';
import type { QueryDb } from './query-statement.js';
import { isoTime, parseJson, statement } from './query-statement.js';

/** A stored snapshot of a source, without its text. */
export interface SnapshotSummary {
  id: string;
  createdAt: string;
  title: string | null;
  /** Bytes of the raw page as fetched. */
  size: number;
  extractorVersion: number;
  /** The snapshot this one re-reads (a technical revision), else null. */
  revisionOf: string | null;
}

/** One value a fact held, from the snapshot where it first appeared until the next period. */
export interface FactPeriod {
  value: FactValue;
  /** The page text the value was read from, when the snapshot kept it. */
  evidence: string | null;
  from: string;
  snapshotId: string;
  /** The change that moved the fact to this value; null for the first snapshot. */
  changeId: string | null;
}

export interface FactTimeline {
  /** Newest first. */
  snapshots: SnapshotSummary[];
  /** Per fact, its values oldest first; a fact never stated has one period with a null value. */
  facts: Record<FactName, FactPeriod[]>;
}

interface TimelineRow {
  id: number;
  created_at: number;
  title: string | null;
  facts: string;
  evidence: string;
  extractor_version: number;
  revision_of: number | null;
  size: number;
}

const SNAPSHOTS_SQL = `
  SELECT sn.id, sn.created_at, sn.title, sn.facts, sn.evidence, sn.extractor_version, sn.revision_of, ct.size
  FROM snapshots sn JOIN contents ct ON ct.id = sn.content_id
  WHERE sn.source_id = ? ORDER BY sn.created_at, sn.id`;
const CHANGES_SQL = 'SELECT id, after_snapshot_id, fact_names FROM changes WHERE source_id = ? ORDER BY detected_at, id';

/**
 * Every value each fact of a source held over time, with the change that moved it there, read
 * from the source's snapshots (facts and evidence only: the texts stay compressed).
 */
export function factTimeline(db: QueryDb, sourceId: string): FactTimeline {
  const rows = statement(db, SNAPSHOTS_SQL).all(sourceId) as TimelineRow[];
  const changes = statement(db, CHANGES_SQL).all(sourceId) as { id: number; after_snapshot_id: number; fact_names: string }[];
  // The change that moved a fact into a snapshot: keyed by `<snapshot id> <fact>`.
  const movedBy = new Map<string, string>();
  for (const change of changes) {
    for (const fact of change.fact_names.split(' ').filter(Boolean)) movedBy.set(`${change.after_snapshot_id} ${fact}`, String(change.id));
  }
  const facts = Object.fromEntries(FACT_NAMES.map((name) => [name, [] as FactPeriod[]])) as Record<FactName, FactPeriod[]>;
  for (const row of rows) {
    const values: Facts = { ...emptyFacts(), ...parseJson<Partial<Facts>>(row.facts, {}) };
    const evidence = parseJson<FactsDocument['evidence']>(row.evidence, {});
    for (const name of FACT_NAMES) {
      const periods = facts[name];
      const last = periods[periods.length - 1];
      if (last && sameValue(last.value, values[name])) continue;
      periods.push({
        value: values[name] ?? null,
        evidence: values[name] === null ? null : evidence[name] ?? null,
        from: isoTime(row.created_at),
        snapshotId: String(row.id),
        changeId: last ? movedBy.get(`${row.id} ${name}`) ?? null : null,
      });
    }
  }
  return {
    snapshots: rows.map((row) => ({
      id: String(row.id), createdAt: isoTime(row.created_at), title: row.title, size: row.size,
      extractorVersion: row.extractor_version, revisionOf: row.revision_of === null ? null : String(row.revision_of),
    })).reverse(),
    facts,
  };
}

function sameValue(a: FactValue, b: FactValue): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
