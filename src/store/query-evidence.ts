import type { FactsDocument } from '../domain/facts.js';
import type { QueryDb } from './query-statement.js';
import { parseJson, statement } from './query-statement.js';

type Evidence = FactsDocument['evidence'];

// One statement for any number of ids: the list goes in as a JSON array.
const SQL = 'SELECT id, evidence FROM snapshots WHERE id IN (SELECT value FROM json_each(?))';

/**
 * The evidence of each snapshot asked for (per stated fact, the page text it was read from), by
 * snapshot id as a string; ids that do not exist are absent. Light: the texts stay compressed.
 */
export function snapshotEvidence(db: QueryDb, ids: readonly (string | number | null)[]): Map<string, Evidence> {
  const wanted = [...new Set(ids.filter((id): id is string | number => id !== null).map(Number))];
  if (wanted.length === 0) return new Map();
  const rows = statement(db, SQL).all(JSON.stringify(wanted)) as { id: number; evidence: string }[];
  return new Map(rows.map((r) => [String(r.id), parseJson<Evidence>(r.evidence, {})]));
}
