import type { ChangeDetail } from '../domain/records.js';
import type { FactChange } from '../domain/facts.js';
import { html, type SafeHtml } from './html.js';
import { externalLink, layout, sourceHref, timeTag } from './web-layout.js';
import { factLabel } from '../domain/fact-labels.js';
import { factValue } from './web-facts.js';
import { parseUnifiedDiff, type DiffRow } from './parse-unified-diff.js';

/** One change: what facts moved (before → after, +added −removed) and the text diff. */
export function renderChangePage(change: ChangeDetail, name: string): string {
  return layout(`${name}: change #${change.id} · policy-watch`, html`
<p class="crumbs"><a href="/#timeline">← All changes</a> · <a href="${sourceHref(change.sourceId)}">Source page</a> · <a href="/?source=${encodeURIComponent(change.sourceId)}#timeline">Changes of this source</a></p>
<h1><a href="${sourceHref(change.sourceId)}" class="plain">${name}</a></h1>
${change.technical ? html`<p class="technical-note" data-technical="true"><span class="badge technical">technical revision</span> The same stored page re-read by a newer extractor: not a change of the page, never alerted.</p>` : ''}
<div class="summary-meta">
  <span>Change #${change.id} detected ${timeTag(change.detectedAt)}</span>
  <span>${externalLink(change.url)}</span>
  <span><a href="/api/changes/${change.id}">JSON</a></span>
</div>
<div class="summary-meta">
  ${change.snapshots.before === null
    ? html`<span>First snapshot of a newly discovered post: no earlier version</span>`
    : html`<span>Before: snapshot <a href="/snapshots/${change.snapshots.before}">#${change.snapshots.before}</a> of ${timeTag(change.beforeAt)}</span>`}
  <span>After: snapshot <a href="/snapshots/${change.snapshots.after}">#${change.snapshots.after}</a> of ${timeTag(change.afterAt)}</span>
</div>

<h2 id="facts">Facts <span class="count">${change.facts.length}</span></h2>
${change.facts.length === 0
    ? html`<div class="card empty">No policy fact changed: only the wording did.</div>`
    : html`<div class="table-scroll"><table class="fact-diff"><thead><tr><th>Fact</th><th>Before</th><th>After</th><th>Change</th></tr></thead><tbody>
${change.facts.map((f) => html`<tr data-fact="${f.fact}"><td>${factLabel(f.fact)}<br><code class="fact-name">${f.fact}</code></td>
<td data-label="Before">${factValue(f.before, f.fact, { values: f.removed ?? [], kind: 'del' })}</td>
<td data-label="After">${factValue(f.after, f.fact, { values: f.added ?? [], kind: 'add' })}</td>
<td class="change-note">${changeNote(f)}</td></tr>`)}
</tbody></table></div>`}

<h2 id="text">Text</h2>
${textDiff(change)}
`);
}

/** `+CA −US` for a set fact, else whether the fact appeared, disappeared or changed value. */
function changeNote(f: FactChange): SafeHtml {
  if (f.before === null) return html`<span class="muted">now stated</span>`;
  if (f.after === null) return html`<span class="muted">no longer stated</span>`;
  const added = f.added ?? [];
  const removed = f.removed ?? [];
  if (added.length + removed.length > 0) {
    return html`${added.map((v) => html`<span class="chip add">+${v}</span>`)}${removed.map((v) => html`<span class="chip del">−${v}</span>`)}`;
  }
  return html`<span class="muted">changed</span>`;
}

function textDiff(change: ChangeDetail): SafeHtml {
  if (change.snapshots.before === null) {
    return html`<div class="card empty">A new page has no text diff: read its <a href="/snapshots/${change.snapshots.after}">archived copy</a>.</div>`;
  }
  const rows = parseUnifiedDiff(change.textDiff);
  if (!change.textChanged || rows.length === 0) return html`<div class="card empty">The page text did not change.</div>`;
  const added = rows.filter((r) => r.kind === 'add').length;
  const removed = rows.filter((r) => r.kind === 'del').length;
  return html`<p class="legend"><span><span class="chip add">+${added}</span> lines added</span><span><span class="chip del" style="text-decoration:none">−${removed}</span> lines removed</span></p>
<div class="diff-box"><table class="text-diff"><tbody>
${rows.map(diffRow)}
</tbody></table></div>`;
}

function diffRow(row: DiffRow): SafeHtml {
  if (row.kind === 'hunk' || row.kind === 'note') return html`<tr class="${row.kind}"><td colspan="4">${row.text}</td></tr>`;
  const sign = row.kind === 'add' ? '+' : row.kind === 'del' ? '−' : ' ';
  const text = row.parts ? html`${row.parts.map((p) => (p.changed ? html`<mark>${p.text}</mark>` : html`${p.text}`))}` : html`${row.text}`;
  return html`<tr class="${row.kind}"><td class="num">${row.oldLine ?? ''}</td><td class="num">${row.newLine ?? ''}</td><td class="sign">${sign}</td><td class="code">${text}</td></tr>`;
}
