/**
 * Prints the digest of the extractor's output over every fixture page, and the pages whose
 * reading changed since the recorded one. `--write` records it (in src/extract/extractor-version.ts
 * and tests/fixtures/extractor-output.json), but only once EXTRACTOR_VERSION has been raised, so
 * stored snapshots are re-read by the new extractor (new fixture pages alone need no new version).
 *   npm run extractor-digest [-- --write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXTRACTOR_OUTPUT_DIGEST, EXTRACTOR_VERSION } from '../src/extract/extractor-version.js';
import { changedPages, extractorOutput, OUTPUT_SNAPSHOT, readOutputSnapshot, type OutputSnapshot } from '../tests/helpers/extractor-output.js';

const VERSION_FILE = fileURLToPath(new URL('../src/extract/extractor-version.ts', import.meta.url));

const write = process.argv.includes('--write');
const now = extractorOutput();
const recorded = readOutputSnapshot();
const changed = changedPages(recorded.pages, now.pages);
process.stdout.write(`extractor output digest: ${now.digest}\n`);
process.stdout.write(`recorded for version ${EXTRACTOR_VERSION}: ${EXTRACTOR_OUTPUT_DIGEST}\n`);
process.stdout.write(changed.length === 0 ? 'no page reads differently\n' : `pages read differently (${changed.length}):\n${changed.map((p) => `  ${p}\n`).join('')}`);

if (write) {
  // A new fixture page is no change of reading: only pages already recorded that read differently need a new version.
  const reread = changed.filter((page) => page in recorded.pages);
  if (recorded.digest !== '' && reread.length > 0 && EXTRACTOR_VERSION <= recorded.version) {
    process.stderr.write(`the output changed: raise EXTRACTOR_VERSION (now ${EXTRACTOR_VERSION}) in src/extract/extractor-version.ts first\n`);
    process.exitCode = 1;
  } else {
    const source = readFileSync(VERSION_FILE, 'utf8');
    writeFileSync(VERSION_FILE, source.replace(/(EXTRACTOR_OUTPUT_DIGEST = ')[0-9a-f]*(')/, `$1${now.digest}$2`));
    const snapshot: OutputSnapshot = { version: EXTRACTOR_VERSION, digest: now.digest, pages: now.pages };
    writeFileSync(OUTPUT_SNAPSHOT, `${JSON.stringify(snapshot, null, 2)}\n`);
    process.stdout.write(`recorded version ${EXTRACTOR_VERSION} with digest ${now.digest}\n`);
  }
}
