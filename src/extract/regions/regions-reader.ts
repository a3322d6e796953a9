import type { Language } from '../../domain/languages.js';
import { alternatives, perLanguage, SHARED_WORDS } from '../lang/shared.js';
import type { Unit } from '../units.js';
import type { Block } from '../page-blocks.js';
import { splitClauses, splitSentences, type Clause } from '../sentences.js';
import { clip, type Found } from '../evidence.js';
import { PolarSet, statementPriority } from '../priority.js';
import { categoryMentions } from '../data-categories/category-mentions.js';
import { globalOf } from '../global-of.js';
import { countryMentions } from '../countries.js';
import type { FactReader } from '../reading.js';
import { LEGAL_BASIS_WORDS } from '../legal-basis/legal-basis-words.js';
import { MINORS_WORDS } from '../minors/minors-words.js';
import { REGIONS_WORDS } from './regions-words.js';

// A region named beside a lawful basis or beside minors is read with those families' words.
const REGION_TABLES = perLanguage((l) => ({
  ...SHARED_WORDS[l], ...REGIONS_WORDS[l],
  legalBasisCue: LEGAL_BASIS_WORDS[l].legalBasisCue, minorAge: MINORS_WORDS[l].minorAge, minorWord: MINORS_WORDS[l].minorWord,
}));
type RegionTable = (typeof REGION_TABLES)[Language];

interface RegionMention { codes: string[]; index: number; end: number }

const LIST_GLUE = new RegExp(String.raw`^(?:\s|,|;|\(|\)|&|${alternatives((l) => REGIONS_WORDS[l].listGlue)})*$`, 'i');

// A company's registered name that holds a place ("Acme Ireland Limited", "Foo Europe B.V."): an
// organisation, in any language, not a region anyone's data comes from.
const COMPANY_NAME = /\b\p{Lu}[\p{L}\p{N}&.'-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'-]*){1,4}\s+(?:Operations\s+)?(?:Limited|Ltd\b\.?|Unlimited Company|Inc\b\.?|LLC|GmbH|S\.?A\.?S\b\.?|SARL|B\.V\.|Pte\.? Ltd|Pty Ltd|AB|AG|Oy|PBC|plc|Corporation|Company)\b/gu;

function mask(text: string, tables: readonly RegionTable[]): string {
  let out = text.replace(COMPANY_NAME, (m) => ' '.repeat(m.length));
  for (const t of tables) {
    for (const re of t.regionMasks) out = out.replace(re, (m) => ' '.repeat(m.length));
  }
  return out;
}

