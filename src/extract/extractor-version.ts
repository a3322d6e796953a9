/**
 * The extractor's version: raised whenever the facts it reads from a page can change. Every
 * snapshot records it, and a newer one re-reads stored snapshots as technical revisions.
 * (0 is what snapshots written before versions were recorded carry.) 3: a relative "Last updated:
 * 2 weeks ago" age is cut from the text, so stored help articles are re-read as technical revisions.
 */
export const EXTRACTOR_VERSION = 3;
