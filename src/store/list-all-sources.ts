import type { Source } from '../domain/source.js';
import type { SourceRecord } from '../domain/records.js';
import { listSources } from './query-sources.js';
import type { QueryDb } from './query-statement.js';

/**
 * What `sources --json`, `/api/sources` and the MCP `list_sources` tool give: the stored sources, then the
 * configured ones not checked yet (listed from the config, not written: the caller only reads).
 * Retired is judged from the config as it now stands, before a check records it. Without a config
 * (null: `--db` alone), the stored sources as they were last recorded.
 */
export function listAllSources(db: QueryDb, config: { readonly sources: readonly Source[] } | null): SourceRecord[] {
  if (config === null) return listSources(db);
  const configured = new Set(config.sources.map((s) => s.id));
  const stored = listSources(db).map((s): SourceRecord => {
    const inConfig = s.origin === 'config' ? configured.has(s.id) : s.parentId !== null && configured.has(s.parentId);
    if (!inConfig) return { ...s, status: 'retired', retiredAt: s.retiredAt ?? null };
    return s.status === 'retired' ? { ...s, status: null, retiredAt: null } : s;
  });
  const known = new Set(stored.map((s) => s.id));
  return [...stored, ...config.sources.filter((s) => !known.has(s.id)).map((s): SourceRecord => ({
    id: s.id, url: s.url, kind: s.kind, name: s.name ?? null, parentId: null, origin: 'config', status: null,
    lastCheckedAt: null, lastSuccessAt: null, failing: false, failures: 0, factCount: 0, language: null, snapshotId: null, retiredAt: null,
  }))];
}
