import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../domain/config.js';
import { configSchema, type ConfigFile } from './config-schema.js';
import { collectSources } from './collect-sources.js';
import { loadChannels } from './load-channels.js';
import { parseWith, readJson } from './parse-with.js';
import { resolveSecret } from './resolve-secret.js';
import { DEFAULT_USER_AGENT } from './version.js';

export const DEFAULT_CONFIG_FILE = 'policy-watch.config.json';
/** `Config.origin` when no config file was found: the built-in LinkedIn sources. */
export const BUILT_IN_ORIGIN = 'built-in';

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
  let origin = BUILT_IN_ORIGIN;
  let baseDir = cwd;
  if (file) {
    origin = resolve(cwd, file);
    baseDir = dirname(origin);
    parsed = parseWith(configSchema, readJson(origin), origin);
  } else {
    parsed = configSchema.parse({});
  }

  const { sources, warnings, declarations } = collectSources(parsed, baseDir, origin);
  const database = options.dbPath || env.POLICY_WATCH_DB || resolve(baseDir, parsed.database);
  const webhooks = loadChannels(parsed.webhooks, env, origin);
  const api = parsed.api;
  const token = resolveSecret(api.token, env);
  const shownHost = api.host.includes(':') ? `[${api.host}]` : api.host;
  return {
    database: resolve(cwd, database),
    schedule: parsed.schedule,
    timezone: parsed.timezone,
    userAgent: parsed.userAgent ?? DEFAULT_USER_AGENT,
    fetch: parsed.fetch,
    failAfter: parsed.failAfter,
    // A path is the config's own (relative to its folder); a bare name is looked up on the PATH.
    ...(parsed.browser ? { browser: { executablePath: browserPath(parsed.browser.executablePath, baseDir) } } : {}),
    sources,
    webhooks,
    api: { host: api.host, port: api.port, token: token.value, tokenRef: token.ref, publicUrl: (api.publicUrl ?? `http://${shownHost}:${api.port}`).replace(/\/+$/, '') },
    origin,
    warnings,
    declarations,
  };
}

function browserPath(path: string | undefined, baseDir: string): string | undefined {
  if (path === undefined || !/[\\/]/.test(path)) return path;
  return resolve(baseDir, path);
}
