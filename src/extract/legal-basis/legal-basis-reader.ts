import type { LegalBasis } from '../../domain/facts.js';
import type { Language } from '../../domain/languages.js';
import type { Block } from '../page-blocks.js';
import { tablesMatch, withSharedWords } from '../lang/shared.js';
import type { Unit } from '../units.js';
import { clip, type Found } from '../evidence.js';
import { tableRuns, type TableRuns } from '../table-runs.js';
import type { FactReader } from '../reading.js';
import { LEGAL_BASIS_WORDS } from './legal-basis-words.js';
import { gdprArticleBases } from './gdpr-article-bases.js';
import { basisColumns } from './basis-columns.js';
import { basisTags } from './basis-tags.js';

const BASIS_TABLES = withSharedWords(LEGAL_BASIS_WORDS);
type BasisTable = (typeof BASIS_TABLES)[Language];

/** Blocks after a "legal basis" opener that still list bases (a list, a table, short lines). */
const WINDOW_BLOCKS = 20;
/** A heading about lawful bases covers its section, up to this many blocks. */
const HEADING_WINDOW_BLOCKS = 40;
/** A paragraph this short after an opener is one line of a list of bases. */
const SHORT_LINE_CHARS = 200;
/** A paragraph this short without a final stop reads as a heading ("To comply with our legal obligations"). */
const HEADING_LINE_CHARS = 100;

function headingLike(block: Block): boolean {
  if (block.kind === 'heading') return true;
  return block.kind === 'paragraph' && block.text.length <= HEADING_LINE_CHARS && !/[.;:!?]$/.test(block.text);
}

/** A sentence that names this many different bases is a statement of bases by itself. */
const ENUMERATION = 3;

function masked(text: string, tables: readonly BasisTable[]): string {
  let out = text;
  for (const t of tables) for (const re of t.legalBasisMasks) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}

/**
 * Whether a block opens a section of bases: it says "legal basis" (or cites Art. 6(1)), or it is a
 * heading, or a short line introducing a list, about what allows the processing ("Grounds for
 * processing"): such words in prose are no opener.
 */
function opensBases(block: Block, tables: readonly BasisTable[], mask: (text: string) => string): boolean {
  const text = mask(block.text);
  if (tablesMatch(tables, (t) => t.legalBasisStrong, text)) return true;
  const introducesList = block.kind === 'paragraph' && block.text.length <= HEADING_LINE_CHARS && block.text.endsWith(':');
  return (headingLike(block) || introducesList) && tablesMatch(tables, (t) => t.groundsHeading, text);
}

/** Indices of the blocks that read as a section of lawful bases. */
function basisSections(blocks: readonly Block[], runs: TableRuns, tables: readonly BasisTable[], mask: (text: string) => string): Set<number> {
  const inside = new Set<number>();
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i]!;
    if (!opensBases(block, tables, mask)) continue;
    inside.add(i);
    if (block.kind === 'heading') {
      for (let j = i + 1; j < Math.min(blocks.length, i + 1 + HEADING_WINDOW_BLOCKS); j += 1) {
        const next = blocks[j]!;
        if (next.kind === 'heading' && next.level <= block.level) break;
        inside.add(j);
      }
      continue;
    }
    // A table whose header names the basis column: every row of it.
    if (block.kind === 'row') {
      for (let j = i + 1; j < blocks.length && runs.header[j] === runs.header[i]; j += 1) inside.add(j);
    }
    // Then the list, table or short lines that follow; a long paragraph is other prose.
    for (let j = i + 1; j < Math.min(blocks.length, i + 1 + WINDOW_BLOCKS); j += 1) {
      const next = blocks[j]!;
      if (next.kind === 'heading') break;
      if (next.kind === 'paragraph' && next.text.length > SHORT_LINE_CHARS) continue;
      inside.add(j);
    }
  }
  return inside;
}

function basesIn(text: string, tables: readonly BasisTable[]): Array<{ basis: LegalBasis; index: number }> {
  const out: Array<{ basis: LegalBasis; index: number }> = [];
  for (const t of tables) {
    for (const [re, basis] of t.legalBases) {
      const m = re.exec(text);
      if (m && !out.some((o) => o.basis === basis)) out.push({ basis, index: m.index });
    }
  }
  return out;
}

/** A label this short before a colon ("Why we can do this: ...") heads the sentence it opens. */
const LABEL_CHARS = 60;

/** A sentence opened by a label about the grounds of processing ("Grounds: contract", "Why we can do this: ..."). */
function groundsLabelled(text: string, tables: readonly BasisTable[]): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && colon <= LABEL_CHARS && tablesMatch(tables, (t) => t.groundsHeading, text.slice(0, colon));
}

/** An item (row) of a list introduced by a sentence about the bases ("We rely on:"). */
function ledByBasisLine(unit: Unit, blocks: readonly Block[], runs: TableRuns, tables: readonly BasisTable[], mask: (text: string) => string): boolean {
  if (unit.block.kind !== 'item' && unit.block.kind !== 'row') return false;
  const leadIn = runs.leadIn[unit.blockIndex] ?? null;
  const lead = leadIn === null ? undefined : blocks[leadIn];
  return lead !== undefined && tablesMatch(tables, (t) => t.legalBasisCue, mask(lead.text));
}

