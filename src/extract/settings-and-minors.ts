import { tablesMatch, type LanguageTable } from './lang/table.js';
import type { Unit } from './units.js';
import { clip, type Found } from './evidence.js';
import { statementPriority } from './priority.js';
import { globalOf } from './global-of.js';
import { splitClauses, clauseAt } from './sentences.js';

type Choice = Found<'on' | 'off'> & { priority: number; explicit: boolean };

// "You can opt out of personalised ads": a choice about another purpose, named right after it.
const OTHER_PURPOSE = /^.{0,40}?\b(?:ads|advertis\w*|marketing|cookies?|e-?mails?|newsletters?|notifications?|promotion\w*|publicit\w*|prospection|sale of|selling|sharing (?:your )?(?:personal )?(?:data|information) (?:with|for))\b/i;

function aboutOtherPurpose(text: string, at: number, tables: readonly LanguageTable[]): boolean {
  return OTHER_PURPOSE.test(text.slice(at)) && !tablesMatch(tables, (t) => t.aiCue, text);
}

const GENERAL_MENU = /^(?:(?:your |my )?(?:privacy|settings|account|preferences|data|privacy settings|account settings|settings (?:&|and) privacy|data controls|data privacy|privacy (?:&|and) data|confidentialité|paramètres|compte|préférences|vos données|données personnelles))$/i;

function choiceIn(unit: Unit, tables: readonly LanguageTable[]): { value: 'on' | 'off'; index: number; explicit: boolean } | null {
  const found = choiceWording(unit, tables);
  if (found === null || aboutOtherPurpose(unit.text, found.index, tables)) return null;
  // "You cannot opt out of this": a choice denied.
  if (!found.explicit && tablesMatch(tables, (t) => t.negation, unit.text.slice(Math.max(0, found.index - 12), found.index))) return null;
  // "You can turn this off in Settings > Location": the path names the setting the choice is about.
  // A general menu ("Settings > Privacy") may hold it; a specific other one ("Location") does not.
  if (!found.explicit && SEPARATOR.test(unit.text) && separatorPath(unit.text, tables) === null && separatorPath(unit.text, tables, true) === null) {
    const last = lastSegment(unit.text.split(SEPARATOR).at(-1)!, tables);
    if (last !== null && !GENERAL_MENU.test(last)) return null;
  }
  return found;
}

