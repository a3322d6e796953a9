import type { SnapshotRecord } from '../domain/records.js';
import type { QueryDb } from './query-statement.js';
import { decompressText } from './compress.js';
import { factsDocument } from './query-facts.js';
import { isoTime, statement } from './query-statement.js';

interface SnapshotRow {
  id: number;
  source_id: string;
  url: string;
  kind: string;
  created_at: number;
  title: string | null;
  language: string;
  final_url: string | null;
  text: Buffer;
  facts: string;
  evidence: string;
}

const SQL = `
  SELECT sn.id, sn.source_id, src.url, src.kind, sn.created_at, sn.title, sn.language,
         sn.final_url, sn.text, sn.facts, sn.evidence
  FROM snapshots sn JOIN sources src ON src.id = sn.source_id
  WHERE sn.id = ?`;

/** One snapshot with its normalized text and its Facts document; null when there is none. */
export function getSnapshot(db: QueryDb, id: number): SnapshotRecord | null {
  const row = statement(db, SQL).get(id) as SnapshotRow | undefined;
  if (!row) return null;
  return {
    id: String(row.id),
    sourceId: row.source_id,
    createdAt: isoTime(row.created_at),
    title: row.title,
    language: row.language,
    finalUrl: row.final_url,
    text: decompressText(row.text),
    document: factsDocument(row),
  };
}
