import { FACT_NAMES, type FactName } from '../domain/facts.js';
import { factsNotReadNote, LANGUAGES } from '../domain/languages.js';
import { FACT_LABELS } from '../domain/fact-labels.js';
import type { ChangeRecord, SourceFacts, SourceRecord } from '../domain/records.js';
import type { CheckStatus } from '../domain/source.js';
import type { FactPeriod, FactTimeline, SnapshotSummary } from '../store/query-fact-timeline.js';
import type { CheckRecord, ProblemDay } from '../store/query-check-history.js';
import { html, type SafeHtml } from './html.js';
import { externalLink, layout, sourceHref, timeTag } from './web-layout.js';
import { factTable, factValue } from './web-facts.js';
import { changeItem } from './web-home.js';

export interface SourcePageView {
  source: SourceRecord;
  name: string;
  current: SourceFacts | null;
  /** ISO time of the source's last (non-technical) change, or null. */
  lastChangedAt: string | null;
  timeline: FactTimeline;
  /** The latest changes, newest first (a few: the home page filtered by source has them all). */
  recentChanges: ChangeRecord[];
  /** Whether there are more changes than `recentChanges`. */
  moreChanges: boolean;
  checks: CheckRecord[];
  checkCounts: ReadonlyMap<CheckStatus, number>;
  problemDays: ProblemDay[];
  /** Query string of the next (older) page of checks, or null. */
  olderChecksQuery: string | null;
  /** Whether this page of checks is not the first. */
  pagedChecks: boolean;
}

const STATUS_ORDER: CheckStatus[] = ['new', 'changed', 'unchanged', 'blocked', 'error'];
// A page that churns daily would otherwise list every value and version it ever had.
const PERIODS_SHOWN = 20;
const SNAPSHOTS_SHOWN = 50;

/** One source: its current facts with evidence, each fact's history, its checks and snapshots. */
export function renderSourcePage(view: SourcePageView): string {
  const { source, name, current } = view;
  const changes = `/?source=${encodeURIComponent(source.id)}#timeline`;
  return layout(`${name} · policy-watch`, html`
<p class="crumbs"><a href="/">← Sources &amp; changes</a> · <a href="${changes}">Changes of this source</a></p>
<h1>${name}</h1>
<div class="summary-meta">
  <span class="badge ${source.status ?? ''}">${source.status ?? 'never checked'}</span>
  ${source.failing ? html`<span class="badge failing">failing ×${source.failures}</span>` : ''}
  <span><code>${source.kind}</code>${name !== source.id ? html` · <code>${source.id}</code>` : ''}</span>
  <span>${externalLink(source.url)}</span>
  ${source.parentId ? html`<span>found on <a href="${sourceHref(source.parentId)}">${source.parentId}</a></span>` : ''}
</div>
<div class="summary-meta">
  <span>Checked ${timeTag(source.lastCheckedAt)}</span>
  <span>Last success ${timeTag(source.lastSuccessAt)}</span>
  <span>Last changed ${timeTag(view.lastChangedAt, current ? 'never since the first snapshot' : 'never')}</span>
</div>

<h2 id="facts">Current facts</h2>
${current
    ? html`<p class="muted small">From snapshot <a href="/snapshots/${current.snapshotId}">#${current.snapshotId}</a> of ${timeTag(current.recordedAt)}${current.title ? html` (“${current.title}”)` : ''}.</p>
${factsNotReadNote(current.language) ? html`<p class="card empty">${factsNotReadNote(current.language)}: policy-watch reads facts in ${LANGUAGES.join(', ')}.</p>` : ''}
${factTable(current)}`
    : html`<div class="card empty">No snapshot yet: no check of this page has succeeded.</div>`}

<h2 id="timeline">Fact timeline</h2>
${timelineSection(source.id, view.timeline)}

<h2 id="changes">Changes</h2>
${view.recentChanges.length === 0
    ? html`<div class="card empty">No change yet: the first snapshot is the baseline.</div>`
    : html`<ol class="timeline">${view.recentChanges.map((change) => changeItem(change, name, { linkSource: false }))}</ol>
${view.moreChanges ? html`<p class="pager"><a href="${changes}">All changes of this source →</a></p>` : ''}`}

<h2 id="checks">Check history <span class="count">${total(view.checkCounts)}</span></h2>
${checkSection(view)}

<h2 id="snapshots">Snapshots <span class="count">${view.timeline.snapshots.length}</span></h2>
${snapshotSection(view.timeline.snapshots)}
`);
}

function total(counts: ReadonlyMap<CheckStatus, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}

