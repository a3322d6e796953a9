import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir, type TempDir } from '../helpers/test-config.js';

const REPORTER = fileURLToPath(new URL('../summary-reporter.ts', import.meta.url));
const VITEST = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');

/** Runs vitest in a child process on a folder of test files, with only the summary reporter. */
function runVitest(root: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', '--root', root, '--config', join(root, 'vitest.config.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('the summary line of a run where a suite crashed', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = tempDir('policy-watch-summary-');
    // Globals: files in a temporary folder cannot import vitest.
    writeFileSync(dir.file('vitest.config.mjs'), `export default { test: { include: ['*.test.mjs'], globals: true, reporters: [${JSON.stringify(REPORTER)}] } };`);
    writeFileSync(dir.file('cannot-load.test.mjs'), "throw new Error('this file cannot load');\n");
    writeFileSync(dir.file('no-browser.test.mjs'), [
      "describe('a suite whose beforeAll throws, as the browser suite did without Chromium', () => {",
      "  beforeAll(() => { throw new Error('no browser'); });",
      "  it('renders the home page', () => {});",
      "  it('renders the change page', () => {});",
      '});',
    ].join('\n'));
    writeFileSync(dir.file('fine.test.mjs'), "it('passes', () => { expect(1).toBe(1); });\n");
  });
  afterAll(() => dir.remove());

  it('counts each crashed suite as failed and names it, while vitest exits 1', async () => {
    const { code, stdout } = await runVitest(dir.path);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('1 passed, 2 failed, 2 skipped');
    expect(lines.at(-2)).toBe('failed outside their tests (could not load, or a hook threw): cannot-load.test.mjs, no-browser.test.mjs');
  });
});
