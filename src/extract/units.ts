import type { Block } from './page-blocks.js';
import type { Language } from '../domain/languages.js';
import { alternatives, SHARED_WORDS, tablesMatch } from './lang/shared.js';
import type { SharedWords } from './lang/shared-words.js';
import { splitSentences } from './sentences.js';
import { tableRuns } from './table-runs.js';

/** One sentence of the page with what its surroundings say it is about. */
export interface Unit {
  text: string;
  blockIndex: number;
  block: Block;
  /** The sentence itself mentions AI. */
  ai: boolean;
  /** The sentence itself mentions AI and training or improving models. */
  aiTrain: boolean;
  /** AI is the topic here: the sentence, its heading, its list's lead-in or the sentence before. */
  aiContext: boolean;
  /** Training AI models is the topic here (same sources as `aiContext`). */
  trainContext: boolean;
  /** AI is named in the sentence or by the structure around it (not only by a nearby sentence). */
  structuralAi: boolean;
  /** The list or table this item belongs to is introduced as what is not used/covered. */
  negativeLeadIn: boolean;
  /** Marked as a past state ("previously", "until now"). */
  pastState: boolean;
}

/** A table row up to this long reads as one sentence. */
const ROW_AS_ONE_CHARS = 400;

/** How many following sentences of a paragraph an AI sentence lends its topic to. */
const CARRY_SENTENCES = 2;

/**
 * Whether the block before a list or table introduces it: a paragraph or heading does, and a
 * list item does for the list nested in it; a table right after a list item is not that item's.
 */
function introduces(lead: Block, block: Block): boolean {
  if (lead.kind === 'paragraph' || lead.kind === 'heading') return true;
  return lead.kind === 'item' && block.kind === 'item' && block.level > lead.level;
}

interface HeadingScope { level: number; ai: boolean; train: boolean }

/** Where a sentence opens with the choice about a use ("You can opt out under ..."): about the use just described. */
const CHOICE_OPENING_CHARS = 20;

// Addressed to the reader ("You can ...", "If you ..."); a label such as "Opt out of targeted ads" names its own purpose.
const ADDRESSED = new RegExp(String.raw`^(?:${alternatives((l) => SHARED_WORDS[l].addressed)})\b`, 'i');

function opensWithChoice(text: string, tables: readonly SharedWords[]): boolean {
  if (!ADDRESSED.test(text)) return false;
  return tables.some((t) => {
    const m = t.optOutWording.exec(text) ?? t.optOutConditional.exec(text);
    return m !== null && m.index <= CHOICE_OPENING_CHARS;
  });
}

/**
 * Sentences with their topic, inherited from headings, list lead-ins and preceding sentences;
 * topic words in the `cues` languages, the AI setting's name in the `names` languages.
 */
export function buildUnits(blocks: readonly Block[], cues: readonly Language[], names: readonly Language[] = cues): Unit[] {
  const tables = cues.map((l) => SHARED_WORDS[l]);
  const labelTables = names.map((l) => SHARED_WORDS[l]);
  const units: Unit[] = [];
  const byBlock: Unit[][] = [];
  const headings: HeadingScope[] = [];
  const runs = tableRuns(blocks);
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i]!;
    // A short table row is one statement (its purpose, data and basis read together); a long
    // one is a catalogue, read line by line.
    const sentences = block.kind === 'row' && block.text.length <= ROW_AS_ONE_CHARS ? [block.text] : splitSentences(block.text);
    const own = sentences.map((text) => {
      const ai = tablesMatch(tables, (t) => t.aiCue, text) || tablesMatch(labelTables, (t) => t.settingLabel, text);
      const train = tablesMatch(tables, (t) => t.trainingCue, text);
      return { text, ai, train, aiTrain: ai && train };
    });
    if (block.kind === 'heading' && block.area === 'main') {
      while (headings.length > 0 && headings.at(-1)!.level >= block.level) headings.pop();
    }
    let aiContext = block.area === 'main' && headings.some((h) => h.ai);
    let trainContext = aiContext && headings.some((h) => h.train);
    let negativeLeadIn = false;
    const leadIn = runs.leadIn[i] ?? null;
    if ((block.kind === 'item' || block.kind === 'row') && leadIn !== null) {
      const lead = byBlock[leadIn]?.at(-1);
      if (lead !== undefined && introduces(lead.block, block)) {
        aiContext ||= lead.aiContext || lead.ai;
        trainContext ||= lead.trainContext || lead.aiTrain || (lead.aiContext && tablesMatch(tables, (t) => t.trainingCue, lead.text));
        // Only a lead-in about the AI use makes its list what is not used ("not kept" is not it).
        negativeLeadIn =
          lead.negativeLeadIn ||
          ((lead.ai || lead.aiContext) && tablesMatch(tables, (t) => t.negation, lead.text) && !tablesMatch(tables, (t) => t.optOutConditional, lead.text));
      }
    } else if (i > 0 && block.kind !== 'heading' && own[0] && (tablesMatch(tables, (t) => t.anaphora, own[0].text) || opensWithChoice(own[0].text, tables))) {
      const previous = byBlock[i - 1]?.at(-1);
      if (previous !== undefined && previous.block.kind !== 'heading') {
        aiContext ||= previous.aiContext;
        trainContext ||= previous.trainContext;
      }
    }
    const blockUnits: Unit[] = [];
    // Topic carried by the structure (heading, lead-in, anaphora across blocks) holds for the
    // whole block; topic from an earlier sentence of the block only for the next few sentences.
    const structuralAi = aiContext;
    const structuralTrain = trainContext;
    let carryAi = 0;
    let carryTrain = 0;
    let previousOwnAi = false;
    for (const [j, s] of own.entries()) {
      const continues = j > 0 && tablesMatch(tables, (t) => t.anaphora, s.text);
      // "This applies to all users worldwide." right after a sentence naming the AI use is about it.
      const continuesAi = (continues || opensWithChoice(s.text, tables)) && previousOwnAi;
      previousOwnAi = s.ai;
      const sentenceAi = structuralAi || s.ai || carryAi > 0;
      const sentenceTrain = structuralTrain || s.aiTrain || carryTrain > 0 || (sentenceAi && s.train);
      if (s.ai) carryAi = CARRY_SENTENCES;
      else if (!continues) carryAi -= 1;
      if (sentenceTrain && (s.ai || s.aiTrain || s.train)) carryTrain = CARRY_SENTENCES;
      else if (!continues) carryTrain -= 1;
      const unit: Unit = {
        text: s.text, blockIndex: i, block, ai: s.ai, aiTrain: s.aiTrain,
        aiContext: sentenceAi, trainContext: sentenceTrain, structuralAi: structuralAi || s.ai || continuesAi,
        negativeLeadIn, pastState: tablesMatch(tables, (t) => t.pastState, s.text),
      };
      blockUnits.push(unit);
      units.push(unit);
    }
    byBlock.push(blockUnits);
    if (block.kind === 'heading' && block.area === 'main') {
      const text = block.text;
      headings.push({
        level: block.level,
        ai: tablesMatch(tables, (t) => t.aiCue, text) || tablesMatch(labelTables, (t) => t.settingLabel, text),
        train: tablesMatch(tables, (t) => t.trainingCue, text) || tablesMatch(labelTables, (t) => t.settingLabel, text),
      });
    }
  }
  return units;
}
