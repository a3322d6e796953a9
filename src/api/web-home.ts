import { FACT_NAMES, type FactName, type FactsDocument } from '../domain/facts.js';
import { FACT_LABELS } from '../domain/fact-labels.js';
import { strongestDirection, type Direction } from '../domain/fact-direction.js';
import type { ChangeRecord, SourceFacts, SourceRecord } from '../domain/records.js';
import { html, raw, type SafeHtml } from './html.js';
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
  /** The evidence of the changes' snapshots, by snapshot id: the sentence behind each fact change. */
  evidence?: ReadonlyMap<string, FactsDocument['evidence']>;
  /** Query string of the next (older) page, or null. */
  olderQuery: string | null;
  filters: HomeFilters;
}

const HOME_FACTS_SHOWN = 4;

/** What a person calls a source: its configured name, else its page title, else its id. */
export function sourceName(source: Pick<SourceRecord, 'id' | 'name'> | undefined, id: string, title?: string | null): string {
  return source?.name ?? title ?? id;
}

/** The front page: the latest changes first (what, which way, when, the sentence behind it), then every source. */
export function renderHome(view: HomeView): string {
  const byId = new Map(view.sources.map((s) => [s.id, s]));
  const nameOf = (id: string) => sourceName(byId.get(id), id, view.currentFacts.get(id)?.title);
  const failing = view.sources.filter((s) => s.failing).length;
  const filtered = Object.values(view.filters).some((v) => v);
  const evidence = view.evidence ?? new Map();
  return layout('policy-watch', html`
<h1>Policy changes</h1>
<p class="muted intro">${view.sources.length} ${view.sources.length === 1 ? 'source' : 'sources'} watched${failing ? html` · <strong style="color:var(--del-fg)">${failing} failing</strong>` : ''} ·
<span class="dir wider">▲ wider</span> the use of users' data grows, <span class="dir narrower">▼ narrower</span> it shrinks · <a href="/facts">Every service side by side →</a></p>

<h2 id="timeline">${filtered ? 'Changes' : 'Latest changes'}</h2>
${view.changes.length === 0
    ? html`<div class="card empty">${filtered ? 'No change matches these filters.' : 'No change detected yet: the first check of a page is its baseline.'}</div>`
    : html`<ol class="timeline">${view.changes.map((change) => changeItem(change, nameOf(change.sourceId), { evidence: changeEvidence(change, evidence), maxFacts: HOME_FACTS_SHOWN }))}</ol>`}
${view.olderQuery ? html`<p class="pager"><a href="/?${view.olderQuery}#timeline" rel="next">Older changes →</a></p>` : ''}
${filterForm(view, nameOf)}

<h2 id="sources">Sources <span class="count">${view.sources.length}</span></h2>
${view.sources.length === 0 ? html`<div class="card empty">No source checked yet. Run <code>policy-watch check</code>.</div>` : ''}
<div class="grid">
${view.sources.map((source) => sourceCard(source, nameOf(source.id), view.currentFacts.get(source.id), view.problems.get(source.id), view.lastChanges.get(source.id) ?? null))}
</div>
`);
}

/** Per fact of a change, the sentence behind it: the new value's, or the old one's when the fact is no longer stated. */
function changeEvidence(change: ChangeRecord, evidence: ReadonlyMap<string, FactsDocument['evidence']>): Partial<Record<FactName, string>> {
  const after = evidence.get(change.snapshots.after) ?? {};
  const before = change.snapshots.before === null ? {} : evidence.get(change.snapshots.before) ?? {};
  const out: Partial<Record<FactName, string>> = {};
  for (const f of change.facts) {
    const text = f.after === null ? before[f.fact] : after[f.fact];
    if (text) out[f.fact] = text;
  }
  return out;
}

