import { SOURCE_KINDS, type FactName, type Facts } from '../domain/facts.js';
import { FACT_LABELS } from '../domain/fact-labels.js';
import { factValueText, valueLabel } from '../domain/value-labels.js';
import type { SourceFacts, SourceRecord } from '../domain/records.js';
import { html, raw, type SafeHtml } from './html.js';
import { layout, sourceHref } from './web-layout.js';
import { sourceName } from './web-home.js';
import { factsFiltersQuery, sourcesMatching, type FactsFilters } from './facts-filters.js';

export interface FactsPageView {
  sources: SourceRecord[];
  current: ReadonlyMap<string, SourceFacts>;
  filters: FactsFilters;
}

/** A column: its heading and the facts its cell shows (the first one is where the cell links). */
interface Column {
  heading: string;
  facts: FactName[];
  cell(facts: Facts): SafeHtml | null;
}

const list = (facts: Facts, fact: FactName): SafeHtml | null => {
  const value = facts[fact] as string[] | null;
  if (value === null) return null;
  if (value.length === 0) return html`<span class="muted">none</span>`;
  return html`${value.map((v) => html`<span class="chip" title="${v}">${valueLabel(fact, v)}</span>`)}`;
};

const COLUMNS: Column[] = [
  {
    heading: 'Training default', facts: ['aiTrainingDefault'],
    cell: (f) => (f.aiTrainingDefault === null ? null : html`<span class="default ${f.aiTrainingDefault}">${factValueText('aiTrainingDefault', f.aiTrainingDefault)}</span>`),
  },
  { heading: 'Data used for training', facts: ['includedData'], cell: (f) => list(f, 'includedData') },
  { heading: 'Data kept out', facts: ['excludedData'], cell: (f) => list(f, 'excludedData') },
  {
    heading: 'Regions', facts: ['regions', 'excludedRegions'],
    cell: (f) => {
      if (f.regions === null && f.excludedRegions === null) return null;
      const except = f.excludedRegions?.length ? html`<span class="except">except ${list(f, 'excludedRegions')}</span>` : '';
      return html`${f.regions === null ? html`<span class="muted">not stated</span>` : list(f, 'regions')} ${except}`;
    },
  },
  {
    heading: 'Where to opt out', facts: ['optOutPath'],
    cell: (f) => (f.optOutPath === null ? null : html`<span class="path">${factValueText('optOutPath', f.optOutPath)}</span>`),
  },
  {
    heading: 'Minors', facts: ['minorsExcluded', 'minimumAge'],
    cell: (f) => {
      if (f.minorsExcluded === null && f.minimumAge === null) return null;
      const age = f.minimumAge === null ? '' : ` under ${f.minimumAge}`;
      if (f.minorsExcluded === false) return html`Not excluded`;
      return html`Excluded${age}`;
    },
  },
  {
    heading: 'Effective date', facts: ['effectiveDate', 'upcomingEffectiveDate'],
    cell: (f) => {
      if (f.effectiveDate === null && f.upcomingEffectiveDate === null) return null;
      return html`${f.effectiveDate ?? ''}${f.upcomingEffectiveDate ? html`<span class="muted small upcoming">${f.effectiveDate ? ' · ' : ''}update announced for ${f.upcomingEffectiveDate}</span>` : ''}`;
    },
  },
];

/**
 * Every source side by side: one row per source, the facts people compare across services in
 * columns, each cell linking to the fact's row (value and evidence) on the source page.
 */
export function renderFactsPage(view: FactsPageView): string {
  const nameOf = (s: SourceRecord) => sourceName(s, s.id, view.current.get(s.id)?.title);
  const withFacts = view.sources.filter((s) => view.current.has(s.id));
  const shown = sourcesMatching(view.sources, view.current, view.filters)
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const filtered = Boolean(view.filters.kind || view.filters.service);
  const kinds = SOURCE_KINDS.filter((k) => withFacts.some((s) => s.kind === k));
  return layout('Every service side by side · policy-watch', html`
<p class="crumbs"><a href="/">← Changes &amp; sources</a></p>
<h1>Every service side by side</h1>
<p class="muted intro">Which services train AI on users' data, by default or not, which data, where, and how to opt out: the facts each page states now. Click a cell for the sentence it was read from.</p>
<form class="filters" method="get" action="/facts">
<label>Kind<select name="kind"><option value="">All kinds</option>
${kinds.map((k) => html`<option value="${k}"${view.filters.kind === k ? raw(' selected') : ''}>${k}</option>`)}
</select></label>
<label>Service<input type="search" name="service" value="${view.filters.service ?? ''}" placeholder="name or address"></label>
<button type="submit">Filter</button>
${filtered ? html`<a href="/facts">Clear</a>` : ''}
<a class="csv" href="/facts.csv${factsFiltersQuery(view.filters)}" download>Download CSV</a>
</form>
<p class="muted small">${shown.length} of ${withFacts.length} ${withFacts.length === 1 ? 'source' : 'sources'}${withFacts.length < view.sources.length ? ` (${view.sources.length - withFacts.length} without a snapshot yet)` : ''}. The CSV is the facts timeline of ${filtered ? 'these sources' : 'every source'}, as <code>policy-watch export --format csv</code> writes it.</p>
${shown.length === 0
    ? html`<div class="card empty">${filtered ? 'No source matches these filters.' : 'No facts recorded yet: run policy-watch check.'}</div>`
    : html`<div class="table-scroll compare-box"><table class="compare"><thead><tr><th scope="col" class="service">Service</th>${COLUMNS.map((c) => html`<th scope="col">${c.heading}</th>`)}</tr></thead><tbody>
${shown.map((s) => row(s, nameOf(s), view.current.get(s.id)!))}
</tbody></table></div>`}
`);
}

function row(source: SourceRecord, name: string, current: SourceFacts): SafeHtml {
  const href = sourceHref(source.id);
  return html`<tr data-source-id="${source.id}"><th scope="row" class="service"><a href="${href}">${name}</a><span class="kind" title="facts of the snapshot of ${current.recordedAt}">${source.kind}</span></th>
${COLUMNS.map((column) => {
    const value = column.cell(current.facts);
    const fact = column.facts.find((f) => current.facts[f] !== null) ?? column.facts[0]!;
    if (value === null) return html`<td data-fact="${column.facts[0]}" class="unstated"><span class="muted" title="not stated">—</span></td>`;
    return html`<td data-fact="${column.facts[0]}"><a class="cell" href="${href}#fact-${fact}" title="${FACT_LABELS[fact]}: the sentence it was read from">${value}</a></td>`;
  })}</tr>`;
}
