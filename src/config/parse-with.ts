import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { UsageError } from '../domain/errors.js';

/** Reads a JSON file of the config (the config itself, a pack, a declaration). */
export function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`invalid config ${path}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Parses `value` with `schema`, or throws a UsageError naming `origin` and every bad field. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, origin: string, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const at = prefix + formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => (at ? `${at}.${key}` : key));
      return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return `${at || '(top level)'}: ${issue.message}`;
  });
  throw new UsageError(`invalid config ${origin}: ${lines.join('; ')}`);
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
