import type { QueryDb } from './query-statement.js';
import { statement } from './query-statement.js';

/**
 * The latest reading of one stored page version: a snapshot as first recorded, or its newest
 * technical revision. `rootId` is the snapshot first recorded from the fetch (`revision_of` of
 * every revision names it), `id` the reading itself.
 */
export interface ReadingRow {
  id: number;
  rootId: number;
  sourceId: string;
  contentId: number;
  createdAt: number;
  textHash: string;
  text: Buffer;
  title: string | null;
  language: string;
  facts: string;
  evidence: string;
  finalUrl: string | null;
  extractorVersion: number;
  /** Whether it is its source's current snapshot. */
  current: number;
}

const READING_COLUMNS = `h.id, coalesce(h.revision_of, h.id) AS rootId, h.source_id AS sourceId, h.content_id AS contentId,
  h.created_at AS createdAt, h.text_hash AS textHash, h.text, h.title, h.language, h.facts, h.evidence,
  h.final_url AS finalUrl, h.extractor_version AS extractorVersion`;

// The current snapshot is always a latest reading: a revision of it becomes current.
const CURRENT_SQL = `SELECT ${READING_COLUMNS}, 1 AS current FROM sources s JOIN snapshots h ON h.id = s.current_snapshot_id
  WHERE h.extractor_version < @below ORDER BY s.id`;

// Per page version first recorded (revision_of null), its newest reading (the highest id).
const LATEST_SQL = `SELECT ${READING_COLUMNS}, (s.current_snapshot_id = h.id) AS current
  FROM snapshots r
  JOIN snapshots h ON h.id = (SELECT max(x.id) FROM snapshots x WHERE x.source_id = r.source_id AND (x.id = r.id OR x.revision_of = r.id))
  JOIN sources s ON s.id = r.source_id
  WHERE r.revision_of IS NULL AND r.source_id = @sourceId AND h.extractor_version < @below
  ORDER BY r.created_at, r.id`;

const SOURCES_WITH_SNAPSHOTS_SQL = 'SELECT DISTINCT source_id AS id FROM snapshots ORDER BY source_id';
const CONTENT_SQL = 'SELECT html FROM contents WHERE id = ?';
const STILL_LATEST_SQL = 'SELECT 1 FROM snapshots WHERE source_id = ? AND revision_of = ? AND id > ? LIMIT 1';

/** Every source's current snapshot read by an extractor older than `below` (any, with Infinity). */
export function listCurrentReadings(db: QueryDb, below: number): ReadingRow[] {
  return statement(db, CURRENT_SQL).all({ below: finite(below) }) as ReadingRow[];
}

/** The latest reading of each stored page version of a source, oldest version first. */
export function listLatestReadings(db: QueryDb, sourceId: string, below: number): ReadingRow[] {
  return statement(db, LATEST_SQL).all({ sourceId, below: finite(below) }) as ReadingRow[];
}

export function listSourcesWithSnapshots(db: QueryDb): string[] {
  return (statement(db, SOURCES_WITH_SNAPSHOTS_SQL).all() as { id: string }[]).map((row) => row.id);
}

/** The stored raw page (gzip) of a snapshot's content. */
export function getContentHtml(db: QueryDb, contentId: number): Buffer | null {
  return (statement(db, CONTENT_SQL).get(contentId) as { html: Buffer } | undefined)?.html ?? null;
}

/** Whether no newer reading of `rootId` than `id` was written meanwhile. */
export function isLatestReading(db: QueryDb, reading: Pick<ReadingRow, 'id' | 'rootId' | 'sourceId'>): boolean {
  return statement(db, STILL_LATEST_SQL).get(reading.sourceId, reading.rootId, reading.id) === undefined;
}

const MOVE_CURRENT_SQL = 'UPDATE sources SET current_snapshot_id = ? WHERE id = ? AND current_snapshot_id = ?';

/** Points a source at a revision of its current snapshot (only if that is still current). */
export function moveCurrentSnapshot(db: QueryDb, sourceId: string, from: number, to: number): boolean {
  return statement(db, MOVE_CURRENT_SQL).run(to, sourceId, from).changes > 0;
}

// SQLite binds no Infinity: "every version" is any version below the largest integer.
function finite(value: number): number {
  return Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}
