import type { Language } from '../../domain/languages.js';
import { tablesMatch, withSharedWords } from '../lang/shared.js';
import { splitClauses, clauseAt } from '../sentences.js';
import type { FoundDate } from '../parse-dates.js';
import { DATES_WORDS } from './dates-words.js';

export const DATE_TABLES = withSharedWords(DATES_WORDS);
export type DateTable = (typeof DATE_TABLES)[Language];

/** The clause around a date, with the date itself replaced by a marker the cue patterns know. */
export function clauseWithMarker(sentence: string, date: FoundDate, tables: readonly DateTable[]): { text: string; before: string } {
  const marked = `${sentence.slice(0, date.index)}DATEMARK${sentence.slice(date.end)}`;
  const clause = clauseAt(splitClauses(marked, tables), date.index);
  const at = date.index - clause.start;
  return { text: clause.text, before: clause.text.slice(0, Math.max(0, at)) };
}

export type Tense = 'future' | 'past' | 'neutral';

/** Whether the clause around a date announces it, reports it as done, or neither. */
export function dateTense(sentence: string, date: FoundDate, languages: readonly Language[]): Tense {
  const tables = languages.map((l) => DATE_TABLES[l]);
  const { text } = clauseWithMarker(sentence, date, tables);
  if (tablesMatch(tables, (t) => t.pastCues, text)) return 'past';
  if (tablesMatch(tables, (t) => t.futureCues, text)) return 'future';
  return 'neutral';
}
