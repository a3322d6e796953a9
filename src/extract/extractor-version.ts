/**
 * The extractor's version: raised whenever the facts it reads from a page can change. Every
 * snapshot records it, and a newer one re-reads stored snapshots as technical revisions.
 * (0 is what snapshots written before versions were recorded carry.) 3: a relative "Last updated:
 * 2 weeks ago" age is cut from the text, so stored help articles are re-read as technical revisions.
 * 4: the readings of 313 lines of reader changes since 3, and the page's language from franc (a
 * page in a language the readers do not know says its language and states no fact).
 * 5: issue 18 parts 3-4, reading by meaning (regions: organisations' places, laws, rights and
 * regional sections are no coverage, a document's scope stated in a sentence; providers: AI
 * product names without an AI word).
 */
export const EXTRACTOR_VERSION = 5;

/**
 * The digest of what this version reads from every fixture page (facts, evidence, language,
 * title). tests/unit/extractor-version.test.ts fails when the output changes and this does not:
 * raise EXTRACTOR_VERSION, then run `npm run extractor-digest -- --write`.
 */
export const EXTRACTOR_OUTPUT_DIGEST = 'c96fc8d7302c81da38f5bf4dd39048b11dee4bc0505b9e6697ac1531c02df1d1';
