import { FACT_NAMES, SET_FACTS, type FactChange, type FactName, type Facts, type FactsDocument, type FactValue } from '../domain/facts.js';
import { FACT_LABELS } from '../domain/fact-labels.js';
import type { Direction } from '../domain/fact-direction.js';
import { DIRECTION_LABELS, factValueText, valueLabel } from '../domain/value-labels.js';
import { html, type SafeHtml } from './html.js';
import { localDate } from '../domain/local-date.js';

/** "(not stated)" is an absence, not a value: muted, never struck through nor marked as added. */
const NOT_STATED = html`<span class="muted not-stated">(not stated)</span>`;

const DIRECTION_ARROWS: Record<Direction, string> = { wider: '▲', narrower: '▼', neutral: '•' };

/** Which way a change cuts, as a coloured badge: red when the use of data grows, green when it shrinks. */
export function directionBadge(direction: Direction): SafeHtml {
  return html`<span class="dir ${direction}" data-direction="${direction}" title="${DIRECTION_TITLES[direction]}">${DIRECTION_ARROWS[direction]} ${DIRECTION_LABELS[direction]}</span>`;
}

const DIRECTION_TITLES: Record<Direction, string> = {
  wider: 'The use of users\' data grows: more data, regions or providers, or a protection dropped',
  narrower: 'The use of users\' data shrinks: less data or fewer regions, or a protection added',
  neutral: 'Neither wider nor narrower: a date, a lawful basis or a reworded path',
};

/**
 * A fact value as text or chips. With `marks` (a change's before or after): the set values
 * added or removed are coloured, and a changed scalar is shown as removed or added as a whole.
 */
export function factValue(value: FactValue | undefined, fact: FactName, marks?: { values: readonly string[]; kind: 'add' | 'del' }): SafeHtml {
  if (value === null || value === undefined) return NOT_STATED;
  if (Array.isArray(value) && SET_FACTS.has(fact)) {
    if (value.length === 0) return html`<span class="muted">none</span>`;
    return html`${value.map((v) => html`<span class="chip${marks?.values.includes(v) ? ` ${marks.kind}` : ''}" title="${v}">${valueLabel(fact, v)}</span>`)}`;
  }
  const text = factValueText(fact, value);
  if (marks) return marks.kind === 'add' ? html`<ins class="val">${text}</ins>` : html`<del class="val">${text}</del>`;
  return html`${text}`;
}

/**
 * The stated facts of a source as a definition list with human labels; unstated ones are left out.
 * An announced date that has passed (`today`, YYYY-MM-DD, default today in UTC) is shown as in
 * force, not upcoming.
 */
export function factList(facts: Facts, today: string = localDate(Date.now())): SafeHtml {
  const stated = FACT_NAMES.filter((name) => facts[name] !== null && facts[name] !== undefined);
  if (stated.length === 0) return html`<p class="muted small">No policy fact stated on this page.</p>`;
  return html`<dl class="facts">${stated.map((name) => html`<dt title="${name}">${FACT_LABELS[name]}</dt><dd>${statedValue(facts, name, today)}</dd>`)}</dl>`;
}

/** All 14 facts of a document as a table: label, value, and the page text each was read from. */
export function factTable(document: Pick<FactsDocument, 'facts' | 'evidence'>, today: string = localDate(Date.now())): SafeHtml {
  return html`<div class="table-scroll"><table class="facts-table"><thead><tr><th>Fact</th><th>Value</th><th>Read from</th></tr></thead><tbody>
${FACT_NAMES.map((name) => {
    const value = document.facts[name];
    const evidence = value === null ? undefined : document.evidence[name];
    return html`<tr id="fact-${name}" data-fact="${name}" class="${value === null ? 'unstated' : 'stated'}"><th scope="row">${FACT_LABELS[name]}<br><code class="fact-name">${name}</code></th>
<td class="value">${statedValue(document.facts, name, today)}</td>
<td class="evidence">${evidence ? html`<q>${evidence}</q>` : html`<span class="muted none">—</span>`}</td></tr>`;
  })}
</tbody></table></div>`;
}

function statedValue(facts: Facts, name: FactName, today: string): SafeHtml {
  return arrived(facts, name, today)
    ? html`<span class="in-force" data-in-force="true">in force since ${String(facts[name])}</span>`
    : factValue(facts[name], name);
}

function arrived(facts: Facts, name: FactName, today: string): boolean {
  const value = facts[name];
  return name === 'upcomingEffectiveDate' && typeof value === 'string' && value <= today;
}

/** A fact value on one line of a change, struck through or marked as new; "(not stated)" is neither. */
function lineValue(value: FactValue, fact: FactName, kind: 'add' | 'del'): SafeHtml {
  if (value === null || value === undefined) return NOT_STATED;
  const text = factValueText(fact, value);
  return kind === 'add' ? html`<ins class="val">${text}</ins>` : html`<del class="val">${text}</del>`;
}

/** `+Canada −United States` for a set fact that gained or lost values, else `old → new`. */
export function changedValues(change: FactChange): SafeHtml {
  const added = change.added ?? [];
  const removed = change.removed ?? [];
  if (change.before !== null && change.after !== null && added.length + removed.length > 0) {
    return html`${added.map((v) => html`<span class="chip add" title="${v}">+${valueLabel(change.fact, v)}</span>`)}${removed.map((v) => html`<span class="chip del" title="${v}">−${valueLabel(change.fact, v)}</span>`)}`;
  }
  return html`${lineValue(change.before, change.fact, 'del')} → ${lineValue(change.after, change.fact, 'add')}`;
}

/** One fact change on a line: its label, which way it cuts, and what moved, coloured by its direction. */
export function factChangeLine(change: FactChange): SafeHtml {
  return html`<span class="fact-label" title="${change.fact}">${FACT_LABELS[change.fact] ?? change.fact}</span> ${directionBadge(change.direction)} <span class="moved-values">${changedValues(change)}</span>`;
}
