import { describe, expect, it } from 'vitest';
import { EXTRACTOR_OUTPUT_DIGEST, EXTRACTOR_VERSION } from '../../src/extract/extractor-version.js';
import { canonicalJson, changedPages, extractorOutput, readOutputSnapshot } from '../helpers/extractor-output.js';

const UPDATE = 'npm run extractor-digest -- --write';

describe('EXTRACTOR_VERSION', () => {
  it('is raised whenever what the extractor reads from the fixture pages changes', () => {
    const now = extractorOutput();
    const changed = changedPages(readOutputSnapshot().pages, now.pages);
    const message = `extractor output changed: raise EXTRACTOR_VERSION and update the digest (run ${UPDATE}); pages read differently: ${changed.join(', ') || '(none listed: the snapshot is out of date)'}`;
    expect(now.digest, message).toBe(EXTRACTOR_OUTPUT_DIGEST);
  });

  it('is the version the per-page snapshot was recorded with, under the same digest', () => {
    const snapshot = readOutputSnapshot();
    expect(snapshot.version, `run ${UPDATE}`).toBe(EXTRACTOR_VERSION);
    expect(snapshot.digest, `run ${UPDATE}`).toBe(EXTRACTOR_OUTPUT_DIGEST);
  });
});

describe('canonicalJson()', () => {
  it('writes the same text whatever order the keys were set in', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe(canonicalJson({ a: true, b: [1, { c: 'x', d: null }] }));
  });

  it('leaves out undefined fields, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});

describe('changedPages()', () => {
  it('names pages whose digest differs, and pages added or removed', () => {
    expect(changedPages({ a: '1', b: '2', c: '3' }, { a: '1', b: 'x', d: '4' })).toEqual(['b', 'c', 'd']);
  });
});