function timelineSection(sourceId: string, timeline: FactTimeline): SafeHtml {
  if (timeline.snapshots.length === 0) return html`<div class="card empty">No snapshot yet.</div>`;
  const stated = FACT_NAMES.filter((name) => timeline.facts[name].some((p) => p.value !== null));
  const never = FACT_NAMES.filter((name) => !stated.includes(name));
  return html`<div class="card">
${stated.map((name) => factHistory(sourceId, name, timeline.facts[name]))}
${never.length ? html`<p class="muted small">Never stated: ${never.map((n) => FACT_LABELS[n]).join(', ')}.</p>` : ''}
</div>`;
}

function factHistory(sourceId: string, name: FactName, periods: FactPeriod[]): SafeHtml {
  // Newest first, like every other list on these pages.
  const newest = [...periods].reverse();
  const hidden = newest.length - PERIODS_SHOWN;
  return html`<section class="fact-history" data-fact="${name}">
<h3>${FACT_LABELS[name]}</h3>
<ol>${newest.slice(0, PERIODS_SHOWN).map((p, i) => html`<li class="${i === 0 ? 'current' : 'earlier'}">${timeTag(p.from)} ${factValue(p.value, name)}
${p.changeId ? html` <a class="moved" href="/changes/${p.changeId}">change #${p.changeId}</a>` : html` <span class="moved">first snapshot</span>`}</li>`)}
${hidden > 0 ? html`<li class="earlier muted small">and ${hidden} earlier values: <a href="/?source=${encodeURIComponent(sourceId)}&amp;fact=${name}#timeline">every change of this fact</a></li>` : ''}</ol>
</section>`;
}

function checkSection(view: SourcePageView): SafeHtml {
  const counts = STATUS_ORDER.filter((s) => view.checkCounts.get(s)).map((s) => `${view.checkCounts.get(s)} ${s}`);
  if (view.checks.length === 0 && !view.pagedChecks) return html`<div class="card empty">Never checked.</div>`;
  return html`<p class="muted small">${counts.join(' · ')}</p>
${view.problemDays.length ? html`<p class="small">Days with blocked or failed checks:</p>
<ul class="problem-days">${view.problemDays.map((d) => html`<li class="${d.errors > 0 ? 'error' : 'blocked'}" title="${d.blocked} blocked, ${d.errors} failed">${d.day}${d.blocked ? html` · ${d.blocked} blocked` : ''}${d.errors ? html` · ${d.errors} error` : ''}</li>`)}</ul>` : ''}
<div class="table-scroll"><table class="checks"><thead><tr><th>When</th><th>Status</th><th>HTTP</th><th class="took">Took</th><th>Note</th></tr></thead><tbody>
${view.checks.map((c) => html`<tr class="${c.status}" data-check-id="${c.id}"><td class="when">${timeTag(c.at)}</td>
<td><span class="badge ${c.status}">${c.status}</span></td><td>${c.httpStatus ?? ''}</td><td class="took">${formatDuration(c.durationMs)}</td>
<td class="note">${c.reason ?? ''}${c.snapshotId && (c.status === 'new' || c.status === 'changed') ? html`snapshot <a href="/snapshots/${c.snapshotId}">#${c.snapshotId}</a>` : ''}</td></tr>`)}
</tbody></table></div>
<p class="pager">${view.pagedChecks ? html`<a href="?#checks">← Newest checks</a> ` : ''}${view.olderChecksQuery ? html`<a href="?${view.olderChecksQuery}#checks" rel="next">Older checks →</a>` : ''}</p>`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function snapshotSection(all: SnapshotSummary[]): SafeHtml {
  if (all.length === 0) return html`<div class="card empty">No snapshot yet.</div>`;
  const snapshots = all.slice(0, SNAPSHOTS_SHOWN);
  const oldestShown = snapshots[snapshots.length - 1]!;
  return html`<p class="muted small">Each distinct version of the page is kept: its text, the raw page as fetched, and the facts read from it.</p>
<div class="table-scroll"><table class="snapshots"><thead><tr><th>Snapshot</th><th>Recorded</th><th>Title</th><th class="size">Size</th><th>Copies</th></tr></thead><tbody>
${snapshots.map((s) => html`<tr data-snapshot-id="${s.id}"><td><a href="/snapshots/${s.id}">#${s.id}</a>${s.revisionOf ? html` <span class="muted small">re-read of #${s.revisionOf}</span>` : ''}</td>
<td>${timeTag(s.createdAt)}</td><td>${s.title ?? ''}</td><td class="size">${formatSize(s.size)}</td>
<td><a href="/snapshots/${s.id}">text</a> · <a href="/snapshots/${s.id}/raw">raw HTML</a> · <a href="/api/snapshots/${s.id}">JSON</a></td></tr>`)}
</tbody></table></div>
${all.length > snapshots.length ? html`<p class="pager muted small">${all.length - snapshots.length} older snapshots: page back through them from <a href="/snapshots/${oldestShown.id}">#${oldestShown.id}</a> with its “Older snapshot” link.</p>` : ''}`;
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
}
