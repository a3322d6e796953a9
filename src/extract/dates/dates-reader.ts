import type { CheerioAPI } from 'cheerio';
import type { Language } from '../../domain/languages.js';
import type { SourceKind } from '../../domain/facts.js';
import type { Block } from '../page-blocks.js';
import { alternatives, tablesMatch } from '../lang/shared.js';
import type { Unit } from '../units.js';
import { clip, type Found } from '../evidence.js';
import { normalizeSpace } from '../dom.js';
import { numericOrderOf, type FoundDate, type NumericOrder } from '../parse-dates.js';
import type { FactReader } from '../reading.js';
import { findDates } from './find-dates.js';
import { pageNumericOrder } from './page-numeric-order.js';
import { DATE_TABLES, clauseWithMarker, dateTense, type DateTable } from './date-tense.js';
import { DATES_WORDS } from './dates-words.js';
import { dateLines, hasRevisionWording, isDateLabel, type DateLine } from './date-lines.js';

const DOCUMENT_SUBJECT = new RegExp(alternatives((l) => DATES_WORDS[l].documentSubject), 'i');
const TOP_BLOCKS = 15;

export interface DateContext {
  blocks: readonly Block[];
  units: readonly Unit[];
  /** The languages dates and their cues are read in. */
  languages: readonly Language[];
  /** Dates of `<time datetime>` elements in the content, with their visible text. */
  times: ReadonlyArray<{ iso: string; text: string }>;
  /** Whether a bare date line near the top means "published" (blog posts). */
  bareDateIsPublished: boolean;
  /** How the page writes numeric dates. */
  order: NumericOrder;
}

export interface DateFacts {
  effectiveDate: Found<string> | null;
  upcomingEffectiveDate: Found<string> | null;
  publishedDate: Found<string> | null;
  lastUpdated: Found<string> | null;
}

const tablesOf = (ctx: DateContext): DateTable[] => ctx.languages.map((l) => DATE_TABLES[l]);

function effectiveDate(ctx: DateContext, lines: readonly DateLine[]): Found<string> | null {
  const tables = tablesOf(ctx);
  // "Effective November 3, 2025" / "Entrée en vigueur le 3 novembre 2025" as its own line.
  for (const block of ctx.blocks) {
    if (block.area !== 'main' || block.text.length > 160) continue;
    const date = findDates(block.text, ctx.languages, ctx.order)[0];
    if (date === undefined) continue;
    const before = block.text.slice(0, date.index).trim();
    if (tablesMatch(tables, (t) => t.effectiveLead, before) && dateTense(block.text, date, ctx.languages) !== 'future') {
      return { value: date.iso, evidence: clip(block.text, date.index) };
    }
  }
  const firstMain = ctx.blocks.findIndex((b) => b.area === 'main');
  const above = dateAbove(ctx, firstMain);
  if (above !== null) return above;
  // "... is effective October 1, 2020" about the document itself, near the top.
  for (const unit of ctx.units) {
    if (unit.block.area !== 'main') continue;
    const nearTop = unit.blockIndex - firstMain < TOP_BLOCKS;
    if (!nearTop && !DOCUMENT_SUBJECT.test(unit.text)) continue;
    for (const date of findDates(unit.text, ctx.languages, ctx.order)) {
      const { before } = clauseWithMarker(unit.text, date, tables);
      if (!tablesMatch(tables, (t) => t.effectiveInline, before)) continue;
      if (dateTense(unit.text, date, ctx.languages) === 'future') continue;
      return { value: date.iso, evidence: clip(unit.text, date.index) };
    }
  }
  return firstOf(lines, 'in-force');
}

/** The first date line of a kind, as a fact. */
function firstOf(lines: readonly DateLine[], kind: DateLine['kind']): Found<string> | null {
  const line = lines.find((l) => l.kind === kind);
  return line === undefined ? null : { value: line.value, evidence: line.evidence };
}

const DATE_LINE_LEFTOVER = new RegExp(String.raw`^(?:${alternatives((l) => DATES_WORDS[l].dateLineWords)})?\s*[:.–—-]?\s*$`, 'i');

