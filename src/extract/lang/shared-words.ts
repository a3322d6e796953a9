import type { Chrono } from 'chrono-node';
import type { Language } from '../../domain/languages.js';

/**
 * The words of one language that every fact reader uses: what makes a sentence about AI and
 * training (the topic every reader asks about), negation, clause splits, abbreviations, and the
 * locales of the date parser and the country names. Each fact family's own words live in its
 * folder (`<family>/<family>-words.ts`).
 */
export interface SharedWords {
  language: Language;
  /** Mentions of AI / generative AI / models. */
  aiCue: RegExp;
  /** Mentions of training or improving models. */
  trainingCue: RegExp;
  /** Verbs of using/processing/including data. */
  dataUseCue: RegExp;
  /** Negation inside a clause. */
  negation: RegExp;
  /** Exception words that start a clause of the opposite polarity ("except", "other than"). */
  exceptionStart: RegExp;
  /** Where one sentence splits into clauses that may differ in polarity. */
  clauseSplit: RegExp;
  /** A sentence that continues the previous one ("This includes ...", "Such data ..."). */
  anaphora: RegExp;
  /** A sentence about what happens if you opt out: its negations are not exclusions. */
  optOutConditional: RegExp;
  /** Phrases that mark a statement as about the past state ("previously", "until now"). */
  pastState: RegExp;
  /** Words that make a clause a condition ("if", "where"). */
  conditionLead: RegExp;
  /** A choice to stop the use ("you can opt out", "you can object"): the use is on unless you act. */
  optOutWording: RegExp;
  /** The name of the AI data setting itself: the topic wherever it is named. */
  settingLabel: RegExp;
  /** Abbreviations whose dot ends no sentence ("e.g.", "Nov."): a regex alternation, read case-insensitively. */
  abbreviations: string;
  /** A statement about what holds from a date on ("starting", "à partir de"): a regex alternation. */
  forwardCue: string;
  /** A sentence addressed to the reader ("you", "if you"): a regex alternation, read at its start. */
  addressed: string;
  /** chrono-node's strict parser of this language (no "today", no "next week"). */
  dateParser: Chrono;
  /** How the language writes numeric dates, when the language alone says it (null: it depends on the region). */
  numericOrder: 'dmy' | 'mdy' | null;
  /** i18n-iso-countries' locale of this language. */
  countryLocale: string;
  /** Usual country names the library does not list, with their ISO codes. */
  countryAliases: Record<string, string>;
}
