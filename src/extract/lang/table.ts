import type { DataCategory, Language, LegalBasis } from '../../domain/facts.js';

/**
 * The words one language uses for the facts. The extractor applies every table to every page
 * (primary language first), because French pages quote English setting names and vice versa;
 * the patterns are specific enough not to collide.
 */
export interface LanguageTable {
  language: Language;
  /** A block that starts by stating the date in force ("Effective ..."). */
  effectiveLead: RegExp;
  /** "effective [on|as of]" right before a date, inside a sentence. */
  effectiveInline: RegExp;
  lastUpdatedLead: RegExp;
  /** "The changes take effect as of the date above": the bare date line above is the date in force. */
  effectiveAsAbove: RegExp;
  /** A heading over a change log, whose bare date lines are versions of the page. */
  changeLogHeading: RegExp;
  publishedLead: RegExp;
  /** A clause announcing a future change or a future date in force. */
  futureCues: RegExp[];
  /** A clause reporting a change already made. */
  pastCues: RegExp[];
  /** Phrases that mark a statement as about the past state ("previously", "until now"). */
  pastState: RegExp;

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
  /** Words right before a region that put it outside the scope ("outside the"). */
  outsideLead: RegExp;
  /** Where one sentence splits into clauses that may differ in polarity. */
  clauseSplit: RegExp;
  /** A sentence that continues the previous one ("This includes ...", "Such data ..."). */
  anaphora: RegExp;
  /** A sentence about what happens if you opt out: its negations are not exclusions. */
  optOutConditional: RegExp;
  /** A region sentence that is about something else (controllers, authorities, law). */
  regionStopContext: RegExp;
  /** Region sentences need one of these to be about coverage. */
  coverageCue: RegExp;

  regions: Array<[RegExp, string[]]>;
  /** Phrases that contain a region name but are not a region (company names). */
  regionMasks: RegExp[];
  categories: Array<[RegExp, DataCategory]>;
  /** Words right before a category that make it an output of the AI, not its input. */
  outputLead: RegExp;

  defaultOn: RegExp;
  defaultOff: RegExp;
  /** A choice to stop the use ("you can opt out", "you can object"): the use is on unless you act. */
  optOutWording: RegExp;
  /** A use that waits for the user ("only if you opt in", "with your consent"). */
  optInWording: RegExp;
  /** Captures an age in group 1. */
  minorAge: RegExp;
  minorWord: RegExp;
  minorExclusion: RegExp;

  /** Known menu labels: the first levels of the opt-out path and the setting itself. */
  menuLabels: RegExp[];
  settingLabel: RegExp;
  /** Words that end the text before the first path segment ("go to", "under"). */
  pathLeadStop: RegExp;
  /** Lower-case words trailing the last segment ("setting", "page"). */
  pathTrailing: RegExp;

  /** A sentence naming a lawful basis ("we rely on", "on the basis of"). */
  legalBasisCue: RegExp;
  /** Words that only exist for lawful bases ("legal basis"): they open a section of bases. */
  legalBasisStrong: RegExp;
  /** Phrases that look like a basis but are transfer tools or parties ("standard contractual clauses"). Global. */
  legalBasisMasks: RegExp[];
  /** Words that make a clause a condition ("if", "where"). */
  conditionLead: RegExp;
  /** A sentence about a user's rights: the bases it names are conditions of the right. */
  rightsCue: RegExp;
  legalBases: Array<[RegExp, LegalBasis]>;
  /** Bases that count wherever they are named (the phrase only exists as a lawful basis). */
  standaloneBases: Array<[RegExp, LegalBasis]>;
  providerCue: RegExp;

  /** Common words, to detect the language from the content. */
  stopwords: Set<string>;
}

/** Whether a pattern that `pick` takes from any of the tables (any of a list of them) matches the text. */
export function tablesMatch(tables: readonly LanguageTable[], pick: (t: LanguageTable) => RegExp | RegExp[], text: string): boolean {
  return tables.some((t) => {
    const re = pick(t);
    return Array.isArray(re) ? re.some((r) => r.test(text)) : re.test(text);
  });
}