/**
 * Lawful bases the page names for processing personal data (any purpose): in sentences that
 * say so ("we rely on your consent"), in a section, list or table introduced as the legal bases,
 * and in a sentence enumerating several of them. On a page with no lawful-basis wording, a
 * basis named only as a condition ("if we process it based on your consent") is none, and the
 * bases a user's right depends on are never read as the page's bases.
 */
export function extractLegalBasis(units: readonly Unit[], blocks: readonly Block[], languages: readonly Language[]): Found<string[]> | null {
  const tables = languages.map((l) => BASIS_TABLES[l]);
  // The same texts (a one-sentence block and its sentence, a list's lead-in per item) are masked once.
  const maskedTexts = new Map<string, string>();
  const mask = (text: string): string => {
    let out = maskedTexts.get(text);
    if (out === undefined) maskedTexts.set(text, (out = masked(text, tables)));
    return out;
  };
  const runs = tableRuns(blocks);
  const sections = basisSections(blocks, runs, tables, mask);
  const pageHasBasisWording = sections.size > 0;
  const columns = basisColumns(blocks, runs, tables);
  const found = new Set<LegalBasis>();
  let evidence: string | null = null;
  const add = (basis: LegalBasis, text: string, index: number): void => {
    found.add(basis);
    evidence ??= clip(text, index);
  };
  const tags = basisTags(blocks, runs, (text) => basesIn(mask(text), tables), (text) => tablesMatch(tables, (t) => t.rightsCue, text));
  const cellsRead = new Set<number>();
  for (const unit of units) {
    const text = mask(unit.text);
    const rightsSentence = tablesMatch(tables, (t) => t.rightsCue, text);
    // A cited GDPR point is a basis by itself, unless a right is what depends on it.
    if (!rightsSentence) for (const t of tables) for (const { basis, index } of gdprArticleBases(text, t.gdprArticle)) add(basis, unit.text, index);
    // The bases tagged on a list's items and the cells of a basis column, once per block.
    if (!cellsRead.has(unit.blockIndex)) {
      cellsRead.add(unit.blockIndex);
      for (const { basis, index } of tags.get(unit.blockIndex) ?? []) add(basis, unit.block.text, index);
      for (const cell of columns.cells.get(unit.blockIndex) ?? []) {
        const cellText = mask(cell);
        if (tablesMatch(tables, (t) => t.rightsCue, cellText)) continue;
        // The row is the evidence: its purpose beside the basis says what the basis is for.
        const offset = Math.max(0, unit.block.text.indexOf(cell));
        for (const { basis, index } of basesIn(cellText, tables)) add(basis, unit.block.text, offset + index);
      }
    }
    // A row of a table with a basis column is read through that column only: "contract data"
    // in its data column or "to manage your contract" in its purpose column names no basis.
    if (columns.headedRows.has(unit.blockIndex)) continue;
    const labelled = groundsLabelled(text, tables);
    const strong = labelled || tablesMatch(tables, (t) => t.legalBasisStrong, text);
    // Contractual necessity without the word "contract", said where the page lists its bases.
    if (!rightsSentence && (labelled || sections.has(unit.blockIndex) || ledByBasisLine(unit, blocks, runs, tables, mask))) {
      const m = tables.map((t) => t.contractNecessity.exec(text)).find((x) => x !== null);
      if (m) add('contract', unit.text, m.index);
    }
    const bases = basesIn(text, tables);
    // The regulation's own wording of a basis is a statement of it, unless a right depends on it.
    if (!rightsSentence) {
      for (const t of tables) {
        for (const [re, basis] of t.basisPhrases) {
          const m = re.exec(text);
          if (m) add(basis, unit.text, m.index);
        }
      }
    }
    for (const t of tables) {
      for (const [re, basis] of t.standaloneBases) {
        const m = re.exec(text);
        if (m) add(basis, unit.text, m.index);
      }
    }
    if (bases.length === 0) continue;
    const rights = !strong && rightsSentence;
    let named = strong || bases.length >= ENUMERATION;
    if (!named && !rights && (sections.has(unit.blockIndex) || (pageHasBasisWording && headingLike(unit.block)))) named = true;
    // Items of a list (rows of a table) introduced by a basis sentence ("We rely on:").
    const leadIn = runs.leadIn[unit.blockIndex] ?? null;
    const lead = leadIn === null ? undefined : blocks[leadIn];
    if (!named && !rights && (unit.block.kind === 'item' || unit.block.kind === 'row') && lead !== undefined) {
      named = tablesMatch(tables, (t) => t.legalBasisCue, mask(lead.text));
    }
    if (!named) {
      const cue = tables.map((t) => t.legalBasisCue.exec(text)).find((m) => m !== null);
      if (cue) {
        const conditional = tablesMatch(tables, (t) => t.conditionLead, text.slice(0, cue.index));
        named = pageHasBasisWording ? !rights || !conditional : !conditional;
      }
    }
    if (!named) continue;
    for (const { basis, index } of bases) add(basis, unit.text, index);
  }
  return found.size > 0 ? { value: [...found].sort(), evidence: evidence! } : null;
}

export const legalBasisReader: FactReader = {
  facts: ['legalBasis'],
  read: ({ units, page, reading }) => ({ legalBasis: extractLegalBasis(units, page.blocks, reading.cues) }),
};
