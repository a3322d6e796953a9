import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import type { Config, WebhookConfig } from '../domain/config.js';
import type { Source } from '../domain/source.js';
import { UsageError } from '../domain/errors.js';
import { configSchema, packSchema, type ConfigFile } from './config-schema.js';
import { builtInSources } from './built-in-sources.js';
import { DEFAULT_USER_AGENT } from './version.js';

export const DEFAULT_CONFIG_FILE = 'policy-watch.config.json';

export interface LoadConfigOptions {
  /** `--config`; else POLICY_WATCH_CONFIG; else ./policy-watch.config.json if present; else built-in. */
  configPath?: string;
  /** `--db`; else POLICY_WATCH_DB; else the config's `database`. */
  dbPath?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Reads, validates and resolves the configuration. Throws UsageError naming the bad field. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  let file = options.configPath || env.POLICY_WATCH_CONFIG;
  if (!file && existsSync(resolve(cwd, DEFAULT_CONFIG_FILE))) file = DEFAULT_CONFIG_FILE;

  let parsed: ConfigFile;
  let origin = 'built-in';
  let baseDir = cwd;
  if (file) {
    origin = resolve(cwd, file);
    baseDir = dirname(origin);
    parsed = parseWith(configSchema, readJson(origin), origin);
  } else {
    parsed = configSchema.parse({});
  }

  const sources = collectSources(parsed, baseDir, origin);
  const database = options.dbPath || env.POLICY_WATCH_DB || resolve(baseDir, parsed.database);
  parsed.webhooks.forEach((hook, i) => {
    const first = parsed.webhooks.findIndex((other) => other.url === hook.url);
    if (first !== i) throw new UsageError(`invalid config ${origin}: webhooks[${i}].url: the same URL as webhooks[${first}] (one entry per endpoint; list its events together)`);
  });
  const webhooks: WebhookConfig[] = parsed.webhooks.map((hook, i) => ({
    url: hook.url,
    secret: hook.secret === undefined ? null : resolveSecret(hook.secret, `webhooks[${i}].secret`, env, origin),
    events: [...new Set(hook.events)],
    format: hook.format,
  }));
  const api = parsed.api;
  const token = api.token === undefined ? null : resolveSecret(api.token, 'api.token', env, origin);
  const shownHost = api.host.includes(':') ? `[${api.host}]` : api.host;
  return {
    database: resolve(cwd, database),
    schedule: parsed.schedule,
    timezone: parsed.timezone,
    userAgent: parsed.userAgent ?? DEFAULT_USER_AGENT,
    fetch: parsed.fetch,
    failAfter: parsed.failAfter,
    sources,
    webhooks,
    api: { host: api.host, port: api.port, token, publicUrl: (api.publicUrl ?? `http://${shownHost}:${api.port}`).replace(/\/+$/, '') },
    origin,
  };
}

function collectSources(parsed: ConfigFile, baseDir: string, origin: string): Source[] {
  const sources: Source[] = [];
  const seen = new Map<string, string>();
  const add = (source: Source, where: string) => {
    const first = seen.get(source.id);
    if (first) throw new UsageError(`invalid config ${origin}: ${where}.id: duplicate source id "${source.id}" (first at ${first})`);
    if (source.kind === 'blog-post' && source.id.includes('/')) {
      // Ids with a slash are reserved for discovered posts (<blog id>/<slug>).
      throw new UsageError(`invalid config ${origin}: ${where}.id: "/" is reserved for discovered blog posts`);
    }
    seen.set(source.id, where);
    sources.push(source);
  };
  parsed.include.forEach((packFile, i) => {
    const path = resolve(baseDir, packFile);
    if (!existsSync(path)) throw new UsageError(`invalid config ${origin}: include[${i}]: no such file ${path}`);
    const pack = parseWith(packSchema, readJson(path), path);
    pack.sources.forEach((source, j) => add(source, `${packFile}: sources[${j}]`));
  });
  const own = parsed.sources ?? (parsed.include.length > 0 ? [] : builtInSources());
  own.forEach((source, i) => add(source, `sources[${i}]`));
  sources.forEach((source, i) => {
    for (const key of ['follow', 'maxNewPosts', 'maxPages'] as const) {
      if (source.kind !== 'blog' && source[key] !== undefined) {
        throw new UsageError(`invalid config ${origin}: sources[${i}].${key}: only "blog" sources follow links`);
      }
    }
    if (source.kind === 'blog' && !source.follow?.length) {
      throw new UsageError(`invalid config ${origin}: sources[${i}].follow: a "blog" source needs at least one pattern of the posts to follow`);
    }
  });
  return sources;
}

function readJson(path: string): unknown {
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

function parseWith<T extends z.ZodType>(schema: T, value: unknown, origin: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const at = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => (at ? `${at}.${key}` : key));
      return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return `${at || '(top level)'}: ${issue.message}`;
  });
  throw new UsageError(`invalid config ${origin}: ${lines.join('; ')}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function resolveSecret(ref: string, field: string, env: NodeJS.ProcessEnv, origin: string): string {
  if (!ref.startsWith('env:')) return ref;
  const name = ref.slice(4);
  const value = env[name];
  if (!value) throw new UsageError(`invalid config ${origin}: ${field}: environment variable ${name} is not set`);
  return value;
}
