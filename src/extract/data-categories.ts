import type { DataCategory } from '../domain/facts.js';
import type { LanguageTable } from './lang/table.js';
import type { Unit } from './units.js';
import { splitClauses } from './sentences.js';
import { clip, type Found } from './evidence.js';
import { PolarSet, statementPriority } from './priority.js';
import { globalOf } from './global-of.js';

export interface CategoryMention { category: DataCategory; index: number; end: number }

/** Data categories named in a text, skipping what the AI produces ("suggested posts"). */
export function categoryMentions(text: string, tables: readonly LanguageTable[]): CategoryMention[] {
  const found: CategoryMention[] = [];
  for (const t of tables) {
    for (const [re, category] of t.categories) {
      for (const m of text.matchAll(globalOf(re))) {
        const before = text.slice(Math.max(0, m.index - 48), m.index);
        if (tables.some((x) => x.outputLead.test(before))) continue;
        found.push({ category, index: m.index, end: m.index + m[0].length });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Your conversations with Parlo": chats with the service's own assistant, named by the page's
 * own name, are what is typed into an AI feature. ("Interactions with" a service is any use.)
 */
function selfChats(ownNames: readonly string[]): RegExp | null {
  const names = ownNames.filter((n) => n.length >= 3).map(escape);
  if (names.length === 0) return null;
  return new RegExp(`\\b(?:conversations?|chats?|chat history|échanges|discussions) (?:(?:that )?you (?:have|had) )?(?:with|avec) (?:${names.join('|')})\\b`, 'giu');
}

function mentionsIn(text: string, tables: readonly LanguageTable[], chats: RegExp | null): CategoryMention[] {
  const found = categoryMentions(text, tables);
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
function trainingDataTopic(unit: Unit, tables: readonly LanguageTable[]): 'training' | 'exclusions' | null {
  if (unit.aiTrain || unit.trainContext) return 'training';
  return unit.aiContext && tables.some((t) => t.dataUseCue.test(unit.text)) ? 'exclusions' : null;
}

function conditionalNegation(text: string, tables: readonly LanguageTable[]): boolean {
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
export function extractDataCategories(units: readonly Unit[], tables: readonly LanguageTable[], ownNames: readonly string[] = []): {
  includedData: Found<string[]> | null;
  excludedData: Found<string[]> | null;
} {
  const set = new PolarSet();
  const chats = selfChats(ownNames);
  for (const unit of units) {
    const topic = trainingDataTopic(unit, tables);
    if (topic === null) continue;
    const text = unit.text;
    const conditional = tables.some((t) => t.optOutConditional.test(text));
    const priority = statementPriority(unit, tables);
    for (const clause of splitClauses(text, tables)) {
      // Clauses about minors or about what opting out does name data for another reason.
      if (conditional && clause.negative) continue;
      if (tables.some((t) => t.minorAge.test(clause.text) || t.minorWord.test(clause.text))) continue;
      const negative = clause.negative || unit.negativeLeadIn;
      if (!negative && topic === 'exclusions') continue;
      // "If we cannot confirm your age, we may ask for a credit card": a condition, not an exclusion.
      if (clause.negative && conditionalNegation(clause.text, tables)) continue;
      for (const m of mentionsIn(clause.text, tables, chats)) {
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
