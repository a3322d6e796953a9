import type { Language } from '../../domain/languages.js';
import { alternatives, tablesMatch, withSharedWords } from '../lang/shared.js';
import type { Unit } from '../units.js';
import { clip, type Found } from '../evidence.js';
import type { FactReader } from '../reading.js';
import { labelPath, namesTheUse, POSSESSIVE, SEPARATOR, separatorPath, tidy } from './menu-path.js';
import { OPT_OUT_PATH_WORDS } from './opt-out-path-words.js';

const PATH_TABLES = withSharedWords(OPT_OUT_PATH_WORDS);

// One step of a list: "Open Settings.", "Tap Privacy.", 'Turn off "Use my content for AI training".'
const STEP = new RegExp(
  String.raw`^\s*(?:\d+[.)]\s*)?(?:${alternatives((l) => OPT_OUT_PATH_WORDS[l].stepVerb)})\s+(?:on\s+)?(?:${alternatives((l) => OPT_OUT_PATH_WORDS[l].stepArticle)})?["“«']?\s*(\p{Lu}[^"”»'.!?]{0,58}?)\s*["”»']?(?:\s+(?:${alternatives((l) => OPT_OUT_PATH_WORDS[l].stepNoun)}))?\s*[.!]?\s*$`,
  'iu',
);

/** Steps of one list, each an imperative naming one label, the last about the AI use. */
function stepsPath(items: readonly Unit[], languages: readonly Language[]): string[] | null {
  if (items.length < 2) return null;
  const labels: string[] = [];
  for (const item of items) {
    const m = STEP.exec(item.text);
    if (m === null) return null;
    const label = tidy(m[1]!);
    // "Click the Me icon": where to tap, not a menu label.
    if (labels.length === 0 && /\b(?:icon|button|picture|photo|avatar)$/i.test(label)) continue;
    labels.push(label);
  }
  if (labels.length < 2) return null;
  return namesTheUse(labels.at(-1)!, languages) && !POSSESSIVE.test(labels.slice(0, -1).join(' ')) ? labels : null;
}

/** The ordered menu path to the AI data setting. */
export function extractOptOutPath(units: readonly Unit[], languages: readonly Language[]): Found<string[]> | null {
  const tables = languages.map((l) => PATH_TABLES[l]);
  const withSeparators = units.filter((u) => SEPARATOR.test(u.text));
  for (const unit of withSeparators) {
    const path = separatorPath(unit.text, languages);
    if (path !== null) return { value: path, evidence: clip(unit.text, unit.text.search(SEPARATOR)) };
  }
  // Steps: the items of one list, read in order.
  const lists = new Map<number, Unit[]>();
  for (const unit of units) {
    if (unit.block.kind === 'item' && unit.block.listId !== null) {
      lists.set(unit.block.listId, [...(lists.get(unit.block.listId) ?? []), unit]);
    }
  }
  for (const items of lists.values()) {
    const steps = stepsPath(items, languages);
    if (steps !== null) return { value: steps, evidence: clip(items.at(-1)!.text) };
  }
  for (const items of lists.values()) {
    const path = labelPath(items.map((u) => u.text).join(' \n '), languages);
    if (path === null) continue;
    const last = items.find((u) => tablesMatch(tables, (t) => t.settingLabel, u.text)) ?? items[0]!;
    return { value: path, evidence: clip(last.text) };
  }
  // Steps written as sentences of one paragraph ("Select Settings & Privacy. Click Data privacy. ...").
  const paragraphs = new Map<number, Unit[]>();
  for (const unit of units) paragraphs.set(unit.blockIndex, [...(paragraphs.get(unit.blockIndex) ?? []), unit]);
  for (const sentences of paragraphs.values()) {
    if (sentences.length < 2) continue;
    const path = labelPath(sentences.map((u) => u.text).join(' '), languages);
    if (path === null) continue;
    const last = sentences.find((u) => tablesMatch(tables, (t) => t.settingLabel, u.text)) ?? sentences[0]!;
    return { value: path, evidence: clip(last.text) };
  }
  for (const unit of withSeparators) {
    const path = separatorPath(unit.text, languages, true);
    if (path !== null) return { value: path, evidence: clip(unit.text, unit.text.search(SEPARATOR)) };
  }
  for (const unit of units) {
    const path = labelPath(unit.text, languages);
    if (path !== null) return { value: path, evidence: clip(unit.text) };
  }
  return null;
}


export const optOutPathReader: FactReader = {
  facts: ['optOutPath'],
  read: ({ units, reading }) => ({ optOutPath: extractOptOutPath(units, reading.names) }),
};
