#!/usr/bin/env node
// `prepare`: builds dist/ where TypeScript is installed (a checkout after `npm ci`, `npm pack`).
// Where it is not (a fresh checkout given to `npm install -g .`, an installed tarball that
// already holds dist/), say what to do instead of failing on "tsc: not found".
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let tsc = null;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // not installed: production dependencies only
}
if (tsc) {
  // A clean build: a package must not ship the compiled copy of a file that no longer exists.
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
if (existsSync(new URL('../dist/cli/main.js', import.meta.url))) process.exit(0);
process.stderr.write('policy-watch: dist/ is not built and TypeScript is not installed here.\n'
  + '  From a checkout: run `npm ci` first (it builds dist/), then `npm install -g .`;\n'
  + '  or install a package built by `npm pack`: `npm install -g ./policy-watch-<version>.tgz`.\n');
process.exit(1);
