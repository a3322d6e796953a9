import { UsageError } from '../domain/errors.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO date or date-time as epoch ms. A bare date means the start of that day (UTC), or its
 * end with `endOfDay` (`--until 2025-11-03` includes the 3rd; `--at 2025-11-03` is as of that day).
 */
export function parseTime(value: string, flag: string, options: { endOfDay?: boolean } = {}): number {
  const trimmed = value.trim();
  if (DATE_ONLY.test(trimmed)) {
    const ms = Date.parse(`${trimmed}T00:00:00Z`);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== trimmed) throw badTime(value, flag);
    return options.endOfDay ? ms + 86_400_000 - 1 : ms;
  }
  if (DATE_TIME.test(trimmed) && validParts(trimmed)) {
    // A date-time without a zone is read as UTC, so results do not depend on the machine.
    const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(trimmed) ? trimmed : `${trimmed}Z`;
    const ms = Date.parse(withZone);
    if (!Number.isNaN(ms)) return ms;
  }
  throw badTime(value, flag);
}

/** Rejects what Date.parse would roll over: 2025-02-30, 24:00, 12:60. */
function validParts(value: string): boolean {
  const [, y, m, d, hh, mm, ss] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value) ?? [];
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return day.getUTCMonth() === Number(m) - 1 && day.getUTCDate() === Number(d)
    && Number(hh) <= 23 && Number(mm) <= 59 && Number(ss ?? 0) <= 59;
}

function badTime(value: string, flag: string): UsageError {
  return new UsageError(`invalid ${flag} "${value}": expected an ISO date (2025-11-03) or date-time (2025-11-03T06:00:00Z)`);
}

export function parsePositiveInt(value: string, flag: string, max = 1_000_000): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`invalid ${flag} "${value}": expected a whole number from 1 to ${max}`);
  const n = Number(value);
  if (n < 1 || n > max) throw new UsageError(`invalid ${flag} "${value}": expected a whole number from 1 to ${max}`);
  return n;
}

/** A change id as printed (`12`), also accepted quoted (`"12"`) as `jq` without -r prints it. */
export function parseChangeId(value: string): number {
  const bare = value.trim().replace(/^"(.*)"$/, '$1');
  if (!/^\d+$/.test(bare) || Number(bare) < 1 || !Number.isSafeInteger(Number(bare))) {
    throw new UsageError(`invalid change id "${value}": expected a number such as 12 (see \`policy-watch history\`)`);
  }
  return Number(bare);
}
