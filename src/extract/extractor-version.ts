/**
 * The extractor's version: raised whenever the facts it reads from a page can change. Every
 * snapshot records it, and a newer one re-reads stored snapshots as technical revisions.
 * (0 is what snapshots written before versions were recorded carry.) 3: a relative "Last updated:
 * 2 weeks ago" age is cut from the text, so stored help articles are re-read as technical revisions.
 */
export const EXTRACTOR_VERSION = 3;

/**
 * The digest of what this version reads from every fixture page (facts, evidence, language,
 * title). tests/unit/extractor-version.test.ts fails when the output changes and this does not:
 * raise EXTRACTOR_VERSION, then run `npm run extractor-digest -- --write`.
 */
export const EXTRACTOR_OUTPUT_DIGEST = 'ed450a608eb07905a73d8aabb7175983a37f00508df92b9e890ce3cf721d337c';
