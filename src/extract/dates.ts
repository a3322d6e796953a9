import type { Block } from './page-blocks.js';
import { tablesMatch, type LanguageTable } from './lang/table.js';
import type { Unit } from './units.js';
import { splitClauses, clauseAt } from './sentences.js';
import { clip, type Found } from './evidence.js';

export interface FoundDate {
  iso: string;
  index: number;
  end: number;
}

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function toIso(year: number, month: number, day: number): string | null {
  if (!(year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 31 June and the like
  return d.toISOString().slice(0, 10);
}

const YEAR = /\d{4}/;
const cache = new Map<string, FoundDate[]>();
const CACHE_LIMIT = 4000;

/** Every full date (day, month, year) written in the text, in any of the tables' languages. */
export function findDates(text: string, tables: readonly LanguageTable[]): FoundDate[] {
  if (!YEAR.test(text)) return [];
  const key = `${tables.map((t) => t.language).join()}\u0000${text}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = scanDates(text, tables);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found;
}

function scanDates(text: string, tables: readonly LanguageTable[]): FoundDate[] {
  const found: FoundDate[] = [];
  for (const t of tables) {
    t.dateRegex.lastIndex = 0;
    for (const m of text.matchAll(t.dateRegex)) {
      const parts = t.dateParts(m);
      const month = t.months[parts.month.toLowerCase().replace('.', '')];
      const iso = month === undefined ? null : toIso(parts.year, month, parts.day);
      if (iso !== null) found.push({ iso, index: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of text.matchAll(ISO_DATE)) {
    const iso = toIso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso !== null) found.push({ iso, index: m.index, end: m.index + m[0].length });
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  return found.filter((d, i) => i === 0 || d.index >= found[i - 1]!.end);
}

/** Parses one date written in English or French; null when it is not a full date. */
export function parseDate(text: string, tables: readonly LanguageTable[]): string | null {
  return findDates(text, tables)[0]?.iso ?? null;
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
    const date = findDates(block.text, tables)[0];
    if (date === undefined) continue;
    const before = block.text.slice(0, date.index).trim();
    if (tablesMatch(tables, (t) => t.effectiveLead, before) && dateTense(block.text, date, tables) !== 'future') {
      return { value: date.iso, evidence: clip(block.text, date.index) };
    }
  }
  // "... is effective October 1, 2020" about the document itself, near the top.
  const firstMain = ctx.blocks.findIndex((b) => b.area === 'main');
  for (const unit of ctx.units) {
    if (unit.block.area !== 'main') continue;
    const nearTop = unit.blockIndex - firstMain < TOP_BLOCKS;
    if (!nearTop && !DOCUMENT_SUBJECT.test(unit.text)) continue;
    for (const date of findDates(unit.text, tables)) {
      const { before } = clauseWithMarker(unit.text, date, tables);
      if (!tablesMatch(tables, (t) => t.effectiveInline, before)) continue;
      if (dateTense(unit.text, date, tables) === 'future') continue;
      return { value: date.iso, evidence: clip(unit.text, date.index) };
    }
  }
  return null;
}

function upcomingDate(ctx: DateContext, effective: string | null): Found<string> | null {
  for (const unit of ctx.units) {
    for (const date of findDates(unit.text, ctx.tables)) {
      if (dateTense(unit.text, date, ctx.tables) !== 'future') continue;
      if (effective !== null && date.iso <= effective) continue;
      return { value: date.iso, evidence: clip(unit.text, date.index) };
    }
  }
  return null;
}

function ledDate(ctx: DateContext, lead: (t: LanguageTable) => RegExp): Found<string> | null {
  for (const unit of ctx.units) {
    for (const date of findDates(unit.text, ctx.tables)) {
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
    return { value: time.iso, evidence: clip(shown ? time.text : time.iso) };
  }
  // A line near the top that is only a date, perhaps with a byline: "Jane Doe · September 18, 2025".
  // Several such lines mean a list of posts, not one post's date.
  const firstMain = ctx.blocks.findIndex((b) => b.area === 'main');
  const bare: Found<string>[] = [];
  for (let i = Math.max(0, firstMain); i < Math.min(ctx.blocks.length, firstMain + 12); i += 1) {
    const block = ctx.blocks[i]!;
    if (block.text.length > 90) continue;
    const date = findDates(block.text, ctx.tables)[0];
    if (date === undefined) continue;
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
    lastUpdated: ledDate(ctx, (t) => t.lastUpdatedLead),
  };
}
