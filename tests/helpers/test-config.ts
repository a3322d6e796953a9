import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import type { Config } from '../../src/domain/config.js';

export interface TempDir {
  path: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'policy-watch-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes `config` as policy-watch.config.json in `dir` and loads it as the CLI would. */
export function writeConfig(dir: TempDir, config: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Config {
  const file = dir.file('policy-watch.config.json');
  writeFileSync(file, JSON.stringify({ database: 'test.db', ...config }, null, 2));
  return loadConfig({ configPath: file, env });
}

/**
 * Fast fetch options for local servers. Every test site is one host (127.0.0.1), so the per-host
 * politeness defaults (one at a time, 1 s apart) would make a many-page test take seconds.
 */
export const FAST_PER_HOST = { maxConcurrency: 4, delayMs: 0 };
export const FAST_FETCH = { timeoutMs: 5000, maxRetries: 0, maxConcurrency: 4, maxRequestsPerMinute: 10000, perHost: FAST_PER_HOST };
