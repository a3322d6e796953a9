import type { ChangeRecord } from '../domain/records.js';
import { summarizeFactChanges as describeChange, describeFactChange } from '../notify/summarize-fact-changes.js';
import { DIRECTION_LABELS } from '../domain/value-labels.js';

export interface AtomFeedOptions {
  /** Absolute base URL of the links, without a trailing slash. */
  publicUrl: string;
  /** Display names by source id (the source's name, else its id). */
  sourceNames: ReadonlyMap<string, string>;
  /** The feed's own path and query, for its self link and id. */
  selfPath: string;
  /** Newest first. */
  changes: readonly ChangeRecord[];
}

// XML 1.0 forbids most control characters even when escaped; page text may carry them.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An Atom 1.0 (RFC 4287) feed, one entry per change, each linking to its page and its JSON. */
export function renderAtomFeed(options: AtomFeedOptions): string {
  const { publicUrl, changes } = options;
  const x = escapeXml;
  const updated = changes[0]?.detectedAt ?? new Date(0).toISOString();
  const entries = changes.map((change) => {
    const name = options.sourceNames.get(change.sourceId) ?? change.sourceId;
    const title = describeChange(name, change.facts);
    const page = `${publicUrl}/changes/${encodeURIComponent(change.id)}`;
    const lines = [
      ...change.facts.map(describeFactChange),
      change.snapshots.before === null ? 'A newly discovered post.' : change.textChanged ? 'The page text changed.' : 'The page text did not change.',
      `Page: ${change.url}`,
    ];
    return `  <entry>
    <id>${x(page)}</id>
    <title type="text">${x(title)}</title>
    <updated>${x(change.detectedAt)}</updated>
    <link rel="alternate" type="text/html" href="${x(page)}"/>
    <link rel="related" type="application/json" href="${x(`${publicUrl}/api/changes/${encodeURIComponent(change.id)}`)}"/>
    <link rel="via" href="${x(change.url)}"/>
    <category term="${x(change.sourceId)}"/>${directionCategories(change, publicUrl)}
    <summary type="text">${x(title)}</summary>
    <content type="text">${x(lines.join('\n'))}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${x(`${publicUrl}${options.selfPath}`)}</id>
  <title type="text">policy-watch: policy changes</title>
  <subtitle type="text">Which policy fact changed, and when.</subtitle>
  <updated>${x(updated)}</updated>
  <author><name>policy-watch</name></author>
  <generator>policy-watch</generator>
  <link rel="self" type="application/atom+xml" href="${x(`${publicUrl}${options.selfPath}`)}"/>
  <link rel="alternate" type="text/html" href="${x(`${publicUrl}/`)}"/>
${entries.join('\n')}
</feed>
`;
}

/** One category per way the change cuts (`wider`, `narrower`), so feed readers can filter on it. */
function directionCategories(change: ChangeRecord, publicUrl: string): string {
  const directions = [...new Set(change.facts.map((f) => f.direction))].filter((d) => d !== 'neutral');
  return directions.map((d) => `\n    <category scheme="${escapeXml(`${publicUrl}/#direction`)}" term="${d}" label="${escapeXml(DIRECTION_LABELS[d])}"/>`).join('');
}