function choiceWording(unit: Unit, tables: readonly LanguageTable[]): { value: 'on' | 'off'; index: number; explicit: boolean } | null {
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
export function extractTrainingDefault(units: readonly Unit[], tables: readonly LanguageTable[]): Found<'on' | 'off'> | null {
  let best: Choice | null = null;
  for (const unit of units) {
    if (!(unit.ai || unit.aiContext)) continue;
    const choice = choiceIn(unit, tables);
    if (choice === null) continue;
    // A choice worded without a default must be about the AI use in the sentence itself or its section.
    if (!choice.explicit && !(unit.ai || unit.structuralAi)) continue;
    const priority = statementPriority(unit, tables);
    const better = best === null || priority > best.priority || (priority === best.priority && choice.explicit && !best.explicit);
    if (better) best = { value: choice.value, evidence: clip(unit.text, choice.index), priority, explicit: choice.explicit };
  }
  return best === null ? null : { value: best.value, evidence: best.evidence };
}

const EXCLUDING_VERB = /\b(?:exclu\p{L}*|filter\p{L}*|remov\p{L}*|screen\p{L}*|écart\p{L}*|retir\p{L}*|filtr\p{L}*)/iu;

function mentionsMinors(text: string, tables: readonly LanguageTable[]): boolean {
  return tablesMatch(tables, (t) => [t.minorAge, t.minorWord], text);
}

function excludesMinors(text: string, tables: readonly LanguageTable[]): boolean {
  if (!tablesMatch(tables, (t) => t.minorExclusion, text)) return false;
  return EXCLUDING_VERB.test(text) || tablesMatch(tables, (t) => [t.dataUseCue, t.trainingCue], text);
}

// "children (under 13 or the age of consent...)": the page's own definition of the word.
const DEFINITION = /^\s*\((?:i\.e\.,? |meaning |that is,? |c'est-à-dire )?(?:under|younger than|below|aged under|moins de|de moins de|âgés? de moins de) (?:the age of )?(\d{1,2})\b/i;

/** The age the page gives, once, in a parenthesis after the word the exclusion used. */
function definedAge(units: readonly Unit[], fromWord: string, tables: readonly LanguageTable[]): Found<number> | null {
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
export function extractMinors(units: readonly Unit[], tables: readonly LanguageTable[]): {
  minorsExcluded: Found<boolean> | null;
  minimumAge: Found<number> | null;
} {
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

const SEPARATOR = /\s*(?:>|›|→|➔|➜)\s*/;
const QUOTES = /^[\s"“”«»'*]+|[\s"“”«»'*]+$/g;
const ARTICLE = /^(?:the|le|la|les|l')\s*/i;
const MAX_SEGMENT_CHARS = 60;
const IMPERATIVE = /^\s*(?:tap|click|select|go to|open|choose|navigate to|touch|press|appuyez sur|cliquez sur|sélectionnez|accédez à|ouvrez|allez (?:dans|sur|à))\s+/i;

function tidy(segment: string): string {
  return segment.replace(QUOTES, '').replace(ARTICLE, '').replace(QUOTES, '').trim();
}

function firstSegment(text: string, tables: readonly LanguageTable[]): string | null {
  // A known menu label at the end of the lead-in text wins ("go to Settings & Privacy").
  for (const t of tables) {
    for (const label of t.menuLabels) {
      const all = [...text.matchAll(globalOf(label))];
      const last = all.at(-1);
      if (last && text.slice(last.index + last[0].length).replace(QUOTES, '') === '') return tidy(text.slice(last.index));
    }
  }
  let start = 0;
  for (const t of tables) {
    for (const m of text.matchAll(globalOf(t.pathLeadStop))) start = Math.max(start, m.index + m[0].length);
  }
  const segment = tidy(text.slice(start).replace(IMPERATIVE, ''));
  if (/\b(?:your|my|votre|vos|mon|ma)\b/i.test(segment)) return null; // "your profile picture" is not a menu
  return segment && segment.length <= MAX_SEGMENT_CHARS && /^[\p{Lu}\d]/u.test(segment) ? segment : null;
}

function lastSegment(text: string, tables: readonly LanguageTable[]): string | null {
  // "pour" / "afin de" end a label only before a verb ("... > X pour le désactiver"), not in "pour tous".
  let segment = text.split(/[.,;:!?)]|\s+(?:and|then|to|et|puis)\s+(?=[\p{Ll}])|\s+(?:pour|afin d[e'])\s*(?=(?:l[ae]s?\s+|l'|y\s+)?\p{Ll}+(?:er|ir|re)\b)/u)[0] ?? '';
  segment = tidy(segment);
  for (const t of tables) segment = segment.replace(t.pathTrailing, '');
  segment = tidy(segment);
  return segment && segment.length <= MAX_SEGMENT_CHARS ? segment : null;
}

// "Settings > Data controls and switch off Improve the model for everyone": the toggle after the menus.
const TOGGLE_AFTER = /\b(?:switch|turn|toggle) off\s+(?:the\s+)?["“']?(\p{Lu}[^.;:"”']{2,60}?)["”']?(?:\s+(?:setting|toggle|control|option|switch))?\s*(?:[.;]|$)|\b(?:désactivez|décochez)\s+(?:l'option\s+|le bouton\s+)?[«"“]\s*(\p{Lu}[^»"”]{2,60}?)\s*[»"”]/u;

// An AI label about data or models ("Generative AI data"), not an AI feature ("AI summaries").
const DATA_WORD = /\b(?:data|content|improv\w*|models?|learning|donn\w*|contenus?|amélior\w*|modèles?|apprentissage)\b/iu;

function namesTheUse(label: string, tables: readonly LanguageTable[]): boolean {
  if (tablesMatch(tables, (t) => [t.settingLabel, t.trainingCue], label)) return true;
  return tablesMatch(tables, (t) => t.aiCue, label) && DATA_WORD.test(label);
}

/**
 * "A > B > C" written out in a sentence, ending at the AI setting. `relaxed` drops a first
 * segment that is not a label ("Tap your profile picture > Settings > ...").
 */
function separatorPath(text: string, tables: readonly LanguageTable[], relaxed = false): string[] | null {
  let parts = text.split(SEPARATOR);
  if (parts.length < 2) return null;
  let first = firstSegment(parts[0]!, tables);
  if (first === null && relaxed && parts.length >= 4) {
    parts = parts.slice(1);
    first = tidy(parts[0]!);
  }
  const last = lastSegment(parts.at(-1)!, tables);
  const middle = parts.slice(1, -1).map(tidy);
  if (first === null || last === null || middle.some((m) => m === '' || m.length > MAX_SEGMENT_CHARS)) return null;
  const path = [first, ...middle, last];
  if (namesTheUse(last, tables)) return path;
  const toggle = TOGGLE_AFTER.exec(parts.at(-1)!.slice(last.length));
  const label = toggle ? tidy(toggle[1] ?? toggle[2] ?? '') : '';
  return label !== '' && namesTheUse(label, tables) ? [...path, label] : null;
}

/** Known menu labels named in order (steps of a list, or one sentence), ending at the setting. */
function labelPath(text: string, tables: readonly LanguageTable[]): string[] | null {
  const hits: Array<{ index: number; label: string; setting: boolean }> = [];
  for (const t of tables) {
    for (const label of t.menuLabels) {
      const m = globalOf(label);
      for (const hit of text.matchAll(m)) hits.push({ index: hit.index, label: hit[0], setting: false });
    }
    for (const hit of text.matchAll(globalOf(t.settingLabel))) hits.push({ index: hit.index, label: hit[0], setting: true });
  }
  hits.sort((a, b) => a.index - b.index);
  const settingAt = hits.findIndex((h) => h.setting);
  if (settingAt < 1) return null;
  const path: string[] = [];
  for (const h of hits.slice(0, settingAt + 1)) {
    if (!path.some((p) => p.toLowerCase() === h.label.toLowerCase())) path.push(h.label);
  }
  return path.length >= 2 ? path : null;
}

// One step of a list: "Open Settings.", "Tap Privacy.", 'Turn off "Use my content for AI training".'
const STEP = /^\s*(?:\d+[.)]\s*)?(?:tap|click|select|go to|open|choose|navigate to|press|turn off|switch off|toggle off|uncheck|disable|appuyez sur|cliquez sur|sélectionnez|accédez à|ouvrez|allez (?:dans|sur|à)|désactivez|décochez)\s+(?:on\s+)?(?:the\s+|le\s+|la\s+|l'\s*)?["“«']?\s*(\p{Lu}[^"”»'.!?]{0,58}?)\s*["”»']?(?:\s+(?:setting|settings|toggle|tab|menu|option|section|switch|paramètre|onglet|menu))?\s*[.!]?\s*$/iu;

/** Steps of one list, each an imperative naming one label, the last about the AI use. */
function stepsPath(items: readonly Unit[], tables: readonly LanguageTable[]): string[] | null {
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
  return namesTheUse(labels.at(-1)!, tables) && !/\b(?:your|my|votre|vos|mon|ma)\b/i.test(labels.slice(0, -1).join(' ')) ? labels : null;
}

/** The ordered menu path to the AI data setting. */
export function extractOptOutPath(units: readonly Unit[], tables: readonly LanguageTable[]): Found<string[]> | null {
  const withSeparators = units.filter((u) => SEPARATOR.test(u.text));
  for (const unit of withSeparators) {
    const path = separatorPath(unit.text, tables);
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
    const steps = stepsPath(items, tables);
    if (steps !== null) return { value: steps, evidence: clip(items.at(-1)!.text) };
  }
  for (const items of lists.values()) {
    const path = labelPath(items.map((u) => u.text).join(' \n '), tables);
    if (path === null) continue;
    const last = items.find((u) => tablesMatch(tables, (t) => t.settingLabel, u.text)) ?? items[0]!;
    return { value: path, evidence: clip(last.text) };
  }
  // Steps written as sentences of one paragraph ("Select Settings & Privacy. Click Data privacy. ...").
  const paragraphs = new Map<number, Unit[]>();
  for (const unit of units) paragraphs.set(unit.blockIndex, [...(paragraphs.get(unit.blockIndex) ?? []), unit]);
  for (const sentences of paragraphs.values()) {
    if (sentences.length < 2) continue;
    const path = labelPath(sentences.map((u) => u.text).join(' '), tables);
    if (path === null) continue;
    const last = sentences.find((u) => tablesMatch(tables, (t) => t.settingLabel, u.text)) ?? sentences[0]!;
    return { value: path, evidence: clip(last.text) };
  }
  for (const unit of withSeparators) {
    const path = separatorPath(unit.text, tables, true);
    if (path !== null) return { value: path, evidence: clip(unit.text, unit.text.search(SEPARATOR)) };
  }
  for (const unit of units) {
    const path = labelPath(unit.text, tables);
    if (path !== null) return { value: path, evidence: clip(unit.text) };
  }
  return null;
}