function sourceCard(source: SourceRecord, name: string, current: SourceFacts | undefined, problem: CheckProblem | undefined, lastChangedAt: string | null): SafeHtml {
  const status = source.status ?? 'never checked';
  return html`<article class="card source${source.failing ? ' is-failing' : ''}" data-source-id="${source.id}">
<header>
  <h3><a href="${sourceHref(source.id)}">${name}</a></h3>
  ${source.status === 'retired' ? html`<span class="badge retired" title="no longer configured: kept with its history, not checked">retired</span>` : ''}
  ${lastChangedAt
    ? html`<a class="badge last-change" href="/?source=${encodeURIComponent(source.id)}#timeline" title="its changes">changed ${lastChangedAt.slice(0, 10)}</a>`
    : html`<span class="badge no-change">${current ? 'no change yet' : 'no snapshot yet'}</span>`}
  ${source.failing ? html`<span class="badge failing" title="blocked or failed checks in a row">failing ×${source.failures}</span>` : ''}
</header>
<p class="meta"><code>${source.kind}</code>${name !== source.id ? html` · <code>${source.id}</code>` : ''} · ${externalLink(source.url)}</p>
<p class="meta check-status">Last check <span class="status ${source.status ?? ''}">${status}</span> ${timeTag(source.lastCheckedAt)} · last success ${timeTag(source.lastSuccessAt)}</p>
${problem ? html`<p class="problem">Last check ${problem.status}${problem.httpStatus ? html` (HTTP ${problem.httpStatus})` : ''}${problem.reason ? html`: ${problem.reason}` : ''}</p>` : ''}
${current ? factList(current.facts) : html`<p class="muted small">No snapshot yet.</p>`}
${current ? html`<p class="meta">${source.factCount} of ${FACT_NAMES.length} facts stated${lastChangedAt ? '' : html` · first snapshot ${timeTag(current.recordedAt)}`} · snapshot <a href="/snapshots/${current.snapshotId}">#${current.snapshotId}</a></p>` : ''}
</article>
`;
}

/** The way a whole change cuts: wider if any of its facts widens the use, else narrower if any narrows it. */
export function changeDirection(change: ChangeRecord): Direction {
  return strongestDirection(change.facts.map((f) => f.direction));
}

const EVIDENCE_SHOWN = 160;
const ORDER: Record<Direction, number> = { wider: 0, narrower: 1, neutral: 2 };

/** One change in a timeline: which source, when, and each fact change on a line with the sentence behind it. */
export function changeItem(change: ChangeRecord, name: string, options: { linkSource?: boolean; evidence?: Partial<Record<FactName, string>>; maxFacts?: number } = {}): SafeHtml {
  const direction = changeDirection(change);
  // What widens or narrows the use first; a long change keeps its list short and links to the rest.
  const facts = [...change.facts].sort((a, b) => ORDER[a.direction] - ORDER[b.direction]);
  const shown = facts.slice(0, options.maxFacts ?? facts.length);
  const more = facts.length - shown.length;
  return html`<li class="change dir-${direction}${change.facts.length === 0 ? ' text-only' : ''}" data-change-id="${change.id}" data-direction="${direction}">
<p class="what"><a class="title" href="/changes/${change.id}">${name}</a> <time datetime="${change.detectedAt}">${change.detectedAt.slice(0, 16).replace('T', ' ')} UTC</time>${options.linkSource === false ? '' : html` <a class="source-link small" href="${sourceHref(change.sourceId)}">source page</a>`}
${change.facts.length === 0 ? html` <span class="muted">· text changed, no fact changed</span>` : ''}${change.technical ? html` <span class="badge technical" title="the same stored page re-read by a newer extractor: never alerted">technical revision</span>` : ''}</p>
${change.facts.length ? html`<ul class="fact-lines">${shown.map((f) => {
    const said = options.evidence?.[f.fact];
    return html`<li class="${f.direction}" data-fact="${f.fact}">${factChangeLine(f)}${said ? html`<q class="said">${clip(said)}</q>` : ''}</li>`;
  })}${more > 0 ? html`<li class="more"><a href="/changes/${change.id}">and ${more} more ${more === 1 ? 'fact' : 'facts'} →</a></li>` : ''}</ul>` : ''}
</li>`;
}

function clip(text: string): string {
  return text.length <= EVIDENCE_SHOWN ? text : `${text.slice(0, EVIDENCE_SHOWN - 1)}…`;
}

function filterForm(view: HomeView, nameOf: (id: string) => string): SafeHtml {
  const f = view.filters;
  const open = Object.values(f).some((v) => v);
  return html`<details class="filter-box"${open ? raw(' open') : ''}><summary>Filter the changes</summary><form class="filters" method="get" action="/#timeline">
<label>Source<select name="source"><option value="">All sources</option>
${view.sources.map((s) => html`<option value="${s.id}"${f.source === s.id ? ' selected' : ''}>${nameOf(s.id)}</option>`)}
</select></label>
<label>Fact<select name="fact"><option value="">Any fact</option>
${FACT_NAMES.map((name) => html`<option value="${name}"${f.fact === name ? ' selected' : ''}>${FACT_LABELS[name]}</option>`)}
</select></label>
<label>Since<input type="date" name="since" value="${f.since ?? ''}"></label>
<label>Until<input type="date" name="until" value="${f.until ?? ''}"></label>
<button type="submit">Filter</button>
${open ? html`<a href="/#timeline">Clear</a>` : ''}
</form></details>`;
}

