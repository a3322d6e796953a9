import type { Language } from '../../domain/languages.js';
import { alternatives, perLanguage, SHARED_WORDS } from '../lang/shared.js';
import type { Unit } from '../units.js';
import { splitClauses } from '../sentences.js';
import { clip, type Found } from '../evidence.js';
import { PolarSet, statementPriority } from '../priority.js';
import type { FactReader } from '../reading.js';
import { MINORS_WORDS } from '../minors/minors-words.js';
import { categoryMentions, type CategoryMention } from './category-mentions.js';
import { DATA_CATEGORIES_WORDS } from './data-categories-words.js';

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
  return unit.aiContext && tables.some((t) => t.dataUseCue.test(unit.text)) ? 'exclusions' : null;
}

function conditionalNegation(text: string, tables: readonly DataTable[]): boolean {
  return tables.some((t) => {
    const negation = t.negation.exec(text);
    return negation !== null && t.conditionLead.test(text.slice(0, negation.index));
  });
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
    const conditional = tables.some((t) => t.optOutConditional.test(text));
    const priority = statementPriority(unit, languages);
    for (const clause of splitClauses(text, tables)) {
      // Clauses about minors or about what opting out does name data for another reason.
      if (conditional && clause.negative) continue;
      if (tables.some((t) => t.minorAge.test(clause.text) || t.minorWord.test(clause.text))) continue;
      const negative = clause.negative || unit.negativeLeadIn;
      if (!negative && topic === 'exclusions') continue;
      // "If we cannot confirm your age, we may ask for a credit card": a condition, not an exclusion.
      if (clause.negative && conditionalNegation(clause.text, tables)) continue;
      for (const m of mentionsIn(clause.text, languages, chats)) {
        const evidence = clip(text, clause.start + m.index, m.end - m.index);
        set.add(m.category, !negative, priority, evidence);
      }
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
