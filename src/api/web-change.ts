import type { ChangeDetail } from '../domain/records.js';
import type { FactChange, FactsDocument, FactValue } from '../domain/facts.js';
import { html, type SafeHtml } from './html.js';
import { externalLink, layout, sourceHref, timeTag } from './web-layout.js';
import { factLabel } from '../domain/fact-labels.js';
import { changedValues, directionBadge, factValue } from './web-facts.js';
import { changeDirection } from './web-home.js';
import { parseUnifiedDiff, type DiffRow } from './parse-unified-diff.js';

/** Per stated fact, the sentence each snapshot of a change read it from. */
export interface ChangeEvidence {
  before: FactsDocument['evidence'];
  after: FactsDocument['evidence'];
}

/**
 * One change: what facts moved (before → after, +added −removed), which way each cuts, the
 * sentence each value was read from on both sides, and the text diff.
 */
export function renderChangePage(change: ChangeDetail, name: string, evidence: ChangeEvidence = { before: {}, after: {} }): string {
  const direction = changeDirection(change);
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

<h2 id="facts">Facts <span class="count">${change.facts.length}</span>${change.facts.length ? html` ${directionBadge(direction)}` : ''}</h2>
${change.facts.length === 0
    ? html`<div class="card empty">No policy fact changed: only the wording did.</div>`
    : html`<p class="muted small">Each value with the sentence it was read from, before and after. <span class="dir wider">▲ Wider use</span> means the use of users' data grows, <span class="dir narrower">▼ Narrower use</span> that it shrinks.</p>
<div class="table-scroll"><table class="fact-diff"><thead><tr><th>Fact</th><th>Which way</th><th>Before</th><th>After</th></tr></thead><tbody>
${change.facts.map((f) => html`<tr data-fact="${f.fact}" class="${f.direction}" data-direction="${f.direction}"><td class="fact">${factLabel(f.fact)}<br><code class="fact-name">${f.fact}</code></td>
<td class="direction">${directionBadge(f.direction)}<div class="change-note">${changeNote(f)}</div></td>
<td data-label="Before" class="before">${factValue(f.before, f.fact, { values: f.removed ?? [], kind: 'del' })}${said(f.before, evidence.before[f.fact])}</td>
<td data-label="After" class="after">${factValue(f.after, f.fact, { values: f.added ?? [], kind: 'add' })}${said(f.after, evidence.after[f.fact])}</td></tr>`)}
</tbody></table></div>`}

<h2 id="text">Text</h2>
${textDiff(change)}
`);
}

/** `+Canada −United States` for a set fact, else whether the fact appeared, disappeared or changed value. */
function changeNote(f: FactChange): SafeHtml {
  if (f.before === null) return html`<span class="muted">now stated</span>`;
  if (f.after === null) return html`<span class="muted">no longer stated</span>`;
  if ((f.added ?? []).length + (f.removed ?? []).length > 0) return changedValues(f);
  return html`<span class="muted">changed</span>`;
}

/** The sentence a value was read from, under the value; nothing for an unstated value. */
function said(value: FactValue, sentence: string | undefined): SafeHtml | '' {
  if (value === null) return '';
  return sentence
    ? html`<q class="said">${sentence}</q>`
    : html`<span class="said muted small">no sentence recorded</span>`;
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
