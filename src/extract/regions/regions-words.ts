import type { Language } from '../../domain/languages.js';
import { ure } from '../lang/unicode-regex.js';

const r = String.raw;

/** The words the regions reader looks for, in every language it reads. */
export interface RegionsWords {
  /** Words right before a region that put it outside the scope ("outside the"). */
  outsideLead: RegExp;
  /** A region sentence that is about something else (controllers, authorities, law). */
  regionStopContext: RegExp;
  /**
   * Words right before a region that attach it to an organisation or to where data goes, not to
   * the people or the use ("located in", "transferred to", "servers in"); anchored at the end.
   */
  placeLead: RegExp;
  /** People right before such a word ("members located in"): then the region is theirs after all; anchored at the end. */
  personBefore: RegExp;
  /** Words right before a region that make it a law's or an authority's ("laws of the"); anchored at the end. */
  lawBefore: RegExp;
  /** Words right after a region that make it a law's or an authority's ("EU AI Act", "UK law"); anchored at the start. */
  lawAfter: RegExp;
  /** Verbs that state a use's scope ("applies", "covers"): "worldwide" needs one, or a training word, in its clause. */
  scopeVerb: RegExp;
  /** A condition on where the reader lives ("if you live in the"), right before a region; anchored at the end. */
  readerCondition: RegExp;
  /** A sentence about a right people in a region have ("you have the right to ..."): regional law, not coverage. */
  rightsCue: RegExp;
  /** A negation that denies a choice ("cannot opt out", "no way to object"): it negates neither the use nor the regions. */
  deniedChoice: RegExp;
  /** Region sentences need one of these to be about coverage. */
  coverageCue: RegExp;
  regions: Array<[RegExp, string[]]>;
  /** Phrases that contain a region name but are not a region (company names). */
  regionMasks: RegExp[];
  /** What may stand between the regions of one list ("and", "the"): a regex alternation. */
  listGlue: string;
  /** Where features launch, not where data trains them ("available"): a regex alternation. */
  featureAvailability: string;
  /** Words that may surround the regions in a line naming the document's own scope: a regex alternation. */
  scopeFiller: string;
  /** The document itself as a sentence's subject ("this notice", "the present policy"): a regex alternation. */
  scopeSubject: string;
  /** A verb stating whom the document is for ("applies to", "covers", "is intended for"): a regex alternation. */
  scopeStatementVerb: string;
  /** People of a region ("residents of", "users who live in", "if you live in"), right before it: anchored at the end. */
  scopePeople: RegExp;
  /** A scope that adds to another or points elsewhere ("also applies", "see"): no scope of this document's own. */
  scopeAside: RegExp;
  /**
   * A section heading that adds regional terms to a global page ("Additional disclosures for EEA
   * users", "Informations complémentaires pour l'UE") when it also names a region.
   */
  supplementHeading: RegExp;
  /** Words that say such a line names a document ("privacy notice"): a regex alternation. */
  scopeWord: string;
}

