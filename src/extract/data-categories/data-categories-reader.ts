import type { Language } from '../../domain/languages.js';
import { alternatives, perLanguage, SHARED_WORDS } from '../lang/shared.js';
import type { Unit } from '../units.js';
import { splitClauses, type Clause } from '../sentences.js';
import { clip, type Found } from '../evidence.js';
import { PolarSet, statementPriority } from '../priority.js';
import type { FactReader } from '../reading.js';
import { MINORS_WORDS } from '../minors/minors-words.js';
import { categoryMentions, type CategoryMention } from './category-mentions.js';
import { DATA_CATEGORIES_WORDS } from './data-categories-words.js';
import { consentExceptionAt, maskDeniedChoices } from '../training-default/choice-spans.js';
import { globalOf } from '../global-of.js';

// A clause about minors names data for another reason: read with the minors' words.
const DATA_TABLES = perLanguage((l) => ({
  ...SHARED_WORDS[l], ...DATA_CATEGORIES_WORDS[l], minorAge: MINORS_WORDS[l].minorAge, minorWord: MINORS_WORDS[l].minorWord,
}));
type DataTable = (typeof DATA_TABLES)[Language];

const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Your conversations with Parlo": chats with the service's own assistant, named by the page's
 * own name, are what is typed into an AI feature. ("Interactions with" a service is any use.)
 */
function selfChats(ownNames: readonly string[]): RegExp | null {
  const names = ownNames.filter((n) => n.length >= 3).map(escape);
  if (names.length === 0) return null;
  const chats = alternatives((l) => DATA_CATEGORIES_WORDS[l].chats);
  const withWords = alternatives((l) => DATA_CATEGORIES_WORDS[l].chatsWith);
  return new RegExp(`\\b(?:${chats}) (?:(?:that )?you (?:have|had) )?(?:${withWords}) (?:${names.join('|')})\\b`, 'giu');
}

function mentionsIn(text: string, languages: readonly Language[], chats: RegExp | null): CategoryMention[] {
  const found = categoryMentions(text, languages);
  if (chats === null) return found;
  for (const m of text.matchAll(chats)) {
    if (!found.some((f) => f.category === 'ai-interactions')) found.push({ category: 'ai-interactions', index: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * Is this sentence about which data trains the AI models? Training must be the topic for data
 * to be included; near an AI statement, "X is not used (for this)" still excludes X.
 */
function trainingDataTopic(unit: Unit, tables: readonly DataTable[]): 'training' | 'exclusions' | null {
  if (unit.aiTrain || unit.trainContext) return 'training';
  // A purposes table's row whose purposes train a model or an algorithm names that training's
  // data; the other rows name data for other purposes (neither included nor excluded).
  if (unit.block.kind === 'row' && unit.text === unit.block.text && tables.some((t) => t.trainsAlgorithm.test(unit.text))) return 'training';
  return unit.aiContext && tables.some((t) => t.dataUseCue.test(unit.text)) ? 'exclusions' : null;
}

function conditionalNegation(text: string, tables: readonly DataTable[]): boolean {
  return tables.some((t) => {
    const negation = t.negation.exec(text);
    return negation !== null && t.conditionLead.test(text.slice(0, negation.index));
  });
}

function maskWidenings(text: string, tables: readonly DataTable[]): string {
  return tables.reduce((out, t) => out.replace(globalOf(t.notANegation), (span) => ' '.repeat(span.length)), text);
}

/**
 * The negative clause a consent exception lifts: the clause holding it, or the one before when
 * the exception opens its own clause ("..., sauf si vous nous y autorisez").
 */
function refusedClause(clauses: readonly Clause[], at: number, tables: readonly DataTable[]): Clause | null {
  const i = clauses.findIndex((c) => c.start <= at && at < c.end);
  if (i < 0) return null;
  const own = clauses[i]!;
  if (own.negative && tables.some((t) => t.negation.test(own.text.slice(0, at - own.start)))) return own;
  const previous = clauses[i - 1];
  return previous !== undefined && previous.negative && previous.end <= own.start ? previous : null;
}

function addMentions(set: PolarSet, text: string, clause: Clause, languages: readonly Language[], chats: RegExp | null, positive: boolean, priority: number): void {
  // Mentions are found on the original words (a blanked span holds none of them).
  for (const m of mentionsIn(text.slice(clause.start, clause.end), languages, chats)) {
    set.add(m.category, positive, priority, clip(text, clause.start + m.index, m.end - m.index));
  }
}

/**
 * Data categories the page says are / are not used to train or improve AI models. Only sentences
 * about that use count (a profile field named elsewhere for another purpose is not included
 * data); a category in a negative clause or under a negative lead-in is excluded.
 */
export function extractDataCategories(units: readonly Unit[], languages: readonly Language[], ownNames: readonly string[] = []): {
  includedData: Found<string[]> | null;
  excludedData: Found<string[]> | null;
} {
  const tables = languages.map((l) => DATA_TABLES[l]);
  const set = new PolarSet();
  const chats = selfChats(ownNames);
  for (const unit of units) {
    const topic = trainingDataTopic(unit, tables);
    if (topic === null) continue;
    const text = unit.text;
    // Polarity is read on a copy where what only looks negative is blanked: a denied choice
    // ("no way to opt out": the data IS used) and a widened list ("not limited to").
    const polar = maskWidenings(maskDeniedChoices(text, languages), tables);
    const conditional = tables.some((t) => t.optOutConditional.test(polar));
    const optIn = topic === 'training' ? consentExceptionAt(polar, languages) : null;
    const priority = statementPriority(unit, languages);
    const clauses = splitClauses(polar, tables);
    const optInClause = optIn === null ? null : refusedClause(clauses, optIn, tables);
    for (const clause of clauses) {
      // A refusal whose only exception is the user's own choice is an opt-in use: its data is used.
      if (clause === optInClause) {
        addMentions(set, text, clause, languages, chats, true, priority);
        continue;
      }
      // Clauses about minors or about what opting out does name data for another reason.
      if (conditional && clause.negative) continue;
      if (tables.some((t) => t.minorAge.test(clause.text) || t.minorWord.test(clause.text))) continue;
      const negative = clause.negative || unit.negativeLeadIn;
      if (!negative && topic === 'exclusions') continue;
      // "If we cannot confirm your age, we may ask for a credit card": a condition, not an exclusion.
      if (clause.negative && conditionalNegation(clause.text, tables)) continue;
      // "We never pass your billing details to vendors": denying something other than the use excludes nothing.
      if (clause.negative && !unit.negativeLeadIn && !tables.some((t) => t.exclusionVerb.test(polar))) continue;
      addMentions(set, text, clause, languages, chats, !negative, priority);
    }
  }
  const { included, excluded } = set.resolve();
  return {
    includedData: included.values.length > 0 ? { value: included.values, evidence: included.evidence! } : null,
    excludedData: excluded.values.length > 0 ? { value: excluded.values, evidence: excluded.evidence! } : null,
  };
}

export const dataCategoriesReader: FactReader = {
  facts: ['includedData', 'excludedData'],
  read: ({ units, reading, ownNames }) => extractDataCategories(units, reading.cues, ownNames),
};
