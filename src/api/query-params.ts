import { FACT_NAMES, type FactName } from '../domain/facts.js';
import type { QueryDb } from '../store/query-statement.js';
import { sourceExists } from '../store/query-sources.js';
import { ApiError } from './api-error.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;

/**
 * An ISO date or date-time as epoch ms, as the CLI reads `--since/--until/--at`: a bare date is
 * the start of that UTC day, or its last millisecond with `endOfDay`; no zone means UTC.
 */
export function parseTimeParam(name: string, value: string, options: { endOfDay?: boolean } = {}): number {
  const day = DATE_ONLY.exec(value);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    if (new Date(ms).toISOString().slice(0, 10) !== value) throw badTime(name);
    return options.endOfDay ? ms + DAY_MS - 1 : ms;
  }
  const time = DATE_TIME.exec(value);
  if (time) {
    const [, y, mo, d, h, mi, s = '0', frac = '0', zone = 'Z'] = time;
    const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0')));
    const check = new Date(local).toISOString();
    // Reject 2025-02-30 or 25:00 rather than letting Date roll them over.
    if (check.slice(0, 16) !== `${y}-${mo}-${d}T${h}:${mi}` || Number(s) > 59) throw badTime(name);
    return local - zoneOffsetMs(zone);
  }
  throw badTime(name);
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

function badTime(name: string): ApiError {
  return new ApiError(400, `invalid '${name}': expected an ISO date (2025-11-03) or date-time (2025-11-03T06:00:00Z)`);
}

/** A `source` parameter must name a known source: a 400 otherwise. */
export function requireSourceParam(db: QueryDb, source: string): void {
  if (!sourceExists(db, source)) throw new ApiError(400, `invalid 'source': no source has the id '${source}'`);
}

export function parseLimitParam(value: string | undefined, defaults: { default: number; max: number }): number {
  if (value === undefined) return defaults.default;
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= defaults.max)) throw new ApiError(400, `invalid 'limit': expected a whole number from 1 to ${defaults.max}`);
  return n;
}

export function parseFactParam(value: string): FactName {
  if (!(FACT_NAMES as readonly string[]).includes(value)) {
    throw new ApiError(400, `invalid 'fact': expected one of ${FACT_NAMES.join(', ')}`);
  }
  return value as FactName;
}

/** A numeric id from a path: anything but a positive integer is a 400 naming what was expected. */
export function parseIdParam(what: string, value: string): number {
  const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1)) throw new ApiError(400, `invalid ${what} id: expected a positive whole number`);
  return n;
}

export interface Cursor {
  detectedAt: number;
  id: number;
}

/** Opaque to clients: base64url of `<detectedAt>:<id>` of the last change of the previous page. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.detectedAt}:${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(value) ? Buffer.from(value, 'base64url').toString('utf8') : '';
  const match = /^(\d{1,15}):(\d{1,15})$/.exec(decoded);
  if (!match) throw new ApiError(400, `invalid 'cursor': use the nextCursor of a previous response`);
  return { detectedAt: Number(match[1]), id: Number(match[2]) };
}
