import type { Language } from '../../domain/languages.js';
import { ure } from '../lang/unicode-regex.js';

const r = String.raw;

/** The words the providers reader looks for, in every language it reads. */
export interface ProvidersWords {
  providerCue: RegExp;
  /** The word "model(s)": a regex alternative. */
  modelWord: string;
  /** A party using data for its own models or purposes, not supplying ours: a regex alternative. */
  ownUse: string;
  /** Supplying models ("powered by", "built on"): a regex alternation. */
  supply: string;
  /** Hosting or storing data, infrastructure: a regex alternation. */
  hosting: string;
  /** Advertising and marketing: a regex alternative. */
  advertising: string;
  /** A product the user connects, links or signs in with: an integration, not a supplier of ours: a regex alternation. */
  integration: string;
  /** A sub-processor's description that is an AI tool ("AI agent"): a regex alternative. */
  aiTool: string;
  /**
   * Parties as a table's subject ("Sub-processor", "Vendor", "Sous-traitant"): only a table of
   * parties names a supplier in its first cell; a table of purposes or features does not. A regex alternative.
   */
  partyTable: string;
  /**
   * A name set beside ours or given as an example of a technology ("unlike ChatGPT", "compared
   * with GPT-4", "models, like Llama, are a type of AI"): no supplier of ours. A regex alternative.
   */
  comparison: string;
  /**
   * A company named for a tie that supplies nothing ("our research partners", "our founders worked
   * at", "guidance published by", "a member of ... alongside"). A regex alternative.
   */
  affiliation: string;
}

export const PROVIDERS_WORDS: Record<Language, ProvidersWords> = {
  en: {
    providerCue: /\bmodels?\b|\bprovider\w*|\bsuppl\w+|\bservices?\b|\btechnolog\w+|\bpowered by\b/i,
    modelWord: String.raw`\bmodels?\b`,
    ownUse: String.raw`\b(?:their|its) own (?:[\w-]+ )?(?:models?|purposes|products)\b`,
    supply: 'suppl(?:y|ies|ied)|provided by|powered by|built (?:on|with)|uses? (?:the )?models?',
    hosting: 'host(?:s|ed|ing)?|stor(?:e|es|ed|age)|data cent(?:er|re)s?|infrastructure|servers?|run(?:s|ning)? on|compute',
    advertising: String.raw`\badvertis\w*|\bads\b|\bmarketing\b`,
    integration: String.raw`integrat(?:e|es|ed|ing|ions?)|connect(?:s|ed|ing)? (?:your|it to|them to|to your)|link(?:s|ed|ing)? (?:your|it to)|sign(?:s|ed|ing)? (?:in|up) with|log(?:s|ged|ging)? in with|export(?:s|ed|ing)? (?:\w+ )?(?:to|into)|import(?:s|ed|ing)? (?:\w+ )?from|plug-?ins?|browser extensions?`,
    aiTool: String.raw`\b(?:ai|genai|generative ai) (?:tools?|agents?|assistants?|models?|chatbots?)\b|\b(?:provider|supplier) of (?:ai|generative ai|language) models\b`,
    partyTable: String.raw`\b(?:sub-?processors?|processors?|vendors?|suppliers?|(?:service |third-party |ai )?providers?|partners?|third[- ]part(?:y|ies)|recipients?|compan(?:y|ies)|entit(?:y|ies)|organi[sz]ations?)\b`,
    comparison: String.raw`\bunlike\b|\bcompared? (?:to|with|against)\b|\bcomparisons?\b|\bbenchmarks?\b|\bsimilar to\b|\bversus\b|\bvs\.?\s|\boutperform\w*|\bcompetitors?\b|\balternatives? to\b|\b(?:is|are) (?:a |an )?(?:type|kind|form|example|class)s? of\b`,
    affiliation: String.raw`\b(?:research|academic) partners?\b|\buniversit(?:y|ies)\b|\bfounders?\b|\bfounded by\b|\b(?:worked|working) (?:at|for)\b|\b(?:is|are|as) (?:a |an )?members? of\b|\balongside\b`,
  },
  fr: {
    providerCue: ure(r`\bmodèles?\b|\bfournisseu\p{L}*|\bfourni\p{L}*|\bservices?\b|\btechnolog\p{L}*`),
    modelWord: String.raw`\bmod[eè]les?\b`,
    ownUse: String.raw`\bleurs? propres (?:modèles|fins|produits)\b`,
    supply: String.raw`fourni\w* par|repos\w* sur`,
    hosting: String.raw`héberg\w*|stock\w*|infrastructure|serveurs?|centres? de données`,
    advertising: String.raw`\bpublicit\w*`,
    integration: String.raw`intégr\w*|connect\w* (?:votre|vos|à votre)|reli\w* (?:votre|vos)|associ\w* (?:votre|vos)|(?:se )?connecter avec|export\w* (?:\w+ )?vers|import\w* (?:\w+ )?depuis|extensions? de navigateur`,
    aiTool: String.raw`\b(?:outils?|agents?|assistants?|modèles?) (?:d'|d’)?IA\b|\bIA générative\b`,
    partyTable: String.raw`\bsous-traitants?\b|\bfournisseurs?\b|\bprestataires?\b|\bpartenaires?\b|\btiers\b|\bdestinataires?\b|\bsociétés?(?=\s|$)|\bentités?(?=\s|$)|\borganismes?\b`,
    comparison: String.raw`\bcontrairement (?:à|aux?)(?=\s)|\bcompar\w*|\bpar rapport (?:à|aux?)(?=\s)|\bconcurrents?\b|\bsimilaires? (?:à|aux?)(?=\s)|\b(?:est|sont) (?:un|une|des) (?:type|forme|exemple|genre)s? d(?:e |')`,
    affiliation: String.raw`\bpartenaires? (?:de recherche|académiques?|universitaires?)|\buniversit|\bfondat(?:eur|rice)s?\b|\bfondée? par\b|\b(?:a|ont) travaillé (?:chez|pour)\b|\b(?:est|sommes|sont) membres? de\b|\baux côtés de\b`,
  },
};