export const REGIONS_WORDS: Record<Language, RegionsWords> = {
  en: {
    outsideLead: /\b(?:outside(?: of)?|beyond)\s+(?:the\s+)?$/i,
    regionStopContext: /\b(?:controller|data protection officer|dpo|supervisory authorit\w*|regulator\w*|commissioner\w*|ombudsm[ae]n|data protection (?:authority|board|commission)|governing law|laws? of|courts?|jurisdiction|contact us|responsible for (?:your|the processing)|headquarter\w*|incorporated|registered office|representative|lead authority|tax|vat|currency|sub-?processors?|hosting|hosted|data cent(?:er|re)s?|servers?|international (?:data )?transfers?|transfer(?:s|red|ring)? (?:of )?(?:your |personal )?(?:data|information)|cross-border|adequacy)\b/i,
    placeLead: /\b(?:located|based|headquartered|established|incorporated|registered|domiciled|situated|organi[sz]ed|operat(?:es|ing)|stored|hosted|housed|held|processed|kept|transferred|transfers?|transferring|sent|sends|send|moved|a (?:company|corporation|business|firm) (?:registered )?|(?:teams?|staff|engineers?|researchers?|reviewers?|annotators?|offices?|subsidiar(?:y|ies)|affiliates?|contractors?|vendors?|suppliers?|partners?|universit(?:y|ies)|labs?|facilit(?:y|ies)|compan(?:y|ies)|businesses|firms|organi[sz]ations))(?: (?:data|it|them|your data|personal data|information|to servers))?\s+(?:in|to|into|within)\s+(?:the\s+)?(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s+)?$|\b(?:leav(?:e|es|ing)|left|exit(?:s|ing)?)\s+(?:the\s+)?$|\b(?:transfer\w*|mov(?:e|es|ed|ing)|sen(?:d|ds|t|ding)|stor(?:e|es|ed|ing)|host(?:s|ed|ing)?|flow(?:s|ing)?|travel\w*)\b(?:\s+(?!(?:members?|users?|people|persons?|customers?|individuals?|residents?|those|anyone|everyone|who)\b)[\w'’-]+){0,4}?\s+(?:outside(?: of)?|beyond)\s+(?:the\s+)?$/i,
    personBefore: /\b(?:members?|users?|people|persons?|customers?|individuals?|adults?|residents?|travell?ers?|creators?|sellers?|buyers?|account holders?|children|minors|teens?|employees|you|who|those|anyone|everyone)(?:\s+(?:who|that))?(?:\s+(?:are|is|were|currently|mainly|primarily))*\s+$/i,
    lawBefore: /\b(?:laws?|legislation|regulations?|rules|requirements|authorit(?:y|ies)|regulators?|courts?|governments?|parliament|commission)\s+(?:of|in|from)\s+(?:the\s+)?$/i,
    lawAfter: /^(?:'s|’s)?\s*(?:AI Act|Artificial Intelligence Act|Digital Services Act|Digital Markets Act|Data Act|GDPR|(?:data protection |privacy |consumer |AI )?(?:law|laws|legislation|regulations?|rules|requirements|standards?|directives?|act)|Commission|Parliament|Council|Court|courts|authorit(?:y|ies)|regulators?|government)\b/i,
    scopeVerb: /\b(?:appl(?:y|ies|ied)|cover(?:s|ed)?|extend(?:s|ed)?|concerns?|concerned)\b/i,
    readerCondition: /\b(?:if|where|when) you(?:'re| are)? (?:live|living|reside|residing|located|based|resident|a resident of|are|in)(?: (?:in|of))?\s+(?:the\s+)?$/i,
    rightsCue: /\b(?:have|has|exercise|exercising) (?:the |a |certain |these |additional |your |specific )?rights?\b|\b(?:your|these|certain|additional|specific|privacy|data protection) rights\b|\bright (?:to|of) (?:object|access|request|erasure|delete|deletion|be|know|correct|rectif\w*|portab\w*|restrict\w*|withdraw|lodge|complain)|\bentitled to\b/i,
    deniedChoice: /\b(?:no (?:way|option|means)(?: for [\w\s]{1,40}?)? to|cannot|can't|can not|(?:are|is|be) not (?:able|allowed|permitted) to|unable to|not possible to|may not|won't be able to|will not be able to)\s+(?:\w+\s+){0,2}?(?:opt(?:-| )?out|object|exclude|turn (?:\w+ )?off|switch (?:\w+ )?off|disable|withdraw|refuse)\b|\bcannot be (?:excluded|turned off|switched off|disabled)\b/i,
    coverageCue: /\b(?:use|uses|used|using|train|trains|trained|training|process|processes|processed|processing|apply|applies|applied|cover|covers|covered|enable|enabling|enabled|available|include|includes|included|extend|extends|expand|expanding|members? (?:in|from|located|based|who live)|data (?:from|of)|setting|opt[- ]out|object)\b/i,
    // Countries come from i18n-iso-countries (countries.ts); these are the unions and abbreviations it lacks.
    regions: [
      [/\bdesignated countries\b/i, ['EU', 'EEA', 'CH']],
      [/\beuropean union\b/i, ['EU']],
      [/\bEU\b/, ['EU']],
      [/\beuropean economic area\b/i, ['EEA']],
      [/\bEEA\b/, ['EEA']],
      [/\bCH\b/, ['CH']],
      [/(?<!\ban? )\bworldwide\b(?!,? (?:non-exclusive|transferable|royalty|licen[cs]e|right|sublicensable|basis))|\bglobally\b|\beverywhere\b|\ball (?:regions|countries|markets|locations)\b|\baround the world\b|\bin every (?:country|region)\b/i, ['GLOBAL']],
    ],
    regionMasks: [
      /\blinkedin (?:ireland|singapore|corporation|india|australia|japan|canada|hong kong|brasil|brazil)(?: unlimited company| pte\.? ltd\.?| private limited| corp\w*)?/gi,
      /\b(?:eu|uk|swiss)[- ]u\.?s\.? data privacy framework\b|\bdata privacy framework\b/gi,
      /\bstandard contractual clauses\b/gi,
      // Laws named after a region are no coverage ("Art. 6 GDPR / UK GDPR").
      /\b(?:UK|EU|Swiss|U\.K\.) (?:GDPR|Data Protection Act|law|laws|Addendum|International Data Transfer \w+)\b/g,
    ],
    listGlue: String.raw`\band\b|\bor\b|\bthe\b|\bmembers? (?:in|from)\b`,
    featureAvailability: String.raw`available|availability|unavailable|launch\w*|roll(?:s|ed|ing)? out`,
    scopeFiller: 'and|or|the|for|in|residents?|users|privacy|policy|notice|statement|addendum|supplement|regional',
    scopeSubject: String.raw`\b(?:this|the present|our) (?:[\w-]+ ){0,3}?(?:notice|policy|statement|addendum|supplement|document)\b`,
    scopeStatementVerb: String.raw`\b(?:appl(?:y|ies)|covers?|(?:is|are) (?:intended |meant |written |addressed )?(?:for|to)|concerns?|governs?)\b`,
    scopePeople: /\b(?:(?:residents?|users?|people|persons?|individuals?|consumers?|customers?|members?|visitors?|you)(?: (?:who|that))?(?: (?:are|is))?(?: (?:living|live|lives|resid(?:e|es|ing)|located|based|resident))? (?:of|in|from)|(?:if|where|when) you (?:live|reside|are (?:located|based|a resident|resident)) (?:in|of))\s+(?:the\s+)?$/i,
    scopeAside: /\b(?:also|additionally|in addition|as well|see|refer|read|visit|except|excluding|outside|other than)\b/i,
    supplementHeading: /\b(?:additional|supplement\w*|specific|disclosures?|notice|rights|residents?|jurisdictions?|country-specific|region-specific|regional|local law)\b/i,
    scopeWord: 'privacy|policy|notice|statement|addendum|supplement',
  },
  fr: {
    outsideLead: ure(r`\b(?:hors|en dehors)(?: d(?:e|u|es)| d')?\s*(?:l'|la |le |les )?$`),
    regionStopContext: ure(r`\b(?:responsable du traitement|responsable de traitement|délégué à la protection|DPO|autorités?|commissa\p{L}*|CNIL|droit applicable|tribunaux?|juridictions?|nous contacter|siège|immatricul\p{L}*|représentant|TVA|devise|sous-traitants?|hébergé\p{L}*|hébergement|hébergeurs?|serveurs?|centres? de données|transferts? (?:de données|internationaux)|transfér\p{L}*|adéquation)\b`),
    placeLead: ure(r`\b(?:situé\p{L}*|basé\p{L}*|établi\p{L}*|implanté\p{L}*|domicilié\p{L}*|enregistré\p{L}*|immatriculé\p{L}*|stocké\p{L}*|conservé\p{L}*|traité\p{L}*|transféré\p{L}*|transfert\p{L}*|transférons|envoyé\p{L}*|une (?:société|entreprise) (?:de droit )?|siège (?:social )?(?:est )?(?:situé )?|(?:équipes?|bureaux|filiales?|ingénieu\p{L}*|chercheu\p{L}*|partenaires|laboratoires?|universités?|entreprises|sociétés)(?: (?:d'|de )?(?:IA|R&D|\p{L}+))?)(?: (?:les données|vos données|elles|ils))?\s+(?:en|aux?|dans|vers|à|hors)\s*(?:l'|la |le |les )?(?:\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)?,\s+(?:en |aux? )?(?:l'|la |le |les )?)?$|\b(?:transf\p{L}*|envoy\p{L}*|stock\p{L}*|héberg\p{L}*|déplac\p{L}*|quitt\p{L}*|sort\p{L}*)(?:\s+(?!(?:membres?|utilisat\p{L}*|personnes?|clients?|résident\p{L}*)(?!\p{L}))[\p{L}'’-]+){0,4}?\s+(?:hors|en dehors)(?: d(?:e|u|es)| d')?\s*(?:l'|la |le |les )?$|\bquitt\p{L}*\s+(?:l'|la |le |les )?$`),
    personBefore: ure(r`\b(?:membres?|utilisateur\p{L}*|personnes?|clients?|client\p{L}*|résident\p{L}*|adultes?|voyageu\p{L}*|enfants|mineurs|vous|qui|ceux|celles)(?:\s+(?:qui|sont|êtes|est|actuellement))*\s+$`),
    lawBefore: ure(r`\b(?:lois?|législation|droit|réglementation|règlement|règles|exigences|autorités?|tribunaux|gouvernement|commission|parlement)\s+(?:de l'|de la |du |des |de |en |aux? )$|\b(?:AI Act|RGPD|DSA|DMA|règlement (?:européen |général )?sur [^.;,]{1,30}?)\)?\s+(?:de l'|de la |du |des )$`),
    lawAfter: ure(r`^\s*(?:AI Act|RGPD|DSA|DMA)\b`),
    scopeVerb: ure(r`\b(?:s'appliqu\p{L}*|appliqu\p{L}*|couvr\p{L}*|concern\p{L}*|étend\p{L}*)`),
    readerCondition: ure(r`\b(?:si|lorsque) vous (?:résidez|vivez|habitez|êtes situé\p{L}*|êtes basé\p{L}*|vous trouvez|êtes) (?:en|dans|aux?)\s*(?:l'|la |le |les )?$`),
    rightsCue: ure(r`\b(?:vous )?(?:disposez|bénéficiez|avez|exercer) (?:du |d'un |de |des |de vos |vos )?droits?\b|\bdroits? (?:d'accès|d'opposition|de rectification|à l'effacement|à la portabilité|de vous opposer)|\bvos droits\b`),
    deniedChoice: ure(r`\b(?:(?:pas|aucunement) possible de|impossible de|aucun moyen de|(?:ne|n') ?(?:pouvez|peuvent|pourrez|pourront|peut|pourra) pas)\s+(?:\p{L}+\s+){0,2}?(?:vous opposer|s'opposer|désactiver|refuser|exclure|être exclu\p{L}*|retirer)`),
    coverageCue: ure(r`\b(?:utilis\p{L}*|entraîn\p{L}*|trait\p{L}*|appliqu\p{L}*|couvr\p{L}*|concern\p{L}*|activ\p{L}*|disponible|inclu\p{L}*|étend\p{L}*|membres?|données (?:de|des)|paramètre|refuser|vous opposer)\b`),
    regions: [
      [ure(r`\bpays désignés\b`), ['EU', 'EEA', 'CH']],
      [ure(r`\bunion européenne\b`), ['EU']],
      [ure(r`\bUE\b`, ''), ['EU']],
      [ure(r`\bespace économique européen\b|\bEEE\b`), ['EEA']],
      [ure(r`\bCH\b`, ''), ['CH']],
      [ure(r`\bdans le monde entier\b|\bpartout dans le monde\b|\btous les pays\b|\btoutes les régions\b|\bà l'échelle mondiale\b`), ['GLOBAL']],
    ],
    regionMasks: [
      ure(r`\blinkedin (?:ireland|irlande|singapore|corporation)(?: unlimited company)?`, 'gi'),
      ure(r`\bRGPD (?:du |de l'|de la )?(?:Royaume-Uni|RU|UE)\b|\b(?:droit|lois?) (?:du Royaume-Uni|de l'UE|suisse)\b`, 'gi'),
    ],
    listGlue: String.raw`\bet\b|\bou\b|\bla\b|\ble\b|\bl'|\bde\b|\bdu\b|\bdes\b|\baux?\b|\ben\b`,
    featureAvailability: 'disponibles?|disponibilité|indisponibles?',
    scopeFiller: String.raw`et|ou|la|le|les|l'|pour|en|de|du|des|utilisateurs|résidents|politique|de confidentialité|confidentialité|avis|déclaration|régional\w*`,
    scopeSubject: String.raw`\b(?:cet avis|cette (?:politique|déclaration|notice|charte)|(?:le|la) présente? (?:avis|politique|déclaration|notice|charte)|ce document)\b`,
    scopeStatementVerb: String.raw`(?:\bs'appliqu\w*|\bconcern\w*|\bvise\b|\bvisent\b|\best destinée?\b|\bs'adresse\b|\bcouvre\b)`,
    scopePeople: ure(r`\b(?:(?:résident\p{L}*|utilisat(?:eur|rice)s?|personnes?|membres?|clients?|consommat\p{L}*|vous)(?: (?:qui|résidant|vivant|situé\p{L}*|établi\p{L}*))?(?: (?:résident|résidez|vivent|vivez|habitent|habitez|se trouvent|sont situé\p{L}*|êtes situé\p{L}*))? (?:en|dans|aux?|de|du|des)|si vous (?:résidez|vivez|habitez|êtes situé\p{L}*|vous trouvez) (?:en|dans|aux?))\s*(?:l'|la |le |les )?$`),
    scopeAside: ure(r`\b(?:aussi|également|en outre|voir|consultez|reportez|sauf|hors|à l'exception)\b`),
    supplementHeading: ure(r`\b(?:complément\p{L}*|supplémentaire\p{L}*|spécifique\p{L}*|dispositions?|informations? (?:pour|relatives|concernant)|droits|résidents?|régional\p{L}*|avis)\b`),
    scopeWord: 'politique|confidentialité|avis|déclaration',
  },
};
