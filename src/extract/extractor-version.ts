/**
 * The extractor's version: raised whenever the facts it reads from a page can change. Every
 * snapshot records it, and a newer one re-reads stored snapshots as technical revisions.
 * (0 is what snapshots written before versions were recorded carry.) 3: a relative "Last updated:
 * 2 weeks ago" age is cut from the text, so stored help articles are re-read as technical revisions.
 * 4: the readings of 313 lines of reader changes since 3, and the page's language from franc (a
 * page in a language the readers do not know says its language and states no fact).
 * 5: issue 18 parts 3-4, facts read by meaning (data categories and the training default: denied
 * choices, consent-exception refusals, table rows that train a model, opt-outs of any subject).
 */
export const EXTRACTOR_VERSION = 5;

/**
 * The digest of what this version reads from every fixture page (facts, evidence, language,
 * title). tests/unit/extractor-version.test.ts fails when the output changes and this does not:
 * raise EXTRACTOR_VERSION, then run `npm run extractor-digest -- --write`.
 */
export const EXTRACTOR_OUTPUT_DIGEST = '3b97b682559158f063526e8daa80441e00fcfadc39b05ee05b2f4e09dd8ac37d';