/** A block that is only a date ("July 20, 2026", "Date: July 20, 2026"). */
function bareDate(block: Block, ctx: DateContext): FoundDate | null {
  if (block.text.length > 60) return null;
  const dates = findDates(block.text, ctx.languages, ctx.order);
  if (dates.length !== 1) return null;
  const date = dates[0]!;
  const rest = `${block.text.slice(0, date.index)}${block.text.slice(date.end)}`.trim();
  return DATE_LINE_LEFTOVER.test(rest) ? date : null;
}

/** "Date: July 20, 2026" at the top, then "The changes take effect as of the date above." */
function dateAbove(ctx: DateContext, firstMain: number): Found<string> | null {
  let last: { date: FoundDate; block: Block } | null = null;
  for (let i = Math.max(0, firstMain); i < Math.min(ctx.blocks.length, firstMain + TOP_BLOCKS); i += 1) {
    const block = ctx.blocks[i]!;
    const date = bareDate(block, ctx);
    if (date !== null) last = { date, block };
    else if (last !== null && tablesMatch(tablesOf(ctx), (t) => t.effectiveAsAbove, block.text)) {
      return { value: last.date.iso, evidence: clip(last.block.text, last.date.index) };
    }
  }
  return null;
}

const ENTRY_LEAD = /^\W*(?:[\p{L}]+\s*)?$/u;

/**
 * An entry of a change log: a bare date line, one led by its wording alone ("Effective June 10,
 * 2025"), or a date opening a line that says what was revised ("3 March 2026: we updated ...").
 */
function logEntry(block: Block, ctx: DateContext): FoundDate | null {
  const bare = bareDate(block, ctx);
  if (bare !== null) return bare;
  const dates = findDates(block.text, ctx.languages, ctx.order);
  const date = dates[0];
  if (date === undefined) return null;
  if (block.text.length <= 60 && dates.length === 1 && isDateLabel(`${block.text.slice(0, date.index)}${block.text.slice(date.end)}`)) return date;
  const opens = ENTRY_LEAD.test(block.text.slice(0, date.index));
  return opens && hasRevisionWording(block.text.slice(date.end, date.end + 160)) ? date : null;
}

/** The latest entry of a change log: date lines in a section about changes to the page. */
function changeLogDate(ctx: DateContext): Found<string> | null {
  let inLog = false;
  let level = 0;
  let best: Found<string> | null = null;
  let entries = 0;
  for (const block of ctx.blocks) {
    if (block.kind === 'heading') {
      if (inLog && block.level > level) continue;
      inLog = tablesMatch(tablesOf(ctx), (t) => t.changeLogHeading, block.text);
      level = block.level;
      continue;
    }
    if (!inLog || block.area !== 'main') continue;
    const date = logEntry(block, ctx);
    if (date === null) continue;
    entries += 1;
    if (best === null || date.iso > best.value) best = { value: date.iso, evidence: clip(block.text) };
  }
  // One bare date under such a heading may be anything; a log has several entries.
  return entries >= 2 ? best : null;
}

function upcomingDate(ctx: DateContext, effective: string | null): Found<string> | null {
  for (const unit of ctx.units) {
    for (const date of findDates(unit.text, ctx.languages, ctx.order)) {
      if (dateTense(unit.text, date, ctx.languages) !== 'future') continue;
      if (effective !== null && date.iso <= effective) continue;
      return { value: date.iso, evidence: clip(unit.text, date.index) };
    }
  }
  return null;
}

function ledDate(ctx: DateContext, lead: (t: DateTable) => RegExp): Found<string> | null {
  for (const unit of ctx.units) {
    for (const date of findDates(unit.text, ctx.languages, ctx.order)) {
      const before = unit.text.slice(0, date.index);
      if (tablesMatch(tablesOf(ctx), lead, before)) return { value: date.iso, evidence: clip(unit.text, date.index) };
    }
  }
  return null;
}

const BYLINE_LEFTOVER = new RegExp(String.raw`^(?:(?:${alternatives((l) => DATES_WORDS[l].bylineWords)})\b|[\s|•·,:–—-])*$`, 'i');
// "by Jane Doe": the author's name, up to four capitalised words.
const BYLINE_NAME = new RegExp(String.raw`\b(?:${alternatives((l) => DATES_WORDS[l].byline)})\s+[\p{Lu}][\p{L}'.-]*(?:\s+[\p{Lu}][\p{L}'.-]*){0,3}`, 'gu');

