import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Source } from '../domain/source.js';

/** The shipped LinkedIn pack: what policy-watch watches when no config file is given. */
export const BUILT_IN_PACK = fileURLToPath(new URL('../../packs/linkedin.json', import.meta.url));

let cached: Source[] | null = null;

/** The built-in sources, read from `packs/linkedin.json` (services are declared as data). */
export function builtInSources(): Source[] {
  cached ??= (JSON.parse(readFileSync(BUILT_IN_PACK, 'utf8')) as { sources: Source[] }).sources;
  return cached.map((source) => ({ ...source }));
}
