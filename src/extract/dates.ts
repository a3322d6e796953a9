import type { Block } from './page-blocks.js';
import { tablesMatch, type LanguageTable } from './lang/table.js';
import type { Unit } from './units.js';
import { splitClauses, clauseAt } from './sentences.js';
import { clip, type Found } from './evidence.js';
import { parseDates, type FoundDate, type NumericOrder } from './parse-dates.js';

export type { FoundDate } from './parse-dates.js';

const cache = new Map<string, FoundDate[]>();
const CANDIDATE = /(?:19|20)\d{2}/;
const NONE: FoundDate[] = [];
const CACHE_LIMIT = 4000;

/**
 * Every full date (day, month, year) written in the text, in any of the tables' languages;
 * numeric dates are read in the page's order (`dmy`/`mdy`), ambiguous ones without it are none.
 */
export function findDates(text: string, tables: readonly LanguageTable[], order: NumericOrder = null): FoundDate[] {
  // Only lines that hold a year are candidates for the parser.
  if (!CANDIDATE.test(text)) return NONE;
  const key = `${tables.map((t) => t.language).join()}\u0000${order ?? ''}\u0000${text}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = parseDates(text, tables.map((t) => t.language), order);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/** Parses one date written in English or French; null when it is not a full date. */
export function parseDate(text: string, tables: readonly LanguageTable[], order: NumericOrder = null): string | null {
  return findDates(text, tables, order)[0]?.iso ?? null;
}

/** The clause around a date, with the date itself replaced by a marker the cue patterns know. */
function clauseWithMarker(sentence: string, date: FoundDate, tables: readonly LanguageTable[]): { text: string; before: string } {
  const marked = `${sentence.slice(0, date.index)}DATEMARK${sentence.slice(date.end)}`;
  const clause = clauseAt(splitClauses(marked, tables), date.index);
  const at = date.index - clause.start;
  return { text: clause.text, before: clause.text.slice(0, Math.max(0, at)) };
}

export type Tense = 'future' | 'past' | 'neutral';

/** Whether the clause around a date announces it, reports it as done, or neither. */
export function dateTense(sentence: string, date: FoundDate, tables: readonly LanguageTable[]): Tense {
  const { text } = clauseWithMarker(sentence, date, tables);
  if (tablesMatch(tables, (t) => t.pastCues, text)) return 'past';
  if (tablesMatch(tables, (t) => t.futureCues, text)) return 'future';
  return 'neutral';
}

const DOCUMENT_SUBJECT =
  /\b(?:this|these|our|the)\s+(?:(?:updated|revised|current|new)\s+)?(?:privacy policy|user agreement|policy|agreement|terms|notice|contract|cookie policy)\b|\b(?:cette|ces|notre|nos|la|le|les)\s+(?:politique|conditions|contrat|avis|accord)\b/i;
const TOP_BLOCKS = 15;

export interface DateContext {
  blocks: readonly Block[];
  units: readonly Unit[];
  tables: readonly LanguageTable[];
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

function effectiveDate(ctx: DateContext): Found<string> | null {
  const { tables } = ctx;
  // "Effective November 3, 2025" / "Entrée en vigueur le 3 novembre 2025" as its own line.
  for (const block of ctx.blocks) {
    if (block.area !== 'main' || block.text.length > 160) continue;
    const date = findDates(block.text, tables, ctx.order)[0];
    if (date === undefined) continue;
    const before = block.text.slice(0, date.index).trim();
    if (tablesMatch(tables, (t) => t.effectiveLead, before) && dateTense(block.text, date, tables) !== 'future') {
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
    for (const date of findDates(unit.text, tables, ctx.order)) {
      const { before } = clauseWithMarker(unit.text, date, tables);
      if (!tablesMatch(tables, (t) => t.effectiveInline, before)) continue;
      if (dateTense(unit.text, date, tables) === 'future') continue;
      return { value: date.iso, evidence: clip(unit.text, date.index) };
    }
  }
  return null;
}

const DATE_LINE_LEFTOVER = /^(?:date|dated|datée?|le|on)?\s*[:.–—-]?\s*$/i;

/** A block that is only a date ("July 20, 2026", "Date: July 20, 2026"). */
function bareDate(block: Block, ctx: DateContext): FoundDate | null {
  if (block.text.length > 60) return null;
  const dates = findDates(block.text, ctx.tables, ctx.order);
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
    else if (last !== null && tablesMatch(ctx.tables, (t) => t.effectiveAsAbove, block.text)) {
      return { value: last.date.iso, evidence: clip(last.block.text, last.date.index) };
    }
  }
  return null;
}

/** The latest entry of a change log: bare date lines in a section about changes to the page. */
function changeLogDate(ctx: DateContext): Found<string> | null {
  let inLog = false;
  let level = 0;
  let best: Found<string> | null = null;
  let entries = 0;
  for (const block of ctx.blocks) {
    if (block.kind === 'heading') {
      if (inLog && block.level > level) continue;
      inLog = tablesMatch(ctx.tables, (t) => t.changeLogHeading, block.text);
      level = block.level;
      continue;
    }
    if (!inLog || block.area !== 'main') continue;
    const date = bareDate(block, ctx);
    if (date === null) continue;
    entries += 1;
    if (best === null || date.iso > best.value) best = { value: date.iso, evidence: clip(block.text) };
  }
  // One bare date under such a heading may be anything; a log has several entries.
  return entries >= 2 ? best : null;
}

function upcomingDate(ctx: DateContext, effective: string | null): Found<string> | null {
  for (const unit of ctx.units) {
    for (const date of findDates(unit.text, ctx.tables, ctx.order)) {
      if (dateTense(unit.text, date, ctx.tables) !== 'future') continue;
      if (effective !== null && date.iso <= effective) continue;
      return { value: date.iso, evidence: clip(unit.text, date.index) };
    }
  }
  return null;
}

function ledDate(ctx: DateContext, lead: (t: LanguageTable) => RegExp): Found<string> | null {
  for (const unit of ctx.units) {
    for (const date of findDates(unit.text, ctx.tables, ctx.order)) {
      const before = unit.text.slice(0, date.index);
      if (tablesMatch(ctx.tables, lead, before)) return { value: date.iso, evidence: clip(unit.text, date.index) };
    }
  }
  return null;
}

const BYLINE_LEFTOVER = /^(?:(?:by|par|published|posted|publié|publiée|le|on|updated)\b|[\s|•·,:–—-])*$/i;

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
    const otherKind = tablesMatch(ctx.tables, (t) => [t.effectiveLead, t.effectiveInline, t.lastUpdatedLead], before.trim() === '' ? '\u0000' : before);
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
    const date = findDates(block.text, ctx.tables, ctx.order)[0];
    if (date === undefined) continue;
    // "Updated 03/04/2026" is the last update, not a publication.
    if (tablesMatch(ctx.tables, (t) => t.lastUpdatedLead, block.text.slice(0, date.index))) continue;
    const rest = `${block.text.slice(0, date.index)} ${block.text.slice(date.end)}`;
    const bylineOnly = rest.replace(/\b(?:by|par)\s+[\p{Lu}][\p{L}'.-]*(?:\s+[\p{Lu}][\p{L}'.-]*){0,3}/gu, '');
    if (BYLINE_LEFTOVER.test(bylineOnly)) bare.push({ value: date.iso, evidence: clip(block.text) });
  }
  return bare.length === 1 ? bare[0]! : null;
}

/** The four dates of a page: in force, announced, published and last updated. */
export function extractDates(ctx: DateContext): DateFacts {
  const effective = effectiveDate(ctx);
  return {
    effectiveDate: effective,
    upcomingEffectiveDate: upcomingDate(ctx, effective?.value ?? null),
    publishedDate: publishedDate(ctx),
    lastUpdated: ledDate(ctx, (t) => t.lastUpdatedLead) ?? changeLogDate(ctx),
  };
}
