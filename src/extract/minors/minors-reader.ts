import type { Language } from '../../domain/languages.js';
import { alternatives, tablesMatch, withSharedWords } from '../lang/shared.js';
import type { Unit } from '../units.js';
import { clip, type Found } from '../evidence.js';
import { splitClauses } from '../sentences.js';
import type { FactReader } from '../reading.js';
import { MINORS_WORDS } from './minors-words.js';

const MINORS_TABLES = withSharedWords(MINORS_WORDS);
type MinorsTable = (typeof MINORS_TABLES)[Language];

const EXCLUDING_VERB = new RegExp(String.raw`\b(?:${alternatives((l) => MINORS_WORDS[l].excludingVerb)})`, 'iu');

function mentionsMinors(text: string, tables: readonly MinorsTable[]): boolean {
  return tablesMatch(tables, (t) => [t.minorAge, t.minorWord], text);
}

function excludesMinors(text: string, tables: readonly MinorsTable[]): boolean {
  if (!tablesMatch(tables, (t) => t.minorExclusion, text)) return false;
  return EXCLUDING_VERB.test(text) || tablesMatch(tables, (t) => [t.dataUseCue, t.trainingCue], text);
}

// "children (under 13 or the age of consent...)": the page's own definition of the word.
const DEFINITION = new RegExp(
  String.raw`^\s*\((?:${alternatives((l) => MINORS_WORDS[l].definitionLead)})?(?:${alternatives((l) => MINORS_WORDS[l].definitionAge)}) (?:the age of )?(\d{1,2})\b`,
  'i',
);

/** The age the page gives, once, in a parenthesis after the word the exclusion used. */
function definedAge(units: readonly Unit[], fromWord: string, tables: readonly MinorsTable[]): Found<number> | null {
  const word = tables.map((t) => t.minorWord.exec(fromWord)).find((m) => m !== null && m.index === 0)?.[0];
  if (word === undefined) return null;
  const ages = new Map<number, string>();
  for (const unit of units) {
    let at = unit.text.indexOf(word);
    while (at >= 0) {
      const m = DEFINITION.exec(unit.text.slice(at + word.length));
      const n = m ? Number(m[1]) : NaN;
      if (n >= 13 && n <= 21 && !ages.has(n)) ages.set(n, clip(unit.text, at));
      at = unit.text.indexOf(word, at + word.length);
    }
  }
  // Two different definitions: no age rather than a pick.
  if (ages.size !== 1) return null;
  const [[value, evidence]] = [...ages];
  return { value: value!, evidence: evidence! };
}

/** Members under an age excluded from the AI training the page describes, and that age. */
export function extractMinors(units: readonly Unit[], languages: readonly Language[]): {
  minorsExcluded: Found<boolean> | null;
  minimumAge: Found<number> | null;
} {
  const tables = languages.map((l) => MINORS_TABLES[l]);
  for (const unit of units) {
    const text = unit.text;
    const aboutTraining = unit.aiTrain || unit.trainContext || (unit.aiContext && tablesMatch(tables, (t) => t.dataUseCue, text));
    if (!aboutTraining) continue;
    let age: number | null = null;
    let index = -1;
    for (const t of tables) {
      const m = t.minorAge.exec(text);
      if (m) {
        const n = Number(m[1] ?? m[2]);
        if (n >= 13 && n <= 21) [age, index] = [n, m.index];
        break;
      }
    }
    if (index < 0) {
      const word = tables.map((t) => t.minorWord.exec(text)).find((m) => m !== null);
      if (!word) continue;
      index = word.index;
    }
    // The exclusion must be said of the minors' data: "should not book with us" is none.
    const clauses = splitClauses(text, tables).filter((c) => mentionsMinors(c.text, tables));
    if (!clauses.some((c) => excludesMinors(c.text, tables))) continue;
    const evidence = clip(text, index);
    const defined = age === null ? definedAge(units, text.slice(index), tables) : null;
    return {
      minorsExcluded: { value: true, evidence },
      minimumAge: age !== null ? { value: age, evidence } : defined,
    };
  }
  // "Minors' data may also be used to train our models": minors are not kept out of the use.
  for (const unit of units) {
    if (!(unit.aiTrain || unit.trainContext)) continue;
    for (const clause of splitClauses(unit.text, tables)) {
      if (!mentionsMinors(clause.text, tables) || !tablesMatch(tables, (t) => t.dataUseCue, clause.text)) continue;
      if (tablesMatch(tables, (t) => t.minorExclusion, clause.text)) continue;
      return { minorsExcluded: { value: false, evidence: clip(unit.text, clause.start) }, minimumAge: null };
    }
  }
  return { minorsExcluded: null, minimumAge: null };
}

export const minorsReader: FactReader = {
  facts: ['minorsExcluded', 'minimumAge'],
  read: ({ units, reading }) => extractMinors(units, reading.cues),
};
