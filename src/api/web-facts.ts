import { FACT_NAMES, SET_FACTS, type FactChange, type FactName, type Facts, type FactValue } from '../domain/facts.js';
import { html, type SafeHtml } from './html.js';
import { formatFactValue } from '../notify/summarize-fact-changes.js';
import { localDate } from '../domain/local-date.js';

/**
 * A fact value as text or chips. With `marks` (a change's before or after): the set values
 * added or removed are coloured, and a changed scalar is shown as removed or added as a whole.
 */
export function factValue(value: FactValue | undefined, fact: FactName, marks?: { values: readonly string[]; kind: 'add' | 'del' }): SafeHtml {
  if (value === null || value === undefined) return html`<span class="muted">not stated</span>`;
  if (Array.isArray(value) && SET_FACTS.has(fact)) {
    if (value.length === 0) return html`<span class="muted">none</span>`;
    return html`${value.map((v) => html`<span class="chip${marks?.values.includes(v) ? ` ${marks.kind}` : ''}">${v}</span>`)}`;
  }
  if (marks) return marks.kind === 'add' ? html`<ins class="val">${formatFactValue(value, fact)}</ins>` : html`<del class="val">${formatFactValue(value, fact)}</del>`;
  return html`${formatFactValue(value, fact)}`;
}

/**
 * The stated facts of a source as a definition list; unstated ones are only counted. An announced
 * date that has passed (`today`, YYYY-MM-DD, default today in UTC) is shown as in force, not upcoming.
 */
export function factList(facts: Facts, today: string = localDate(Date.now())): SafeHtml {
  const stated = FACT_NAMES.filter((name) => facts[name] !== null && facts[name] !== undefined);
  if (stated.length === 0) return html`<p class="muted small">No policy fact stated on this page.</p>`;
  return html`<dl class="facts">${stated.map((name) => html`<dt>${name}</dt><dd>${arrived(facts, name, today)
    ? html`<span class="in-force" data-in-force="true">in force since ${String(facts[name])}</span>`
    : factValue(facts[name], name)}</dd>`)}</dl>`;
}

function arrived(facts: Facts, name: FactName, today: string): boolean {
  const value = facts[name];
  return name === 'upcomingEffectiveDate' && typeof value === 'string' && value <= today;
}

/** One fact change on a line: `regions +CA −US` or `effectiveDate old → new`, coloured. */
export function factChangeLine(change: FactChange): SafeHtml {
  const added = change.added ?? [];
  const removed = change.removed ?? [];
  if (change.before !== null && change.after !== null && added.length + removed.length > 0) {
    return html`<code>${change.fact}</code> ${added.map((v) => html`<span class="chip add">+${v}</span>`)}${removed.map((v) => html`<span class="chip del">−${v}</span>`)}`;
  }
  return html`<code>${change.fact}</code> <del class="val">${formatFactValue(change.before, change.fact)}</del> → <ins class="val">${formatFactValue(change.after, change.fact)}</ins>`;
}
