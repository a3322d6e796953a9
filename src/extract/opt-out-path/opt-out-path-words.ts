import type { Language } from '../../domain/languages.js';
import { ure } from '../lang/unicode-regex.js';

const r = String.raw;

/** The words the opt out path reader looks for, in every language it reads. */
export interface OptOutPathWords {
  /** Known menu labels: the first levels of the opt-out path and the setting itself. */
  menuLabels: RegExp[];
  /** Words that end the text before the first path segment ("go to", "under"). */
  pathLeadStop: RegExp;
  /** Lower-case words trailing the last segment ("setting", "page"). */
  pathTrailing: RegExp;
  /** Articles before a label ("the Settings menu"): a regex alternation. */
  article: string;
  /** Imperatives before a label ("tap", "go to"): a regex alternation. */
  imperative: string;
  /** Possessives that make a phrase a thing, not a menu ("your profile picture"): a regex alternation. */
  possessive: string;
  /** Words joining a clause after the last label ("and", "then"): a regex alternation. */
  pathJoiners: string;
  /** A purpose that ends the last label ("... pour le désactiver"): a regex alternative, or null. */
  pathPurpose: string | null;
  /** The toggle named after the menus ("and switch off <Label>"): one regex alternative with one capture group. */
  toggleAfter: string;
  /** Words that make an AI label about data or models: a regex alternation. */
  dataWord: string;
  /** The verbs of a numbered step ("Open", "Turn off"): a regex alternation. */
  stepVerb: string;
  /** Articles after a step's verb, each with its trailing space: a regex alternation. */
  stepArticle: string;
  /** Nouns after a step's label ("setting", "tab"): a regex alternation. */
  stepNoun: string;
}

export const OPT_OUT_PATH_WORDS: Record<Language, OptOutPathWords> = {
  en: {
    menuLabels: [
      /\bsettings\s*(?:&|&amp;|and)\s*privacy\b/i,
      /\bdata privacy\b/i,
    ],
    pathLeadStop: /(?:^|[\s(:"“,])(?:go to|navigate to|visit|open|click|select|tap|choose|under|in|at|via|from|to|on)\s+|[:(“"]\s*/gi,
    pathTrailing: /\s+(?:setting|settings|page|section|tab|toggle|option|menu|screen)\b.*$/i,
    article: 'the',
    imperative: 'tap|click|select|go to|open|choose|navigate to|touch|press',
    possessive: 'your|my',
    pathJoiners: 'and|then|to',
    pathPurpose: null,
    toggleAfter: String.raw`\b(?:switch|turn|toggle) off\s+(?:the\s+)?["“']?(\p{Lu}[^.;:"”']{2,60}?)["”']?(?:\s+(?:setting|toggle|control|option|switch))?\s*(?:[.;]|$)`,
    dataWord: String.raw`data|content|improv\w*|models?|learning`,
    stepVerb: 'tap|click|select|go to|open|choose|navigate to|press|turn off|switch off|toggle off|uncheck|disable',
    stepArticle: String.raw`the\s+`,
    stepNoun: 'setting|settings|toggle|tab|menu|option|section|switch',
  },
  fr: {
    menuLabels: [
      ure(r`\b(?:préférences|paramètres) et confidentialité\b`),
      ure(r`\bconfidentialité des données\b`),
    ],
    pathLeadStop: ure(r`(?:^|[\s(:«",])(?:accédez à|allez (?:dans|sur|à)|rendez-vous (?:dans|sur)|cliquez sur|sélectionnez|ouvrez|sous|dans|à|via|sur|depuis)\s+|[:(«"]\s*`, 'gi'),
    pathTrailing: ure(r`\s+(?:paramètre|page|section|onglet|option|menu)\b.*$`),
    article: "le|la|les|l'",
    imperative: 'appuyez sur|cliquez sur|sélectionnez|accédez à|ouvrez|allez (?:dans|sur|à)',
    possessive: 'votre|vos|mon|ma',
    pathJoiners: 'et|puis',
    // "pour" / "afin de" end a label only before a verb ("... > X pour le désactiver"), not in "pour tous".
    pathPurpose: String.raw`\s+(?:pour|afin d[e'])\s*(?=(?:l[ae]s?\s+|l'|y\s+)?\p{Ll}+(?:er|ir|re)\b)`,
    toggleAfter: String.raw`\b(?:désactivez|décochez)\s+(?:l'option\s+|le bouton\s+)?[«"“]\s*(\p{Lu}[^»"”]{2,60}?)\s*[»"”]`,
    dataWord: String.raw`donn\w*|contenus?|amélior\w*|modèles?|apprentissage`,
    stepVerb: 'appuyez sur|cliquez sur|sélectionnez|accédez à|ouvrez|allez (?:dans|sur|à)|désactivez|décochez',
    stepArticle: String.raw`le\s+|la\s+|l'\s*`,
    stepNoun: 'paramètre|onglet|menu',
  },
};
