import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package version, read once from package.json (src/config or dist/config -> ../../). */
export const VERSION: string = (() => {
  try {
    const file = fileURLToPath(new URL('../../package.json', import.meta.url));
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

export const DEFAULT_USER_AGENT = `policy-watch/${VERSION} (+https://github.com/policy-watch/policy-watch)`;
