import type { Db } from '../store/open-database.js';
import { listChanges } from '../store/query-changes.js';
import type { ChangeRecord } from '../domain/records.js';
import { ApiError } from './api-error.js';
import { decodeCursor, encodeCursor, parseFactParam, parseLimitParam, parseTimeParam, requireSourceParam } from './query-params.js';

export const CHANGES_DEFAULT_LIMIT = 50;
export const CHANGES_MAX_LIMIT = 500;

export interface ChangePage {
  changes: ChangeRecord[];
  /** Pass as `cursor` to get the next, older page; null on the last page. */
  nextCursor: string | null;
}

/**
 * One page of changes from query parameters (`source`, `fact`, `since`, `until`, `limit`,
 * `cursor`, `technical`), shared by `/api/changes` and the web page. Empty parameters count as
 * absent. `technical=1` includes technical revisions (re-readings by a newer extractor).
 */
export function queryChangePage(db: Db, param: (name: string) => string | undefined): ChangePage {
  const get = (name: string) => {
    const value = param(name);
    return value === undefined || value === '' ? undefined : value;
  };
  const source = get('source');
  if (source !== undefined) requireSourceParam(db, source);
  const fact = get('fact');
  const since = get('since');
  const until = get('until');
  const cursor = get('cursor');
  const technical = parseTechnicalParam(get('technical'));
  const limit = parseLimitParam(get('limit'), { default: CHANGES_DEFAULT_LIMIT, max: CHANGES_MAX_LIMIT });
  const rows = listChanges(db, {
    sourceId: source,
    fact: fact === undefined ? undefined : parseFactParam(fact),
    since: since === undefined ? undefined : parseTimeParam('since', since),
    until: until === undefined ? undefined : parseTimeParam('until', until, { endOfDay: true }),
    before: cursor === undefined ? undefined : decodeCursor(cursor),
    technical,
    limit: limit + 1, // one more tells whether there is a next page
  });
  const changes = rows.slice(0, limit);
  const last = changes[changes.length - 1];
  return {
    changes,
    nextCursor: rows.length > limit && last ? encodeCursor({ detectedAt: Date.parse(last.detectedAt), id: Number(last.id) }) : null,
  };
}

function parseTechnicalParam(value: string | undefined): boolean {
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ApiError(400, `technical must be 1 or 0, not "${value}"`);
}
