import { Cron } from 'croner';
import { validate as nodeCronAccepts } from 'node-cron';

/** One field of a cron expression, as the message names it. */
interface FieldSpec {
  name: string;
  min: number;
  max: number;
  /** Largest step that still repeats within the field (`*\/60` in minutes is minute 0 only). */
  maxStep: number;
  /** What the message adds to the numeric range. */
  names?: string;
}

const SECOND: FieldSpec = { name: 'second', min: 0, max: 59, maxStep: 59 };
const FIVE_FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59, maxStep: 59 },
  { name: 'hour', min: 0, max: 23, maxStep: 23 },
  { name: 'day-of-month', min: 1, max: 31, maxStep: 30 },
  { name: 'month', min: 1, max: 12, maxStep: 11, names: 'or JAN-DEC' },
  { name: 'day-of-week', min: 0, max: 7, maxStep: 6, names: '0 and 7 are Sunday, or SUN-SAT' },
];

/** node-cron takes full names ("monday", "January"); croner only the three-letter ones. */
const FULL_NAMES = /\b(january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

/**
 * What is wrong with a cron expression for the `schedule` setting, naming the field and its
 * allowed range ("minute step 61 is out of range 1-59", "hour 25 is out of range 0-23"); null
 * when it is fine. croner parses (it refuses more than node-cron, which schedules and accepts
 * `*\/61` as hourly); a step that never repeats is refused here; node-cron must accept it too.
 */
export function cronProblem(expression: string): string | null {
  const trimmed = expression.trim();
  const forCroner = trimmed.replace(FULL_NAMES, (name) => name.slice(0, 3));
  if (!trimmed.startsWith('@')) {
    const fields = trimmed.split(/\s+/);
    if (fields.length !== 5 && fields.length !== 6) {
      return `expected 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first, such as "0 */6 * * *"; "${trimmed}" has ${fields.length}`;
    }
    const specs = fields.length === 6 ? [SECOND, ...FIVE_FIELDS] : FIVE_FIELDS;
    const normalized = forCroner.split(/\s+/);
    for (let i = 0; i < specs.length; i++) {
      const problem = fieldProblem(specs[i]!, normalized[i]!, i, specs.length);
      if (problem) return problem;
    }
  }
  let job: Cron;
  try {
    job = new Cron(forCroner, { paused: true });
  } catch (error) {
    return `"${trimmed}" is not a cron expression: ${cronerMessage(error)}`;
  }
  if (job.nextRun() === null) return `"${trimmed}" never runs: no date matches it`;
  if (!nodeCronAccepts(trimmed)) return `"${trimmed}" is not a cron expression the scheduler (node-cron) accepts`;
  return null;
}

/** One field checked alone (every other field `*`), so that croner's refusal is this field's. */
function fieldProblem(spec: FieldSpec, field: string, index: number, count: number): string | null {
  const range = `${spec.min}-${spec.max}`;
  for (const part of field.split(',')) {
    const step = part.split('/')[1];
    if (step !== undefined && /^\d+$/.test(step) && (Number(step) < 1 || Number(step) > spec.maxStep)) {
      return `${spec.name} step ${Number(step)} is out of range 1-${spec.maxStep}`;
    }
  }
  const alone = Array.from({ length: count }, (_, i) => (i === index ? field : '*')).join(' ');
  try {
    new Cron(alone, { paused: true });
    return null;
  } catch (error) {
    for (const part of field.split(',')) {
      for (const value of part.split('/')[0]!.split('-')) {
        if (/^\d+$/.test(value) && (Number(value) < spec.min || Number(value) > spec.max)) {
          return `${spec.name} ${Number(value)} is out of range ${range}${spec.names ? ` (${spec.names})` : ''}`;
        }
      }
    }
    return `${spec.name} "${field}" is not valid: ${cronerMessage(error)} (allowed ${range}${spec.names ? `, ${spec.names}` : ''})`;
  }
}

/** croner's reason without its "CronPattern: Syntax error," prefix. */
function cronerMessage(error: unknown): string {
  return String((error as Error)?.message ?? error).replace(/^CronPattern:\s*/, '').replace(/^Syntax error,\s*/, '');
}
