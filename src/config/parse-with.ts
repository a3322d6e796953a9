import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { UsageError } from '../domain/errors.js';

/** Reads a JSON file of the config (the config itself, a pack, a declaration). */
export function readJson(path: string): unknown {
  const read = tryReadJson(path);
  if (read.ok) return read.data;
  throw new UsageError(read.unreadable ? `cannot read config ${path}: ${read.problems}` : `invalid config ${path}: ${read.problems}`);
}

/** A JSON file's value, or why it has none (`unreadable`: the file itself could not be read). */
export function tryReadJson(path: string): Parsed<unknown> & { unreadable?: boolean } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, unreadable: true, problems: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: `not valid JSON: ${(error as Error).message}` };
  }
}

/** Parses `value` with `schema`, or throws a UsageError naming `origin` and every bad field. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, origin: string, prefix = ''): z.infer<T> {
  const result = tryParse(schema, value, prefix, '(top level): ');
  if (result.ok) return result.data;
  throw new UsageError(`invalid config ${origin}: ${result.problems}`);
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; problems: string };

/**
 * Parses `value` with `schema`; what is wrong, every bad field named, when it does not fit.
 * `topLevel` is written before an issue of the value as a whole (none by default).
 */
export function tryParse<T extends z.ZodType>(schema: T, value: unknown, prefix = '', topLevel = ''): Parsed<z.infer<T>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const lines = result.error.issues.map((issue) => {
    const at = prefix + formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => (at ? `${at}.${key}` : key));
      return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return at ? `${at}: ${issue.message}` : `${topLevel}${issue.message}`;
  });
  return { ok: false, problems: lines.join('; ') };
}

/** `sources[1].select[0]` from zod's `['sources', 1, 'select', 0]`; `terms["Privacy Policy"]` for keys with spaces. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (!/^[A-Za-z_$][\w$]*$/.test(String(part))) out += `[${JSON.stringify(String(part))}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
