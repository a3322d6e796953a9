import type { LanguageTable } from './table.js';
import { ure } from './unicode-regex.js';

const r = String.raw;

export const fr: LanguageTable = {
  language: 'fr',
  effectiveLead: ure(r`^(?:date d'entrée en vigueur|entrée en vigueur|en vigueur(?: depuis)?|date d'effet|prise d'effet|date effective|(?:applicable )?à compter du|(?:applicable )?à partir du)\s*:?\s*(?:le|du|depuis le|à compter du|à partir du)?\s*:?\s*$`),
  effectiveInline: ure(r`\b(?:entrée en vigueur|en vigueur|prend effet)\s*:?\s*(?:le|du|depuis le|à compter du|à partir du)?\s*$`),
  lastUpdatedLead: ure(r`(?:\bderni[èe]re (?:mise à jour|modification|révision)|^(?:mis|mise) à jour|^version en date du|^version du|^date de (?:la )?(?:dernière )?(?:mise à jour|révision))\s*(?:le)?\s*:?\s*$`),
  effectiveAsAbove: ure(r`\b(?:prennent|prend) effet à (?:compter de )?la date (?:ci-dessus|indiquée ci-dessus)\b|\ben vigueur à (?:compter de )?la date (?:ci-dessus|indiquée ci-dessus)\b`),
  changeLogHeading: ure(r`\b(?:modifications|mises? à jour|changements) (?:de|apportées à) (?:cette|la|notre|la présente)\b|\bhistorique des (?:versions|modifications)\b`),
  publishedLead: ure(r`\b(?:publiée?|mise? en ligne)\s*(?:le)?\s*:?\s*$`),
  futureCues: [
    ure(r`\bnous (?:mettons|allons mettre|mettrons) à jour\b|\bmettra à jour\b`),
    ure(r`\b(?:nous )?(?:modifions|allons modifier|modifierons|actualisons)\b`),
    ure(r`\b(?:entrera|entreront|prendra|prendront) (?:en vigueur|effet)\b`),
    ure(r`\bseront? (?:mise?s? à jour|modifiée?s?|en vigueur)\b`),
    ure(r`\b(?:à partir du|à compter du|dès le|le)\s+DATEMARK\b.{0,120}?\b(?:\p{L}+(?:rons|ra|ront)|allons|va|vont)\b`),
    ure(r`\b(?:\p{L}+(?:rons|ra|ront)|allons|va|vont)\b.{0,160}?\b(?:à partir du|à compter du|dès le)\s+DATEMARK\b`),
    ure(r`\bprochaines? (?:modifications|mises? à jour)\b`),
  ],
  pastCues: [
    ure(r`\bnous avons (?:mis à jour|modifié|actualisé|révisé)\b`),
    ure(r`\b(?:a|ont) été (?:mise?s? à jour|modifiée?s?|actualisée?s?|révisée?s?)\b`),
    ure(r`\b(?:est|sont) entrée?s? en vigueur\b|\ba pris effet\b|\bont pris effet\b`),
  ],
  pastState: ure(r`\bauparavant\b|\bprécédemment\b|\bjusqu'à présent\b|\bjusqu'ici\b|\bpar le passé\b`),

  aiCue: ure(r`\b(?:IA|I\.A\.|IAG|intelligence artificielle|apprentissage automatique|machine learning|modèles? (?:d'IA|d'intelligence artificielle|de langage|génératifs?|d'apprentissage(?: automatique)?|de fondation)|grands modèles de langage|LLM|création de contenu|génér\p{L}* (?:du |de )?contenu|génération de contenu)\b|\b(?:nos|ces|les|leurs|ses) modèles\b|\bmodèles et (?:des )?algorithmes\b|\bentraîn\p{L}* (?:[\p{L}'’-]+ ){0,3}?modèles?\b`),
  trainingCue: ure(r`\b(?:entraîn\p{L}*|entrain\p{L}*|former (?:nos |les |des |ces )?modèles|formation (?:de nos |des )?modèles|affiner)\b|\b(?:amélior\p{L}*|développ\p{L}*|perfectionn\p{L}*|cré\p{L}*|test\p{L}*)\s+(?:(?:et|ou|,)\s+[\p{L}-]+\s+)?(?:(?:nos|notre|les|la|le|l'|ces|des|leurs?|ses|sa|son)\s*)?(?:[\p{L}'-]+,?\s+){0,3}?(?:IA|modèles?|algorithmes?|intelligence artificielle|technologies? d'IA|fonctionnalités d'IA)\b|\bamélioration (?:de l'|des |de nos )?(?:IA|modèles?|algorithmes?)\b`),
  dataUseCue: ure(r`\b(?:utilis\p{L}*|trait\p{L}*|inclu\p{L}*|comprend\p{L}*|servir|sert|exploit\p{L}*|entraîn\p{L}*)\b`),
  // "ne"/"n'" alone is not enough: "nous n'utilisons que vos publications" means "only".
  negation: ure(r`\b(?:pas|jamais|aucune?|ni|sans|exclu|exclue|exclus|exclues|exclut|excluons)\b|\b(?:ne|n')\s*\p{L}+\s+(?:plus|rien|personne)\b`),
  exceptionStart: ure(r`\b(?:sauf|à l'exception d(?:e|u|es)|hormis|excepté|exception faite d(?:e|u|es))\b`),
  outsideLead: ure(r`\b(?:hors|en dehors)(?: d(?:e|u|es)| d')?\s*(?:l'|la |le |les )?$`),
  clauseSplit: ure(r`;\s+|,?\s+(?:mais|cependant|toutefois|tandis que|alors que|bien que)\s+|,\s+(?:et|ou)\s+(?=(?:nous|LinkedIn|il|ils|elle|elles|ces|cela|les|vous|vos|votre)\b)|\s+[-–—]\s+`),
  anaphora: ure(r`^(?:cela|ceci|ces|cette|ce|il s'agit|elles?|ils|par exemple|notamment|ces données)\b`),
  optOutConditional: ure(r`\bsi vous (?:désactivez|refusez|vous opposez|choisissez de ne pas|décochez)|\bsans votre (?:consentement|accord|autorisation)\b|\b(?:en désactivant|la désactivation d)`),
  regionStopContext: ure(r`\b(?:responsable du traitement|responsable de traitement|délégué à la protection|DPO|autorités?|droit applicable|tribunaux?|juridictions?|nous contacter|siège|immatricul\p{L}*|représentant|TVA|devise|sous-traitants?|hébergé\p{L}*|hébergement|hébergeurs?|serveurs?|centres? de données)\b`),
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
  categories: [
    [ure(r`\bphotos? de profil\b|\bavatars?\b|\bphotos?\b(?=.*\bprofils?\b)|\bprofils?\b.*\bphotos?\b`), 'profile-photo'],
    [ure(r`(?<!photos? de )\bprofils?\b`), 'profile'],
    [ure(r`\bCVs?\b|\bcurriculum\b`), 'resume'],
    [ure(r`\b(?:parcours|historique|informations?) (?:de|sur la) formation\b|(?<=, )formation(?=,| et )|\bétudes\b|\béducation\b|\bdiplômes?\b`), 'education'],
    [ure(r`\bexpériences? professionnelles?\b|\bpostes? (?:actuels?|précédents?|antérieurs?)\b|\bexpériences? (?:passées|antérieures)\b|\bparcours professionnel\b|\bemplois? (?:actuels?|précédents?)\b`), 'work-experience'],
    [ure(r`\bcompétences\b`), 'skills'],
    [ure(r`\blocalisation\b|\bemplacement\b|\blieu de résidence\b`), 'location'],
    [ure(r`\bpublications?\b|\bposts?\b|\bcontenus? (?:que vous publiez|publiés?|publics?)\b`), 'posts'],
    [ure(r`\bcommentaires?\b`), 'comments'],
    [ure(r`(?<!(?:cet|l'|un|les|des|nos|ces|d'aide|d'actualité) ?)\barticles?\b(?! d'aide)`), 'articles'],
    [ure(r`\bsondages?\b`), 'polls'],
    [ure(r`(?<!messages? (?:de|des|dans les) )\bgroupes?\b(?! de sociétés)`), 'groups'],
    [ure(r`\bmessages? (?:de|des|dans les) groupes?\b`), 'group-messages'],
    [ure(r`\b(?:retours?|avis|commentaires?|feedback) (?:que vous (?:donnez|laissez) )?sur (?:les |nos |ses |leurs )?(?:réponses|résultats|contenus générés|suggestions|fonctionnalités d'IA)\b|\bévaluations? (?:des|de nos) réponses\b|\bpouces? (?:levés?|baissés?|vers le (?:haut|bas))\b`), 'feedback'],
    [ure(r`\bprompts?\b|\binvites?\b|\bquestions (?:posées|que vous posez) à (?:l'IA|notre IA|nos fonctionnalités|l'assistant|notre assistant|notre chatbot)|\b(?:interactions?|conversations?|échanges?|discussions?) avec (?:l'IA|notre IA|nos fonctionnalités d'IA|l'IA générative|l'assistant(?: IA)?|notre assistant(?: IA)?|le chatbot|des modèles)\b|\brequêtes\b|\bentrées et (?:les )?sorties\b|\b(?:réponses|résultats) (?:générées?|fournies?|produites?) par (?:l'IA|l'assistant|le modèle)\b|\bcontenus? que vous (?:fournissez|saisissez|soumettez) à (?:l'IA|l'assistant|notre IA)\b`), 'ai-interactions'],
    [ure(r`\bcandidatures?\b`), 'job-applications'],
    [ure(r`\bquestions? de (?:présélection|sélection)\b|\bréponses? aux questions de (?:présélection|sélection)\b`), 'screening-answers'],
    [ure(r`\bcontenus? (?:de vos |des )?e-?mails?\b|\bmessages? privés?\b|\binmails?\b|\bmessagerie privée\b|\bconversations? privées?\b`), 'private-messages'],
    [ure(r`\bsalaires?\b|\bsalariales?\b|\brémunération\b`), 'salary'],
    [ure(r`\bidentifiants? de connexion\b|\bmots? de passe\b`), 'login-credentials'],
    [ure(r`\b(?:informations|données|moyens|coordonnées) (?:de|bancaires et de) paiement\b|\bcartes? (?:bancaires?|de crédit)\b`), 'payment-information'],
  ],
  outputLead: ure(r`(?<!\b(?:vous|ils|elles|membres?|nous)\s)\b(?:génér\p{L}*|suggér\p{L}*|suggestions?|rédig\p{L}*|rédaction|écri\p{L}*|compos\p{L}*|réécri\p{L}*|résumés?|cré\p{L}*)\s+(?:(?!(?:vos|votre|leurs?|membres?|inclu\p{L}*|utilis\p{L}*)\b)[\p{L}'-]+,?\s+){0,6}$`),

  defaultOn: ure(r`\b(?:activée?s?|actifs?|active) (?:par défaut|automatiquement)\b|\bpar défaut,? (?:ce|le) paramètre est (?:activé|sur « ?oui ?»)|\bsur « ?(?:oui|activé) ?» par défaut\b`),
  defaultOff: ure(r`\bdésactivée?s? par défaut\b|\b(?:ne|n')[^.]{0,100}?\bsans votre (?:consentement|accord|autorisation)\b|\bn'est pas activée? par défaut\b|\buniquement si vous (?:l'activez|y consentez|acceptez)\b|\bavec votre consentement (?:préalable|explicite)\b|\bsi vous (?:l'activez|y consentez|donnez votre consentement)\b`),
  optOutWording: ure(r`\bsauf (?:si vous vous y opposez|opposition de votre part|si vous le désactivez)\b|\bvous (?:pouvez|pourrez|avez la possibilité de)(?: (?!pas\b)[\p{L}'-]+){0,4}? (?:vous y opposer|vous opposer|le désactiver|la désactiver|désactiver (?:ce|le) paramètre|désactiver cette (?:utilisation|option|fonctionnalité)|refuser cette utilisation)\b|\bsi vous ne vous y opposez pas\b|\bsi vous souhaitez vous (?:y )?opposer\b|\bpour vous (?:y )?opposer\b`),
  optInWording: ure(r`\buniquement (?:si|lorsque) vous (?:y consentez|l'acceptez|l'activez|le choisissez)\b|\bavec votre (?:accord|consentement)(?: (?:préalable|explicite|exprès))?,? (?:[\p{L}'.+-]+ ){0,3}?(?:pouvons |pourrons |peut |pourra )?(?:également |aussi )?(?:utilis|entraîn|amélior|trait)\p{L}*|\bsous réserve de votre (?:consentement|accord)\b`),
  minorAge: ure(r`\b(?:moins de|âgée?s? de moins de|en dessous de|de moins de)\s+(\d{1,2})\s+ans\b`),
  minorWord: ure(r`\bmineur\p{L}*|\benseignement secondaire\b|\blycée\p{L}*|\benfants?\b|\badolescent\p{L}*`),
  minorExclusion: ure(r`\bn'|\b(?:ne|pas|jamais|aucune?|exclu\p{L}*|écart\p{L}*|filtr\p{L}*|retir\p{L}*)\b`),

  menuLabels: [
    ure(r`\b(?:préférences|paramètres) et confidentialité\b`),
    ure(r`\bconfidentialité des données\b`),
  ],
  settingLabel: ure(r`\bdonnées pour l'amélioration de l'IA générative\b`),
  pathLeadStop: ure(r`(?:^|[\s(:«",])(?:accédez à|allez (?:dans|sur|à)|rendez-vous (?:dans|sur)|cliquez sur|sélectionnez|ouvrez|sous|dans|à|via|sur|depuis)\s+|[:(«"]\s*`, 'gi'),
  pathTrailing: ure(r`\s+(?:paramètre|page|section|onglet|option|menu)\b.*$`),

  legalBasisCue: ure(r`\bbases? (?:juridiques?|légales?|légitimes?)\b|\bfondements? (?:juridiques?|légaux)\b|\b(?:nous )?(?:nous )?appuyons sur\b|\bs'appui(?:e|er|ent) sur\b|\bsur la base d[eu]\b|\bfondée? sur\b|\bse fonde sur\b`),
  legalBasisStrong: ure(r`\bbases? (?:juridiques?|légales?)\b|\bfondements? (?:juridiques?|légaux)?\b|\bfondée? sur le plan juridique\b|\blicéité du traitement\b|\bArt(?:icle|\.)? ?6 ?\(1\)`),
  legalBasisMasks: [
    ure(r`\bclauses contractuelles(?: types)?\b|\bCCT\b|\bcadres? de protection des données\b|\brègles d'entreprise contraignantes\b`, 'giu'),
    ure(r`\bcontract(?:er|ants?|ualisation)\b|\bsous-traitants?\b`, 'giu'),
    ure(r`\bconsentement (?:parental|des parents|du titulaire de l'autorité parentale)\b`, 'giu'),
  ],
  conditionLead: ure(r`\b(?:si|lorsque|lorsqu'|quand|dans la mesure où)\b`),
  rightsCue: ure(r`\bdroits? (?:à|d'|de|du)\b|\bportabilité\b|\bretir\p{L}*|\brévo\p{L}*|\bvous opposer\b`),
  legalBases: [
    [ure(r`\bconsentement\b|\bconsenti\p{L}*`), 'consent'],
    [ure(r`\bcontrat\p{L}*|\bcontractuel\p{L}*|\bexécution d'un contrat\b|\bobligations (?:conformément à|au titre de|en vertu de) (?:nos|des|les) conditions\b`), 'contract'],
    [ure(r`\bintérêts? légitimes?\b`), 'legitimate-interests'],
    [ure(r`\bobligations? légales?\b|\brespect(?:er)? (?:de )?la loi\b|\bconformer à la loi\b|\bobligations? (?:légales? et )?réglementaires?\b`), 'legal-obligation'],
  ],
  standaloneBases: [[ure(r`\bintérêts? légitimes?\b`), 'legitimate-interests']],
  providerCue: ure(r`\bmodèles?\b|\bfournisseu\p{L}*|\bfourni\p{L}*|\bservices?\b|\btechnolog\p{L}*`),

  stopwords: new Set([
    'le', 'la', 'les', 'de', 'des', 'du', 'et', 'vous', 'votre', 'vos', 'nous', 'notre', 'nos', 'est',
    'sont', 'pour', 'avec', 'que', 'qui', 'dans', 'sur', 'une', 'un', 'en', 'données', 'pas', 'ne', 'au', 'aux',
  ]),
};
