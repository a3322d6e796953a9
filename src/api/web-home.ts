import { FACT_NAMES } from '../domain/facts.js';
import type { ChangeRecord, SourceFacts, SourceRecord } from '../domain/records.js';
import { html, type SafeHtml } from './html.js';
import { externalLink, layout, sourceHref, timeTag } from './web-layout.js';
import { factChangeLine, factList } from './web-facts.js';
import type { CheckProblem } from '../store/query-checks.js';

export interface HomeFilters {
  source?: string;
  fact?: string;
  since?: string;
  until?: string;
}

export interface HomeView {
  sources: SourceRecord[];
  currentFacts: ReadonlyMap<string, SourceFacts>;
  /** Why sources whose last check was blocked or failed are so. */
  problems: ReadonlyMap<string, CheckProblem>;
  /** When each source last changed (ISO), by id; absent: never. */
  lastChanges: ReadonlyMap<string, string>;
  changes: ChangeRecord[];
  /** Query string of the next (older) page, or null. */
  olderQuery: string | null;
  filters: HomeFilters;
}

/** What a person calls a source: its configured name, else its page title, else its id. */
export function sourceName(source: Pick<SourceRecord, 'id' | 'name'> | undefined, id: string, title?: string | null): string {
  return source?.name ?? title ?? id;
}

/** The front page: every source with its status and current facts, then the timeline of changes. */
export function renderHome(view: HomeView): string {
  const byId = new Map(view.sources.map((s) => [s.id, s]));
  const nameOf = (id: string) => sourceName(byId.get(id), id, view.currentFacts.get(id)?.title);
  const failing = view.sources.filter((s) => s.failing).length;
  const filtered = Object.values(view.filters).some((v) => v);
  return layout('policy-watch', html`
<h1>Policy pages watched</h1>
<p class="muted">${view.sources.length} ${view.sources.length === 1 ? 'source' : 'sources'}${failing ? html` · <strong style="color:var(--del-fg)">${failing} failing</strong>` : ''}.
Each change below says which policy fact changed; open one for the text diff.</p>

<h2 id="sources">Sources <span class="count">${view.sources.length}</span></h2>
${view.sources.length === 0 ? html`<div class="card empty">No source checked yet. Run <code>policy-watch check</code>.</div>` : ''}
<div class="grid">
${view.sources.map((source) => sourceCard(source, nameOf(source.id), view.currentFacts.get(source.id), view.problems.get(source.id), view.lastChanges.get(source.id) ?? null))}
</div>

<h2 id="timeline">Changes</h2>
${filterForm(view, nameOf)}
${view.changes.length === 0
    ? html`<div class="card empty">${filtered ? 'No change matches these filters.' : 'No change detected yet: the first check of a page is its baseline.'}</div>`
    : html`<ol class="timeline">${view.changes.map((change) => changeItem(change, nameOf(change.sourceId)))}</ol>`}
${view.olderQuery ? html`<p class="pager"><a href="/?${view.olderQuery}#timeline" rel="next">Older changes →</a></p>` : ''}
`);
}

function sourceCard(source: SourceRecord, name: string, current: SourceFacts | undefined, problem: CheckProblem | undefined, lastChangedAt: string | null): SafeHtml {
  const status = source.status ?? 'never checked';
  return html`<article class="card source${source.failing ? ' is-failing' : ''}" data-source-id="${source.id}">
<header>
  <h3><a href="${sourceHref(source.id)}">${name}</a></h3>
  <span class="badge ${source.status ?? ''}">${status}</span>
  ${source.failing ? html`<span class="badge failing" title="blocked or failed checks in a row">failing ×${source.failures}</span>` : ''}
</header>
<p class="meta"><code>${source.kind}</code>${name !== source.id ? html` · <code>${source.id}</code>` : ''} · ${externalLink(source.url)}</p>
<p class="meta">Checked ${timeTag(source.lastCheckedAt)} · last success ${timeTag(source.lastSuccessAt)}</p>
<p class="meta last-changed">Last changed ${lastChangedAt ? timeTag(lastChangedAt) : html`<span class="muted">never${current ? html` (first snapshot ${timeTag(current.recordedAt)})` : ''}</span>`}${lastChangedAt ? html` · <a href="/?source=${encodeURIComponent(source.id)}#timeline">its changes</a>` : ''}</p>
${problem ? html`<p class="problem">Last check ${problem.status}${problem.httpStatus ? html` (HTTP ${problem.httpStatus})` : ''}${problem.reason ? html`: ${problem.reason}` : ''}</p>` : ''}
${current ? factList(current.facts) : html`<p class="muted small">No snapshot yet.</p>`}
${current ? html`<p class="meta">${source.factCount} of ${FACT_NAMES.length} facts stated · snapshot <a href="/snapshots/${current.snapshotId}">#${current.snapshotId}</a> of ${timeTag(current.recordedAt)}</p>` : ''}
</article>
`;
}

/** One change in a timeline: when, which source, and each fact change on a line. */
export function changeItem(change: ChangeRecord, name: string, options: { linkSource?: boolean } = {}): SafeHtml {
  return html`<li class="change${change.facts.length === 0 ? ' text-only' : ''}" data-change-id="${change.id}">
<time datetime="${change.detectedAt}">${change.detectedAt.slice(0, 16).replace('T', ' ')} UTC</time>
<p class="what"><a class="title" href="/changes/${change.id}">${name}</a>${options.linkSource === false ? '' : html` <a class="source-link small" href="${sourceHref(change.sourceId)}">source page</a>`}
${change.facts.length === 0 ? html` <span class="muted">· text changed, no fact changed</span>` : ''}${change.technical ? html` <span class="badge technical" title="the same stored page re-read by a newer extractor: never alerted">technical revision</span>` : ''}</p>
${change.facts.length ? html`<ul class="fact-lines">${change.facts.map((f) => html`<li>${factChangeLine(f)}</li>`)}</ul>` : ''}
</li>`;
}

function filterForm(view: HomeView, nameOf: (id: string) => string): SafeHtml {
  const f = view.filters;
  return html`<form class="filters" method="get" action="/#timeline">
<label>Source<select name="source"><option value="">All sources</option>
${view.sources.map((s) => html`<option value="${s.id}"${f.source === s.id ? ' selected' : ''}>${nameOf(s.id)}</option>`)}
</select></label>
<label>Fact<select name="fact"><option value="">Any fact</option>
${FACT_NAMES.map((name) => html`<option value="${name}"${f.fact === name ? ' selected' : ''}>${name}</option>`)}
</select></label>
<label>Since<input type="date" name="since" value="${f.since ?? ''}"></label>
<label>Until<input type="date" name="until" value="${f.until ?? ''}"></label>
<button type="submit">Filter</button>
${Object.values(f).some((v) => v) ? html`<a href="/#timeline">Clear</a>` : ''}
</form>`;
}

