import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';
import { EXTRACTOR_VERSION } from '../../src/extract/extractor-version.js';

describe('extract --json', () => {
  let dir: TempDir;

  beforeAll(() => {
    dir = tempDir();
    writeFileSync(dir.file('page.html'), '<html lang="en-GB"><body><main><h1>Privacy Notice</h1><p>Last updated: 04/05/2026</p><p>We describe here how we handle the data of our users.</p></main></body></html>');
  });
  afterAll(() => dir.remove());

  it('prints each Facts document with the version of the extractor that read it', async () => {
    const result = await runCli(['extract', '--json', dir.file('page.html')], { cwd: dir.path });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout.trim()) as { extractorVersion: number; facts: { lastUpdated: string | null } };
    expect(document.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect(document.facts.lastUpdated).toBe('2026-05-04');
  });
});
