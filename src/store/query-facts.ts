import type { SourceFacts } from '../domain/records.js';
import { emptyFacts, type Facts, type FactsDocument, type Language, type SourceKind } from '../domain/facts.js';
import type { QueryDb } from './query-statement.js';
import { isoTime, parseJson, statement } from './query-statement.js';

export interface FactsAtOptions {
  /** Only this source. */
  sourceId?: string;
  /** Epoch ms; default now. */
  at?: number;
}

interface FactsRow {
  source_id: string;
  url: string;
  kind: string;
  snapshot_id: number;
  created_at: number;
  title: string | null;
  language: string;
  facts: string;
  evidence: string;
}

// Per source, one probe of `snapshots_source` (source_id, created_at) for the latest page version
// recorded by then (revisions are re-readings, not versions), then its latest reading: facts at a
// past time are today's reading of the page in force then, once `reextract --all` has run.
const SELECT = `
  SELECT src.id AS source_id, src.url, src.kind, sn.id AS snapshot_id, r.created_at, sn.title,
         sn.language, sn.facts, sn.evidence
  FROM sources src
  JOIN snapshots r ON r.id = (
    SELECT id FROM snapshots WHERE source_id = src.id AND created_at <= @at AND revision_of IS NULL
    ORDER BY created_at DESC, id DESC LIMIT 1)
  JOIN snapshots sn ON sn.id = (
    SELECT max(id) FROM snapshots WHERE source_id = src.id AND created_at >= r.created_at
    AND (id = r.id OR revision_of = r.id))`;
const ALL_SQL = `${SELECT} ORDER BY src.id`;
const ONE_SQL = `${SELECT} WHERE src.id = @sourceId`;

// Now: the current snapshot is the latest reading of the latest version (a revision becomes current).
const CURRENT = `
  SELECT src.id AS source_id, src.url, src.kind, sn.id AS snapshot_id, r.created_at, sn.title,
         sn.language, sn.facts, sn.evidence
  FROM sources src
  JOIN snapshots sn ON sn.id = src.current_snapshot_id
  JOIN snapshots r ON r.id = coalesce(sn.revision_of, sn.id)`;
const CURRENT_ALL_SQL = `${CURRENT} ORDER BY src.id`;
const CURRENT_ONE_SQL = `${CURRENT} WHERE src.id = @sourceId`;

/**
 * The facts of each source as recorded at `at` (default now): the page version recorded last at or
 * before then, in its latest reading. Sources with no snapshot yet at that time are left out.
 */
export function factsAt(db: QueryDb, options: FactsAtOptions = {}): SourceFacts[] {
  const { at, sourceId } = options;
  const rows = (at === undefined
    ? (sourceId === undefined ? statement(db, CURRENT_ALL_SQL).all() : statement(db, CURRENT_ONE_SQL).all({ sourceId }))
    : (sourceId === undefined ? statement(db, ALL_SQL).all({ at }) : statement(db, ONE_SQL).all({ at, sourceId }))) as FactsRow[];
  return rows.map((row) => ({
    ...factsDocument(row),
    sourceId: row.source_id,
    snapshotId: String(row.snapshot_id),
    recordedAt: isoTime(row.created_at),
  }));
}

const FIRST_SQL = 'SELECT source_id AS sourceId, min(created_at) AS at FROM snapshots GROUP BY source_id ORDER BY source_id';

/** When each source's first snapshot was recorded (epoch ms), for sources that have one. */
export function firstSnapshotTimes(db: QueryDb): Map<string, number> {
  return new Map((statement(db, FIRST_SQL).all() as { sourceId: string; at: number }[]).map((row) => [row.sourceId, row.at]));
}

/** A stored snapshot as a Facts document; every fact is present, unstated ones null. */
export function factsDocument(row: {
  url: string; kind: string; title: string | null; language: string; facts: string; evidence: string;
}): FactsDocument {
  return {
    url: row.url,
    language: row.language as Language,
    kind: row.kind as SourceKind,
    title: row.title,
    facts: { ...emptyFacts(), ...parseJson<Partial<Facts>>(row.facts, {}) },
    evidence: parseJson<FactsDocument['evidence']>(row.evidence, {}),
  };
}
