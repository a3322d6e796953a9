/**
 * The extractor's version: raised whenever the facts it reads from a page can change. Every
 * snapshot records it, and a newer one re-reads stored snapshots as technical revisions.
 * (0 is what snapshots written before versions were recorded carry.)
 */
export const EXTRACTOR_VERSION = 2;
