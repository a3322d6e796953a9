import type { Language } from '../../domain/languages.js';
import type { Block } from '../page-blocks.js';
import type { Unit } from '../units.js';
import { clip, type Found } from '../evidence.js';
import { foldText } from '../lang/fold-text.js';
import { alternatives, SHARED_WORDS, tablesMatch } from '../lang/shared.js';
import type { NumericOrder, FoundDate } from '../parse-dates.js';
import { findDates } from './find-dates.js';
import { dateTense } from './date-tense.js';
import { DATES_WORDS, type DatesWords } from './dates-words.js';

/** What a date line says of its date: when the document last changed, or since when this version applies. */
export type DateLineKind = 'revision' | 'in-force';

export interface DateLine extends Found<string> {
  kind: DateLineKind;
}

export interface DateLinePage {
  blocks: readonly Block[];
  units: readonly Unit[];
  languages: readonly Language[];
  order: NumericOrder;
}

const words = (pick: (w: DatesWords) => string): string => alternatives((l) => pick(DATES_WORDS[l]));

// Matched on folded text (`foldText`): lower case, no accents.
const FAMILY = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:(?<revision>${words((w) => w.revisionWords)})|(?<inForce>${words((w) => w.inForceWords)}))(?![\p{L}\p{N}])`, 'gu');
const IN_FORCE_LABEL = new RegExp(String.raw`^(?:${words((w) => w.inForceLabel)})$`, 'u');
const LAW = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${words((w) => w.lawWords)})(?![\p{L}\p{N}])`, 'u');
const EARLIER_VERSIONS = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${words((w) => w.earlierVersions)})(?![\p{L}\p{N}])`, 'u');
const CHANGES_HEADING = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${words((w) => w.changesHeading)})(?![\p{L}\p{N}])`, 'u');
const DOCUMENT_SUBJECT = new RegExp(words((w) => w.documentSubject), 'iu');
const THIS_DOCUMENT = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${words((w) => w.thisDocument)})(?![\p{L}\p{N}])`, 'u');
// A label line with nothing but the wording ("LAST AMENDED:"), its date on the next line.
const LABEL_ONLY = new RegExp(String.raw`^\W*(?:${words((w) => w.revisionWords)}|${words((w) => w.inForceWords)})\s*(?:${words((w) => w.labelTail)}|${words((w) => w.dateLineWords)})?\s*:?\s*$`, 'u');
// Words of the label itself, not of a sentence: other wording joined to it ("Last reviewed and
// updated"), and the document's own name before it ("Acme Privacy Policy updated ...").
const LABEL_JOIN = new RegExp(String.raw`^\s*(?:${words((w) => w.labelJoin)}|,)?\s*$`, 'u');
const LABEL_JOIN_WORD = new RegExp(String.raw`^\s*(?:${words((w) => w.labelJoin)})\s*$`, 'u');
const DOCUMENT_NAME = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${words((w) => w.documentName)})(?![\p{L}\p{N}])`, 'gu');
const VERSION_COLUMN = new RegExp(String.raw`^\W*(?:${words((w) => w.versionColumn)})\W*$`, 'u');
const STANDING = new RegExp(String.raw`^(?:${words((w) => w.standing)})\s`, 'u');
// Where a clause ends: punctuation that cuts a line into separate statements ("Valid since X, amended Y").
const CLAUSE_END = /[,;()[\]|]|[.!?](?=\s)|\s[–—-]\s/gu;
const WORD = /[\p{L}\p{N}]+/gu;
// Not the hyphens of an ISO date ("2026-01-14").
const RANGE = /\s(?:to|until|through|au|jusqu'au)\s|\d\s*[–—]\s*\d|\d\s+-\s+\d/iu;

/** A short line (heading or paragraph) states a date on its own. */
const LINE_CHARS = 120;
/** How many words may stand between the wording and its date: on a short line, in prose. */
const LINE_GAP_WORDS = 6;
const PROSE_GAP_WORDS = 3;
const PROSE_CHARS = 300;
/** Words a line may hold before its wording and still be a label ("Date d'", "(Version"). */
const LABEL_LEAD_WORDS = 2;
/** Words a label line may hold after its date ("March 9, 2026 at 10:00"). */
const LABEL_TRAIL_WORDS = 3;
const TOP_BLOCKS = 15;
const LAST_BLOCKS = 5;

/** Whether a line is only revision or entry-into-force wording ("LAST AMENDED:", "Effective"). */
export function isDateLabel(text: string): boolean {
  return LABEL_ONLY.test(foldText(text));
}

/** The kind of a label line ("Date of modification" is revision), or null when it is no label. */
function labelKind(text: string): DateLineKind | null {
  if (!isDateLabel(text)) return null;
  const [m] = foldText(text).matchAll(FAMILY);
  return m?.groups?.revision !== undefined ? 'revision' : 'in-force';
}

/**
 * A version table: a header row with a "Version" or "Changes" column and a column of revision or
 * in-force dates ("Version | Date of modification"). Its newest date is the document's, whatever
 * the order of the rows; a table without the version column (records and their dates) is none.
 */
function versionTable(rows: readonly Block[], page: DateLinePage): DateLine[] {
  const header = rows[0]!.text.split(' | ');
  if (!header.some((cell) => VERSION_COLUMN.test(foldText(cell)))) return [];
  const out: DateLine[] = [];
  for (const [k, cell] of header.entries()) {
    const kind = labelKind(cell);
    if (kind === null) continue;
    let newest: DateLine | null = null;
    for (const row of rows.slice(1)) {
      const value = row.text.split(' | ')[k];
      if (value === undefined || !isBareDate(value, page)) continue;
      const date = findDates(value, page.languages, page.order)[0]!;
      if (dateTense(value, date, page.languages) === 'future') continue;
      if (newest === null || date.iso > newest.value) newest = { kind, value: date.iso, evidence: clip(row.text) };
    }
    if (newest !== null) out.push(newest);
  }
  return out;
}

/** Whether a text holds revision wording ("we updated", "mise à jour"). */
export function hasRevisionWording(text: string): boolean {
  for (const m of foldText(text).matchAll(FAMILY)) if (m.groups?.revision !== undefined) return true;
  return false;
}

/** A line that is one date and at most one other word ("on 14 January 2026"). */
function isBareDate(text: string, page: DateLinePage): boolean {
  const dates = findDates(text, page.languages, page.order);
  return dates.length === 1 && wordCount(`${text.slice(0, dates[0]!.index)} ${text.slice(dates[0]!.end)}`) <= 1;
}

/** Where the clause that holds a date starts: after the last clause break or earlier date before it. */
function clauseStart(text: string, date: FoundDate, dates: readonly FoundDate[]): number {
  let start = 0;
  for (const other of dates) if (other.end <= date.index) start = Math.max(start, other.end);
  for (const m of text.slice(0, date.index).matchAll(CLAUSE_END)) {
    // "Date of last revision – 14 January 2026": a dash right before the date separates a label.
    const dashBeforeDate = /^\s[–—-]\s$/u.test(m[0]) && text.slice(m.index + m[0].length, date.index).trim() === '';
    if (!dashBeforeDate) start = Math.max(start, m.index + m[0].length);
  }
  return start;
}

/** A label stands at the start of its line and its date ends the statement ("Revised on March 9, 2026."). */
function labels(lead: string, after: string): boolean {
  const end = after.search(CLAUSE_END);
  return wordCount(lead) <= LABEL_LEAD_WORDS && wordCount(end < 0 ? after : after.slice(0, end)) <= LABEL_TRAIL_WORDS;
}

function wordCount(text: string): number {
  return [...text.matchAll(WORD)].length;
}

interface Reading {
  kind: DateLineKind;
  /**
   * The date is of both kinds: the line opens with an entry-into-force label ("Effective date.")
   * before its revision clause, or its label joins both wordings ("Last updated and effective:").
   */
  labelledInForce: boolean;
}

/**
 * The kind of date line a date is part of: revision or entry-into-force wording right before
 * it in its own clause (the wording nearest to the date decides), or null.
 */
function readDate(text: string, date: FoundDate, dates: readonly FoundDate[], gapWords: number, needsSubject: boolean, languages: readonly Language[]): Reading | null {
  const start = clauseStart(text, date, dates);
  const clause = text.slice(start, date.index);
  const folded = foldText(clause);
  let last: RegExpMatchArray | undefined;
  // The wordings of one label, joined by "and" ("Last updated and effective"): their start and kinds.
  let labelStart = 0;
  const labelKinds = new Set<DateLineKind>();
  for (const m of folded.matchAll(FAMILY)) {
    const between = last === undefined ? null : folded.slice(last.index! + last[0].length, m.index);
    if (between === null || !LABEL_JOIN.test(between)) labelStart = m.index!;
    // Only a written "and" makes one label of two kinds: "Effective date, updated" may be either.
    if (between === null || !LABEL_JOIN_WORD.test(between)) labelKinds.clear();
    labelKinds.add(m.groups?.revision !== undefined ? 'revision' : 'in-force');
    last = m;
  }
  if (last === undefined) return null;
  const gap = folded.slice(last.index! + last[0].length);
  if (wordCount(gap.replace(THIS_DOCUMENT, '')) > gapWords) return null;
  // A law's date: the law is named anywhere in the sentence before it ("the Act, as amended on").
  const before = foldText(text.slice(0, date.index));
  const sentence = before.split(/[.!?]\s/u).at(-1)!;
  if (LAW.test(sentence) || EARLIER_VERSIONS.test(before)) return null;
  // A period ("from 1 June to 30 June 2026") is no date line.
  if (RANGE.test(text.slice(date.index, date.end))) return null;
  if (tablesMatch(languages.map((l) => SHARED_WORDS[l]), (t) => t.negation, clause)) return null;
  // The wording labels the date ("Revised on", "Date de modification :") or the document is the
  // subject ("This version applies from"): "We also updated our policy on" reports another change.
  const subject = DOCUMENT_SUBJECT.exec(clause);
  // The document as subject ("This policy was last revised on") or as the object of its standing
  // ("We last amended this notice on"; "we updated these terms on" reports one change, and "our
  // policy" there may be another document).
  const documentFirst = (subject !== null && subject.index < last.index!) || (STANDING.test(last[0]) && THIS_DOCUMENT.test(gap));
  const lead = folded.slice(0, labelStart).replace(DOCUMENT_NAME, ' ');
  if (needsSubject ? !documentFirst : !documentFirst && !labels(lead, text.slice(date.end))) return null;
  if (dateTense(text, date, languages) === 'future') return null;
  const kind: DateLineKind = last.groups?.revision !== undefined ? 'revision' : 'in-force';
  const opening = foldText(text.slice(0, start)).replace(/[^\p{L}\p{N}' ]+/gu, ' ').trim();
  // "Effective date. This policy was last updated on: X", "Last updated and effective: X": one date, both facts.
  const bothKinds = (kind === 'revision' && IN_FORCE_LABEL.test(opening)) || (!needsSubject && labelKinds.size === 2);
  return { kind, labelledInForce: bothKinds };
}

function linesOf(text: string, evidence: string, gapWords: number, needsSubject: boolean, page: DateLinePage): DateLine[] {
  const dates = findDates(text, page.languages, page.order);
  const out: DateLine[] = [];
  for (const date of dates) {
    const reading = readDate(text, date, dates, gapWords, needsSubject, page.languages);
    if (reading === null) continue;
    const found = { value: date.iso, evidence: evidence === text ? clip(text, date.index) : clip(evidence) };
    out.push({ ...found, kind: reading.kind });
    // "Effective date. This policy was last updated on: X": one date, both facts.
    if (reading.labelledInForce) out.push({ ...found, kind: reading.kind === 'revision' ? 'in-force' : 'revision' });
  }
  return out;
}

/** Blocks under a heading or lead-in about earlier versions of the document: their dates are not this version's. */
export function earlierVersionBlocks(blocks: readonly Block[]): Set<number> {
  const out = new Set<number>();
  let level: number | null = null; // the level of the heading over earlier versions we are under
  // A list's lead-in is asked once per item: its answer is kept.
  const leadsEarlier = new Map<number, boolean>();
  const aboutEarlier = (index: number): boolean => {
    let about = leadsEarlier.get(index);
    if (about === undefined) leadsEarlier.set(index, (about = EARLIER_VERSIONS.test(foldText(blocks[index]!.text))));
    return about;
  };
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'heading') {
      if (level !== null && block.level > level) out.add(i);
      // The page's title naming an archive is the archived document itself.
      else level = block.level > 1 && EARLIER_VERSIONS.test(foldText(block.text)) ? block.level : null;
      continue;
    }
    if (level !== null || (block.leadIn !== null && blocks[block.leadIn] !== undefined && aboutEarlier(block.leadIn))) out.add(i);
  }
  return out;
}

/**
 * Every date line of the page, in page order: a date with revision wording ("Last amended",
 * "Revised on", "Date de modification", "MISE A JOUR LE") or entry-into-force wording
 * ("Entry into force", "Valid since", "Applicable depuis le") right before it, in any case,
 * with or without accents. Read on short lines near the top of the content, in a section about
 * changes to the document, or at its end; elsewhere only in a sentence about the document itself
 * ("This version applies from ..."). Dates of laws, of earlier versions, and announced dates are none.
 */
export function dateLines(page: DateLinePage): DateLine[] {
  const main = page.blocks.flatMap((b, i) => (b.area === 'main' ? [i] : []));
  if (main.length === 0) return [];
  const first = main[0]!;
  const lastBlocks = new Set(main.slice(-LAST_BLOCKS));
  const earlier = earlierVersionBlocks(page.blocks);
  const tables = new Set<number>();
  const unitsOf = new Map<number, Unit[]>();
  for (const unit of page.units) {
    const list = unitsOf.get(unit.blockIndex);
    if (list === undefined) unitsOf.set(unit.blockIndex, [unit]);
    else list.push(unit);
  }
  const out: DateLine[] = [];
  let heading = '';
  let label: Block | null = null;
  for (const i of main) {
    const block = page.blocks[i]!;
    const previousLabel = label;
    label = null;
    if (block.kind === 'heading') heading = foldText(block.text);
    if (earlier.has(i)) continue;
    if (block.kind === 'row' && block.listId !== null && !tables.has(block.listId)) {
      tables.add(block.listId);
      out.push(...versionTable(main.map((j) => page.blocks[j]!).filter((b) => b.kind === 'row' && b.listId === block.listId), page));
    }
    const placed = i - first < TOP_BLOCKS || CHANGES_HEADING.test(heading) || lastBlocks.has(i);
    if (placed && block.text.length <= LINE_CHARS) {
      if (isDateLabel(block.text)) {
        label = block;
        continue;
      }
      const text = previousLabel !== null && isBareDate(block.text, page) ? `${previousLabel.text} ${block.text}` : block.text;
      if (block.kind === 'row') {
        // A two-cell row "Last updated | 12 May 2026" is a label and its date; other rows are a table's data.
        const cells = block.text.split(' | ');
        if (cells.length === 2 && isDateLabel(cells[0]!) && isBareDate(cells[1]!, page)) out.push(...linesOf(cells.join(' '), block.text, LINE_GAP_WORDS, false, page));
        continue;
      }
      out.push(...linesOf(text, block.text, LINE_GAP_WORDS, false, page));
      continue;
    }
    if (block.kind === 'row') continue;
    for (const unit of unitsOf.get(i) ?? []) {
      if (unit.text.length > PROSE_CHARS) continue;
      out.push(...linesOf(unit.text, unit.text, PROSE_GAP_WORDS, true, page));
    }
  }
  return out;
}
