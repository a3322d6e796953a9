import { LANGUAGES, type Language } from '../../domain/languages.js';
import { alternatives, tablesMatch, withSharedWords } from '../lang/shared.js';
import { globalOf } from '../global-of.js';
import { OPT_OUT_PATH_WORDS } from './opt-out-path-words.js';

/** Reading menu paths ("Settings > Data privacy > ...") and the labels in them. */

const PATH_TABLES = withSharedWords(OPT_OUT_PATH_WORDS);

export const SEPARATOR = /\s*(?:>|›|→|➔|➜)\s*/;
const QUOTES = /^[\s"“”«»'*]+|[\s"“”«»'*]+$/g;
const ARTICLE = new RegExp(String.raw`^(?:${alternatives((l) => OPT_OUT_PATH_WORDS[l].article)})\s*`, 'i');
export const MAX_SEGMENT_CHARS = 60;
const IMPERATIVE = new RegExp(String.raw`^\s*(?:${alternatives((l) => OPT_OUT_PATH_WORDS[l].imperative)})\s+`, 'i');
// "your profile picture" is not a menu.
export const POSSESSIVE = new RegExp(String.raw`\b(?:${alternatives((l) => OPT_OUT_PATH_WORDS[l].possessive)})\b`, 'i');
// Where the last label of a path ends: punctuation, a joined clause ("and then"), a purpose.
const SEGMENT_END = new RegExp(
  [String.raw`[.,;:!?)]|\s+(?:${alternatives((l) => OPT_OUT_PATH_WORDS[l].pathJoiners)})\s+(?=[\p{Ll}])`, ...LANGUAGES.flatMap((l) => OPT_OUT_PATH_WORDS[l].pathPurpose ?? [])].join('|'),
  'u',
);

export function tidy(segment: string): string {
  return segment.replace(QUOTES, '').replace(ARTICLE, '').replace(QUOTES, '').trim();
}

export function firstSegment(text: string, languages: readonly Language[]): string | null {
  const tables = languages.map((l) => PATH_TABLES[l]);
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
  if (POSSESSIVE.test(segment)) return null;
  return segment && segment.length <= MAX_SEGMENT_CHARS && /^[\p{Lu}\d]/u.test(segment) ? segment : null;
}

export function lastSegment(text: string, languages: readonly Language[]): string | null {
  const tables = languages.map((l) => PATH_TABLES[l]);
  let segment = text.split(SEGMENT_END)[0] ?? '';
  segment = tidy(segment);
  for (const t of tables) segment = segment.replace(t.pathTrailing, '');
  segment = tidy(segment);
  return segment && segment.length <= MAX_SEGMENT_CHARS ? segment : null;
}

// "Settings > Data controls and switch off Improve the model for everyone": the toggle after the menus.
const TOGGLE_AFTER = new RegExp(alternatives((l) => OPT_OUT_PATH_WORDS[l].toggleAfter), 'u');

// An AI label about data or models ("Generative AI data"), not an AI feature ("AI summaries").
const DATA_WORD = new RegExp(String.raw`\b(?:${alternatives((l) => OPT_OUT_PATH_WORDS[l].dataWord)})\b`, 'iu');

export function namesTheUse(label: string, languages: readonly Language[]): boolean {
  const tables = languages.map((l) => PATH_TABLES[l]);
  if (tablesMatch(tables, (t) => [t.settingLabel, t.trainingCue], label)) return true;
  return tablesMatch(tables, (t) => t.aiCue, label) && DATA_WORD.test(label);
}

/**
 * "A > B > C" written out in a sentence, ending at the AI setting. `relaxed` drops a first
 * segment that is not a label ("Tap your profile picture > Settings > ...").
 */
export function separatorPath(text: string, languages: readonly Language[], relaxed = false): string[] | null {
  let parts = text.split(SEPARATOR);
  if (parts.length < 2) return null;
  let first = firstSegment(parts[0]!, languages);
  if (first === null && relaxed && parts.length >= 4) {
    parts = parts.slice(1);
    first = tidy(parts[0]!);
  }
  const last = lastSegment(parts.at(-1)!, languages);
  const middle = parts.slice(1, -1).map(tidy);
  if (first === null || last === null || middle.some((m) => m === '' || m.length > MAX_SEGMENT_CHARS)) return null;
  const path = [first, ...middle, last];
  if (namesTheUse(last, languages)) return path;
  const toggle = TOGGLE_AFTER.exec(parts.at(-1)!.slice(last.length));
  const label = toggle ? tidy(toggle.slice(1).find((g) => g !== undefined) ?? '') : '';
  return label !== '' && namesTheUse(label, languages) ? [...path, label] : null;
}

/** Known menu labels named in order (steps of a list, or one sentence), ending at the setting. */
export function labelPath(text: string, languages: readonly Language[]): string[] | null {
  const tables = languages.map((l) => PATH_TABLES[l]);
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