function regionMentions(text: string, tables: readonly RegionTable[]): RegionMention[] {
  const found: RegionMention[] = countryMentions(text, tables.map((t) => t.language)).map((c) => ({ codes: [c.code], index: c.index, end: c.end }));
  for (const t of tables) {
    for (const [re, codes] of t.regions) {
      for (const m of text.matchAll(globalOf(re))) found.push({ codes, index: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Per mention, whether the words right before it (or before the list it continues) match
 * `leads`: a list ("outside the EU, the EEA and Switzerland") shares its first region's lead.
 */
function leadFlags(clause: string, mentions: RegionMention[], leads: (before: string) => boolean): boolean[] {
  const flags: boolean[] = [];
  let inList = false;
  let previousEnd = 0;
  for (const m of mentions) {
    const gap = clause.slice(previousEnd, m.index);
    const continuesList = flags.length > 0 && LIST_GLUE.test(gap);
    if (!continuesList) inList = leads(clause.slice(0, m.index));
    flags.push(inList);
    previousEnd = Math.max(previousEnd, m.end);
  }
  return flags;
}

/** Regions right after "outside (of) the" — and the rest of that list — are not covered. */
function outsideFlags(clause: string, mentions: RegionMention[], tables: readonly RegionTable[]): boolean[] {
  return leadFlags(clause, mentions, (before) => tables.some((t) => t.outsideLead.test(before)));
}

/**
 * Regions attached to an organisation or to where data goes ("Acme, located in the United
 * States", "transferred to Canada") say nothing of whose data the use covers; "members located
 * in the EU" are people, so theirs is.
 */
function placeFlags(clause: string, mentions: RegionMention[], tables: readonly RegionTable[]): boolean[] {
  const before = leadFlags(clause, mentions, (text) => tables.some((t) => {
    if (t.lawBefore.test(text)) return true;
    const lead = t.placeLead.exec(text);
    return lead !== null && !t.personBefore.test(text.slice(0, lead.index));
  }));
  // "the EU AI Act", "UK law": a law named after a region.
  return mentions.map((m, i) => before[i]! || ACRONYM_AFTER.test(clause.slice(m.end)) || tables.some((t) => t.lawAfter.test(clause.slice(m.end))));
}

// A region right before an acronym names a law or an agency ("EU GDPR", "Brazil's LGPD", "UK ICO"),
// in any language; a list of regions ("EU EEA") is not one.
const ACRONYM_AFTER = /^(?:'s|’s)?\s*(?!EEA\b|EEE\b|EU\b|UE\b|UK\b|USA?\b|SAR\b)\p{Lu}{3,6}\b(?![-\p{Ll}])/u;

/** "Worldwide" is the use's scope only in a clause that states a scope or the training itself. */
function globalIsScope(clause: string, tables: readonly RegionTable[]): boolean {
  return tables.some((t) => t.scopeVerb.test(clause) || t.trainingCue.test(clause));
}

function isRegionSentence(unit: Unit, tables: readonly RegionTable[]): boolean {
  // A nearby AI sentence is not enough: a region needs AI in its own sentence or structure, or
  // to be in a sentence about training.
  // An AI sentence about something else than training ("we use AI to translate listings for
  // guests in France", "hosts in the US can use our AI tool") names no region of the use: training
  // must be the sentence's own topic or its context's, or the sentence states a scope in an AI
  // section ("This applies to users in Germany").
  const training = tables.some((t) => t.trainingCue.test(unit.text));
  const scope = tables.some((t) => t.scopeVerb.test(unit.text));
  const about = (unit.structuralAi && (training || unit.trainContext || scope)) || (unit.aiContext && training);
  if (!about) return false;
  if (tables.some((t) => t.regionStopContext.test(unit.text))) return false;
  // "In the EU we rely on legitimate interests for this": where a legal basis applies, not coverage
  // (unless the sentence itself says the data trains the models).
  if (tables.some((t) => t.legalBasisCue.test(unit.text)) && !tables.some((t) => t.trainingCue.test(unit.text))) return false;
  // "Some AI features are not available in the EEA": where features launch, not where data trains them.
  if (FEATURE_AVAILABILITY.test(unit.text) && !tables.some((t) => t.trainingCue.test(unit.text) || t.dataUseCue.test(unit.text) || t.optOutWording.test(unit.text))) return false;
  return tables.some((t) => t.coverageCue.test(unit.text));
}

/**
 * Whether a block sits in a regional section of the page: a heading above it (below the title)
 * that names a region and says it adds regional terms ("Additional information for users in the
 * EEA"), without being about AI. The regions there are that section's readers, not the AI use's.
 */
function inRegionalSection(blocks: readonly Block[], index: number, tables: readonly RegionTable[]): boolean {
  let level = Number.POSITIVE_INFINITY;
  for (let i = index - 1; i >= 0 && level > 2; i -= 1) {
    const b = blocks[i]!;
    if (b.kind !== 'heading' || b.level >= level) continue;
    level = b.level;
    if (level < 2) break;
    if (!tables.some((t) => t.supplementHeading.test(b.text)) || tables.some((t) => t.aiCue.test(b.text))) continue;
    if (regionMentions(mask(b.text, tables), tables).some((m) => !m.codes.includes('GLOBAL'))) return true;
  }
  return false;
}

const FEATURE_AVAILABILITY = new RegExp(String.raw`\b(?:${alternatives((l) => REGIONS_WORDS[l].featureAvailability)})\b`, 'i');

const SCOPE_LINE_CHARS = 90;
const SCOPE_BLOCKS = 4;
// What may surround the regions in a line that names the document's own scope.
const SCOPE_FILLER = new RegExp(String.raw`^(?:[\s/,&()|:–—-]|\b(?:${alternatives((l) => REGIONS_WORDS[l].scopeFiller)})\b)*$`, 'i');

const SCOPE_WORD = new RegExp(String.raw`\b(?:${alternatives((l) => REGIONS_WORDS[l].scopeWord)})\b`, 'i');

// "This notice applies to", "Cet avis concerne": the document, then (soon after) whom it is for.
const SCOPE_STATEMENT = new RegExp(String.raw`(?:${alternatives((l) => REGIONS_WORDS[l].scopeSubject)})[^.;:]{0,40}?(?:${alternatives((l) => REGIONS_WORDS[l].scopeStatementVerb)})`, 'i');

/**
 * A sentence stating the document's own scope as people of regions ("This notice applies to you
 * if you live in the EEA", "applies only to residents of the United States"): the regions those
 * people are in. A scope that adds to another, points elsewhere, excepts or is negated is none.
 */
function scopeSentence(sentence: string, tables: readonly RegionTable[]): string[] {
  const statement = SCOPE_STATEMENT.exec(sentence);
  if (statement === null) return [];
  const rest = mask(sentence.slice(statement.index), tables);
  if (tables.some((t) => t.scopeAside.test(rest) || t.negation.test(rest))) return [];
  const mentions = regionMentions(rest, tables).filter((m, i, all) => i === 0 || m.index >= all[i - 1]!.end);
  const people = leadFlags(rest, mentions, (before) => tables.some((t) => t.scopePeople.test(before)));
  return [...new Set(mentions.filter((_, i) => people[i]).flatMap((m) => m.codes))].filter((c) => c !== 'GLOBAL').sort();
}

/**
 * A document whose own scope is named regions: a line at the very top that is only regions
 * ("EEA/UK/CH", "Privacy Notice for the EEA and Switzerland"), or a sentence there that says whom
 * the document is for, before the text starts.
 */
function documentScope(blocks: readonly Block[], tables: readonly RegionTable[]): Found<string[]> | null {
  const top = blocks.filter((b) => b.area === 'main').slice(0, SCOPE_BLOCKS);
  for (const block of top) {
    if (block.kind === 'heading' || block.kind === 'paragraph') {
      for (const sentence of splitSentences(block.text)) {
        const codes = scopeSentence(sentence, tables);
        if (codes.length > 0) return { value: codes, evidence: clip(sentence) };
      }
    }
    if (block.text.length > SCOPE_LINE_CHARS || (block.kind !== 'heading' && block.kind !== 'paragraph')) continue;
    const text = mask(block.text, tables);
    const mentions = regionMentions(text, tables).filter((m, i, all) => i === 0 || m.index >= all[i - 1]!.end);
    const codes = [...new Set(mentions.flatMap((m) => m.codes))].filter((c) => c !== 'GLOBAL');
    if (codes.length === 0) continue;
    let rest = text;
    for (const m of [...mentions].reverse()) rest = `${rest.slice(0, m.index)} ${rest.slice(m.end)}`;
    // One country alone at the top may be a country picker; a scope names several or says what it is.
    if (SCOPE_FILLER.test(rest) && (codes.length >= 2 || SCOPE_WORD.test(rest))) return { value: codes.sort(), evidence: clip(block.text) };
  }
  return null;
}

/**
 * Regions the page names as covered / not covered by the AI data use, read from AI sentences
 * only, with negation and "outside"/"except" read clause by clause; a document whose own scope
 * is named regions and that describes the use (without naming regions for it) covers them.
 */
export function extractRegions(units: readonly Unit[], languages: readonly Language[], blocks: readonly Block[] = [], ownNames: readonly string[] = []): {
  regions: Found<string[]> | null;
  excludedRegions: Found<string[]> | null;
} {
  const tables = languages.map((l) => REGION_TABLES[l]);
  const set = new PolarSet();
  for (const unit of units) {
    if (!isRegionSentence(unit, tables)) continue;
    if (blocks[unit.blockIndex] === unit.block && inRegionalSection(blocks, unit.blockIndex, tables)) continue;
    const text = mask(unit.text, tables);
    const conditional = tables.some((t) => t.optOutConditional.test(text));
    const priority = statementPriority(unit, languages);
    for (const clause of splitClauses(text, tables)) addClause(set, clause, unit, conditional, priority, tables, ownNames);
  }
  const { included, excluded } = set.resolve();
  // "Everywhere except the EEA" is not everywhere: the exceptions are the fact, GLOBAL is not.
  if (excluded.values.length > 0 && included.values.includes('GLOBAL')) {
    included.values = included.values.filter((v) => v !== 'GLOBAL');
  }
  if (included.values.length === 0 && excluded.values.length === 0 && units.some((u) => u.aiTrain && u.block.area === 'main')) {
    const scope = documentScope(blocks, tables);
    if (scope !== null) return { regions: scope, excludedRegions: null };
  }
  return {
    regions: included.values.length > 0 ? { value: included.values, evidence: included.evidence! } : null,
    excludedRegions: excluded.values.length > 0 ? { value: excluded.values, evidence: excluded.evidence! } : null,
  };
}

// "OpenAI (United States)", "Acme Ltd. (USA, Canada)": a name's place in parentheses.
const NAME_THEN_PAREN = /\p{Lu}[\p{L}\p{N}.,&'-]*\s*\(\s*$/u;

/** Whether the regions from mention `i` on fill a parenthesis right after a name: that name's place. */
function namesPlace(text: string, mentions: RegionMention[], i: number): boolean {
  let start = i;
  while (start > 0 && LIST_GLUE.test(text.slice(mentions[start - 1]!.end, mentions[start]!.index))) start -= 1;
  let end = i;
  while (end + 1 < mentions.length && LIST_GLUE.test(text.slice(mentions[end]!.end, mentions[end + 1]!.index).replace(/[()]/g, 'x'))) end += 1;
  return NAME_THEN_PAREN.test(text.slice(0, mentions[start]!.index)) && /^\s*\)/.test(text.slice(mentions[end]!.end));
}

/**
 * Whether a mention is in a later cell of a table row that holds only places (a "Location"
 * column of vendors): where a party is, not whom the use covers. A first cell may be the key of
 * a table by region, and is read.
 */
function inPlaceCell(unit: Unit, at: number, tables: readonly RegionTable[]): boolean {
  if (unit.block.kind !== 'row') return false;
  let start = 0;
  for (const [index, cell] of unit.text.split(' | ').entries()) {
    const end = start + cell.length;
    if (at >= start && at < end) {
      if (index === 0) return false;
      const masked = mask(cell, tables);
      let rest = masked;
      for (const m of [...regionMentions(masked, tables)].reverse()) rest = `${rest.slice(0, m.index)} ${rest.slice(m.end)}`;
      return LIST_GLUE.test(rest.replace(/[.\/]/g, ' '));
    }
    start = end + 3;
  }
  return false;
}

/** "Acme Ireland", "Acme France": the service's own company in a country, not a region of its users. */
function afterOwnName(before: string, ownNames: readonly string[]): boolean {
  const text = before.toLowerCase();
  return ownNames.some((name) => text.endsWith(`${name} `) && (text.length === name.length + 1 || !/[\p{L}\p{N}]/u.test(text[text.length - name.length - 2]!)));
}

function addClause(set: PolarSet, clause: Clause, unit: Unit, conditional: boolean, priority: number, tables: readonly RegionTable[], ownNames: readonly string[]): void {
  const mentions = regionMentions(clause.text, tables);
  if (mentions.length === 0) return;
  // "we do not use private messages of members in the EU": the negation is about the data.
  // Likewise "we do not use data from members under 18 in the EU": the negation is about minors.
  // "Members in Mexico cannot opt out": the choice is denied, the use is not; whether they are covered stays unsaid.
  if (clause.negative && tables.some((t) => t.deniedChoice.test(clause.text))) return;
  if (clause.negative && (conditional || categoryMentions(clause.text, tables.map((t) => t.language)).length > 0 || tables.some((t) => t.minorAge.test(clause.text) || t.minorWord.test(clause.text)))) return;
  const outside = outsideFlags(clause.text, mentions, tables);
  const place = placeFlags(clause.text, mentions, tables);
  // "If you live in the EEA, you can object to this use", "..., you have the right to ...": where a
  // choice or a right is offered to the reader, not where the use applies.
  const choiceWhere = tables.some((t) => t.optOutWording.test(unit.text) || t.rightsCue.test(unit.text))
    ? leadFlags(clause.text, mentions, (before) => tables.some((t) => t.readerCondition.test(before)))
    : mentions.map(() => false);
  mentions.forEach((m, i) => {
    if (place[i] || afterOwnName(clause.text.slice(0, m.index), ownNames) || namesPlace(clause.text, mentions, i)) return;
    if (inPlaceCell(unit, clause.start + m.index, tables) || choiceWhere[i]) return;
    if (m.codes.includes('GLOBAL') && !globalIsScope(clause.text, tables)) return;
    const positive = clause.negative === outside[i];
    const evidence = clip(unit.text, clause.start + m.index, m.end - m.index);
    for (const code of m.codes) set.add(code, positive, priority, evidence);
  });
}

export const regionsReader: FactReader = {
  facts: ['regions', 'excludedRegions'],
  read: ({ units, reading, page, ownNames }) => extractRegions(units, reading.cues, page.blocks, ownNames),
};
