import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * CLI tests run the real `bin/policy-watch.js`, which runs the compiled dist/: build it once.
 * Type errors do not stop the emit (`npm test` typechecks first and fails on them).
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) process.stderr.write(`global setup: tsc reported errors (dist/ was still written):\n${result.stdout.slice(0, 2000)}\n`);
}
