import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Source } from '../domain/source.js';

/** The shipped LinkedIn pack: what policy-watch watches when no config file is given. */
export const BUILT_IN_PACK = fileURLToPath(new URL('../../packs/linkedin.json', import.meta.url));

/** The shipped packs' folder (packs/ of the install, wherever it is). */
export const BUILT_IN_PACKS = dirname(BUILT_IN_PACK);

/** `builtin:linkedin` in `include`: a shipped pack, found in the install rather than beside the config. */
export const BUILT_IN_PREFIX = 'builtin:';

/** The file of a shipped pack by name, or null when there is no such pack. */
export function builtInPackPath(name: string): string | null {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return null;
  const path = join(BUILT_IN_PACKS, `${name}.json`);
  return existsSync(path) ? path : null;
}

/** The names of the shipped packs (`linkedin`, ...). */
export function builtInPackNames(): string[] {
  return readdirSync(BUILT_IN_PACKS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

let cached: Source[] | null = null;

/** The built-in sources, read from `packs/linkedin.json` (services are declared as data). */
export function builtInSources(): Source[] {
  cached ??= (JSON.parse(readFileSync(BUILT_IN_PACK, 'utf8')) as { sources: Source[] }).sources;
  return cached.map((source) => ({ ...source }));
}
