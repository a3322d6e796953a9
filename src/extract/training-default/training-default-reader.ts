import type { Language } from '../../domain/languages.js';
import { alternatives, tablesMatch, withSharedWords } from '../lang/shared.js';
import type { Unit } from '../units.js';
import { clip, type Found } from '../evidence.js';
import { statementPriority } from '../priority.js';
import type { FactReader } from '../reading.js';
import { SEPARATOR, lastSegment, separatorPath } from '../opt-out-path/menu-path.js';
import { TRAINING_DEFAULT_WORDS } from './training-default-words.js';

const DEFAULT_TABLES = withSharedWords(TRAINING_DEFAULT_WORDS);
type DefaultTable = (typeof DEFAULT_TABLES)[Language];

type Choice = Found<'on' | 'off'> & { priority: number; explicit: boolean };

// "You can opt out of personalised ads": a choice about another purpose, named right after it.
const OTHER_PURPOSE = new RegExp(String.raw`^.{0,40}?\b(?:${alternatives((l) => TRAINING_DEFAULT_WORDS[l].otherPurpose)})\b`, 'i');

function aboutOtherPurpose(text: string, at: number, tables: readonly DefaultTable[]): boolean {
  return OTHER_PURPOSE.test(text.slice(at)) && !tablesMatch(tables, (t) => t.aiCue, text);
}

// A menu general enough to hold the AI setting ("Settings > Privacy").
const GENERAL_MENU = new RegExp(String.raw`^(?:(?:your |my )?(?:${alternatives((l) => TRAINING_DEFAULT_WORDS[l].generalMenu)}))$`, 'i');

function choiceIn(unit: Unit, languages: readonly Language[]): { value: 'on' | 'off'; index: number; explicit: boolean } | null {
  const tables = languages.map((l) => DEFAULT_TABLES[l]);
  const found = choiceWording(unit, tables);
  if (found === null || aboutOtherPurpose(unit.text, found.index, tables)) return null;
  // "You cannot opt out of this": a choice denied.
  if (!found.explicit && tablesMatch(tables, (t) => t.negation, unit.text.slice(Math.max(0, found.index - 12), found.index))) return null;
  // "You can turn this off in Settings > Location": the path names the setting the choice is about.
  // A general menu ("Settings > Privacy") may hold it; a specific other one ("Location") does not.
  if (!found.explicit && SEPARATOR.test(unit.text) && separatorPath(unit.text, languages) === null && separatorPath(unit.text, languages, true) === null) {
    const last = lastSegment(unit.text.split(SEPARATOR).at(-1)!, languages);
    if (last !== null && !GENERAL_MENU.test(last)) return null;
  }
  return found;
}

function choiceWording(unit: Unit, tables: readonly DefaultTable[]): { value: 'on' | 'off'; index: number; explicit: boolean } | null {
  for (const t of tables) {
    const off = t.defaultOff.exec(unit.text);
    if (off) return { value: 'off', index: off.index, explicit: true };
    const on = t.defaultOn.exec(unit.text);
    if (on) return { value: 'on', index: on.index, explicit: true };
  }
  for (const t of tables) {
    const optIn = t.optInWording.exec(unit.text);
    if (optIn) return { value: 'off', index: optIn.index, explicit: false };
    const optOut = t.optOutWording.exec(unit.text);
    if (optOut) return { value: 'on', index: optOut.index, explicit: false };
  }
  return null;
}

/**
 * The default of the AI data use: stated ("on by default"), else read from the choice the page
 * describes for it: an opt-out or objection means on, an opt-in or consent means off.
 */
export function extractTrainingDefault(units: readonly Unit[], languages: readonly Language[]): Found<'on' | 'off'> | null {
  let best: Choice | null = null;
  for (const unit of units) {
    if (!(unit.ai || unit.aiContext)) continue;
    const choice = choiceIn(unit, languages);
    if (choice === null) continue;
    // A choice worded without a default must be about the AI use in the sentence itself or its section.
    if (!choice.explicit && !(unit.ai || unit.structuralAi)) continue;
    const priority = statementPriority(unit, languages);
    const better = best === null || priority > best.priority || (priority === best.priority && choice.explicit && !best.explicit);
    if (better) best = { value: choice.value, evidence: clip(unit.text, choice.index), priority, explicit: choice.explicit };
  }
  return best === null ? null : { value: best.value, evidence: best.evidence };
}

export const trainingDefaultReader: FactReader = {
  facts: ['aiTrainingDefault'],
  read: ({ units, reading }) => ({ aiTrainingDefault: extractTrainingDefault(units, reading.cues) }),
};