function publishedDate(ctx: DateContext): Found<string> | null {
  const led = ledDate(ctx, (t) => t.publishedLead);
  if (led !== null) return led;
  if (!ctx.bareDateIsPublished) return null;
  if (ctx.times.length > 2) return null;
  if (ctx.times.length > 0) {
    const time = ctx.times[0]!;
    const shown = ctx.units.find((u) => u.text.includes(time.text) && time.text !== '');
    // "Effective: <time>...</time>" dates the version in force, not a publication.
    const before = shown ? shown.text.slice(0, shown.text.indexOf(time.text)) : '';
    const otherKind = tablesMatch(tablesOf(ctx), (t) => [t.effectiveLead, t.effectiveInline, t.lastUpdatedLead], before.trim() === '' ? '\u0000' : before);
    if (otherKind) return null;
    return { value: time.iso, evidence: clip(shown ? time.text : time.iso) };
  }
  // A line near the top that is only a date, perhaps with a byline: "Jane Doe · September 18, 2025".
  // Several such lines mean a list of posts, not one post's date.
  const firstMain = ctx.blocks.findIndex((b) => b.area === 'main');
  const bare: Found<string>[] = [];
  for (let i = Math.max(0, firstMain); i < Math.min(ctx.blocks.length, firstMain + 12); i += 1) {
    const block = ctx.blocks[i]!;
    if (block.text.length > 90) continue;
    const date = findDates(block.text, ctx.languages, ctx.order)[0];
    if (date === undefined) continue;
    // "Updated 03/04/2026" is the last update, not a publication.
    if (tablesMatch(tablesOf(ctx), (t) => t.lastUpdatedLead, block.text.slice(0, date.index))) continue;
    const rest = `${block.text.slice(0, date.index)} ${block.text.slice(date.end)}`;
    const bylineOnly = rest.replace(BYLINE_NAME, '');
    if (BYLINE_LEFTOVER.test(bylineOnly)) bare.push({ value: date.iso, evidence: clip(block.text) });
  }
  return bare.length === 1 ? bare[0]! : null;
}

/** The four dates of a page: in force, announced, published and last updated. */
export function extractDates(ctx: DateContext): DateFacts {
  const lines = dateLines(ctx);
  const effective = effectiveDate(ctx, lines);
  return {
    effectiveDate: effective,
    upcomingEffectiveDate: upcomingDate(ctx, effective?.value ?? null),
    publishedDate: publishedDate(ctx),
    lastUpdated: ledDate(ctx, (t) => t.lastUpdatedLead) ?? firstOf(lines, 'revision') ?? changeLogDate(ctx),
  };
}

const BLOG_KINDS: ReadonlySet<SourceKind | null> = new Set<SourceKind | null>(['blog-post', null]);

/** Dates of `<time>` elements in the content (not in navigation or footers), with their visible text. */
function contentTimes($: CheerioAPI, languages: readonly Language[]): Array<{ iso: string; text: string }> {
  const out: Array<{ iso: string; text: string }> = [];
  $('time').each((_, el) => {
    const time = $(el);
    if (time.closest('nav, footer, aside, [role=navigation], [role=contentinfo]').length > 0) return;
    const text = normalizeSpace(time.text());
    const iso = /^\d{4}-\d{2}-\d{2}/.exec(time.attr('datetime') ?? '')?.[0] ?? findDates(text, languages)[0]?.iso;
    if (iso) out.push({ iso, text });
  });
  return out;
}

export const datesReader: FactReader = {
  facts: ['effectiveDate', 'upcomingEffectiveDate', 'publishedDate', 'lastUpdated'],
  read: ({ page, $, units, reading, kind }) => extractDates({
    blocks: page.blocks, units, languages: reading.names, times: contentTimes($, reading.names), bareDateIsPublished: BLOG_KINDS.has(kind),
    order: pageNumericOrder(page.text, numericOrderOf(page.htmlLang, reading.cues[0]!)),
  }),
};
