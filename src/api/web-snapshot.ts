import type { SnapshotRecord } from '../domain/records.js';
import { html } from './html.js';
import { externalLink, layout, sourceHref, timeTag } from './web-layout.js';
import { factTable } from './web-facts.js';

export interface SnapshotPageView {
  snapshot: SnapshotRecord;
  /** The source's display name. */
  name: string;
  /** Neighbouring snapshots of the same source, when there are. */
  previousId: string | null;
  nextId: string | null;
}

/** The archived copy of one snapshot: the facts read from it and its normalized text, as text only. */
export function renderSnapshotPage(view: SnapshotPageView): string {
  const { snapshot, name } = view;
  const doc = snapshot.document;
  return layout(`${name}: snapshot #${snapshot.id} · policy-watch`, html`
<p class="crumbs"><a href="${sourceHref(snapshot.sourceId)}">← ${name}</a>${view.previousId ? html` · <a href="/snapshots/${view.previousId}" rel="prev">Older snapshot</a>` : ''}${view.nextId ? html` · <a href="/snapshots/${view.nextId}" rel="next">Newer snapshot</a>` : ''}</p>
<h1>Snapshot #${snapshot.id}</h1>
<div class="summary-meta">
  <span>${name} as recorded ${timeTag(snapshot.createdAt)}</span>
  ${doc.url ? html`<span>${externalLink(snapshot.finalUrl ?? doc.url)}</span>` : ''}
</div>
<div class="summary-meta">
  ${snapshot.title ? html`<span>Title: “${snapshot.title}”</span>` : ''}
  <span>Language: <code>${snapshot.language}</code></span>
  <span><a href="/snapshots/${snapshot.id}/raw" type="text/plain">Raw HTML (as text)</a></span>
  <span><a href="/api/snapshots/${snapshot.id}">JSON</a></span>
</div>

<h2 id="facts">Facts read from it</h2>
${factTable(doc)}

<h2 id="text">Archived text</h2>
<p class="muted small">The page's text as policy-watch normalized it for diffing. The raw HTML is served as plain text: it is never rendered here.</p>
<div class="card"><pre class="archived-text">${snapshot.text}</pre></div>
`);
}
