import * as chrono from 'chrono-node';
import type { SharedWords } from './shared-words.js';
import { ure } from './unicode-regex.js';

const r = String.raw;

/** The French words every fact reader uses. */
export const fr: SharedWords = {
  language: 'fr',
  aiCue: ure(r`\b(?:IA|I\.A\.|IAG|intelligence artificielle|apprentissage automatique|machine learning|modèles? (?:d'IA|d'intelligence artificielle|de langage|génératifs?|d'apprentissage(?: automatique)?|de fondation)|grands modèles de langage|LLM|création de contenu|génér\p{L}* (?:du |de )?contenu|génération de contenu)\b|\b(?:nos|ces|les|leurs|ses) modèles\b|\bmodèles et (?:des )?algorithmes\b|\bentraîn\p{L}* (?:[\p{L}'’-]+ ){0,3}?modèles?\b`),
  trainingCue: ure(r`\b(?:entraîn\p{L}*|entrain\p{L}*|former (?:nos |les |des |ces )?modèles|formation (?:de nos |des )?modèles|affiner)\b|\b(?:amélior\p{L}*|développ\p{L}*|perfectionn\p{L}*|cré\p{L}*|test\p{L}*)\s+(?:(?:et|ou|,)\s+[\p{L}-]+\s+)?(?:(?:nos|notre|les|la|le|l'|ces|des|leurs?|ses|sa|son)\s*)?(?:[\p{L}'-]+,?\s+){0,3}?(?:IA|modèles?|algorithmes?|intelligence artificielle|technologies? d'IA|fonctionnalités d'IA)\b|\bamélioration (?:de l'|des |de nos )?(?:IA|modèles?|algorithmes?)\b`),
  dataUseCue: ure(r`\b(?:utilis\p{L}*|trait\p{L}*|inclu\p{L}*|comprend\p{L}*|servir|sert|exploit\p{L}*|entraîn\p{L}*)\b`),
  // "ne"/"n'" alone is not enough: "nous n'utilisons que vos publications" means "only".
  negation: ure(r`\b(?:pas|jamais|aucune?|ni|sans|exclu|exclue|exclus|exclues|exclut|excluons)\b|\b(?:ne|n')\s*\p{L}+\s+(?:plus|rien|personne)\b`),
  exceptionStart: ure(r`\b(?:sauf|à l'exception d(?:e|u|es)|hormis|excepté|exception faite d(?:e|u|es))\b`),
  clauseSplit: ure(r`;\s+|,?\s+(?:mais|cependant|toutefois|tandis que|alors que|bien que)\s+|,\s+(?:et|ou)\s+(?=(?:nous|LinkedIn|il|ils|elle|elles|ces|cela|les|vous|vos|votre)\b)|\s+[-–—]\s+`),
  anaphora: ure(r`^(?:cela|ceci|ces|cette|ce|il s'agit|elles?|ils|par exemple|notamment|ces données)\b`),
  optOutConditional: ure(r`\bsi vous (?:désactivez|refusez|vous opposez|choisissez de ne pas|décochez)|\bsans votre (?:consentement|accord|autorisation)\b|\b(?:en désactivant|la désactivation d)`),
  pastState: ure(r`\bauparavant\b|\bprécédemment\b|\bjusqu'à présent\b|\bjusqu'ici\b|\bpar le passé\b`),
  conditionLead: ure(r`\b(?:si|lorsque|lorsqu'|quand|dans la mesure où)\b`),
  optOutWording: ure(r`\bsauf (?:si vous vous y opposez|opposition de votre part|si vous le désactivez)\b|\bvous (?:pouvez|pourrez|avez la possibilité de)(?: (?!pas\b)[\p{L}'-]+){0,4}? (?:vous y opposer|vous opposer|le désactiver|la désactiver|désactiver (?:ce|le) paramètre|désactiver cette (?:utilisation|option|fonctionnalité)|refuser cette utilisation)\b|\bsi vous ne vous y opposez pas\b|\bsi vous souhaitez vous (?:y )?opposer\b|\bpour vous (?:y )?opposer\b`),
  settingLabel: ure(r`\bdonnées pour l'amélioration de l'IA générative\b`),
  abbreviations: 'janv|févr|avr|juil|déc|mme|mlle|env',
  forwardCue: String.raw`à partir d|\bdès le\b|à compter d`,
  addressed: 'vous|si vous',
  dateParser: chrono.fr.strict,
  numericOrder: 'dmy',
  countryLocale: 'fr',
  countryAliases: {
    'États-Unis': 'US', 'Etats-Unis': 'US', USA: 'US', 'Grande-Bretagne': 'GB', RU: 'GB',
    'Chine continentale': 'CN', 'RAS de Hong Kong': 'HK', 'Hong Kong (RAS)': 'HK', Taïwan: 'TW',
  },
};
