import type { Language } from '../../domain/languages.js';
import type { LegalBasis } from '../../domain/facts.js';
import { ure } from '../lang/unicode-regex.js';
import type { ArticleWords } from './gdpr-article-bases.js';

const r = String.raw;

/** The words the legal basis reader looks for, in every language it reads. */
export interface LegalBasisWords {
  /** A sentence naming a lawful basis ("we rely on", "on the basis of"). */
  legalBasisCue: RegExp;
  /** Words that only exist for lawful bases ("legal basis"): they open a section of bases. */
  legalBasisStrong: RegExp;
  /** Phrases that look like a basis but are transfer tools or parties ("standard contractual clauses"). Global. */
  legalBasisMasks: RegExp[];
  /** A sentence about a user's rights: the bases it names are conditions of the right. */
  rightsCue: RegExp;
  legalBases: Array<[RegExp, LegalBasis]>;
  /** Bases that count wherever they are named (the phrase only exists as a lawful basis). */
  standaloneBases: Array<[RegExp, LegalBasis]>;
  /**
   * The regulation's own wording of a basis ("necessary for the performance of a contract",
   * "nécessaire à l'exécution du contrat"): a statement of that basis wherever it stands, except
   * in a sentence about a user's right, where it is the right's condition. "To comply with our
   * legal obligations" is a purpose, not this wording.
   */
  basisPhrases: Array<[RegExp, LegalBasis]>;
  /** How GDPR Art. 6(1) points are cited: each point names a basis wherever it is cited. */
  gdprArticle: ArticleWords;
  /**
   * A heading about what allows the processing, without the words "legal basis" ("Grounds for
   * processing", "Ce qui nous permet de traiter vos données"): it opens a section of bases, as a
   * heading (or a short line introducing a list), never in prose.
   */
  groundsHeading: RegExp;
  /**
   * Contractual necessity said without the word "contract" ("we need it to provide you the
   * service"): a contract basis only inside a section of bases, elsewhere it is a purpose.
   */
  contractNecessity: RegExp;
  /** A table column header about the reasons for processing ("Legal basis", "Quelle justification ?"). */
  basisColumnHeader: RegExp;
}

export const LEGAL_BASIS_WORDS: Record<Language, LegalBasisWords> = {
  en: {
    legalBasisCue: /\b(?:lawful|legal) (?:bas[ie]s|grounds?)\b|\bnecessary (?:for|to) (?:the )?perform\w* (?:of )?(?:a|our|the|your) (?:contract|agreement)\b|\bbas[ie]s (?:for|of) (?:processing|the processing)\b|\brely on\b|\brelies on\b|\bon the basis of\b|\bbased on (?:your|our)\b|\bon the grounds? (?:that|of)\b/i,
    legalBasisStrong: /\b(?:lawful|legal) (?:bas[ie]s|grounds?|justifications?)\b|\blawfulness of (?:the )?processing\b|\bbas[ie]s (?:for|of) (?:processing|the processing)\b|\bArt(?:icle|\.)? ?6 ?\(1\)/i,
    legalBasisMasks: [
      /\bstandard contract(?:ual)? clauses\b|\bcontractual clauses\b|\bSCCs?\b|\bdata privacy frameworks?\b|\bbinding corporate rules\b/gi,
      /\bcontract(?:ors?|ing)\b/gi,
      /\b(?:verifiable )?parental (?:or guardian )?consent\b|\bconsent (?:of|from) (?:a|your|the|their) parents?(?: or guardians?)?\b/gi,
    ],
    rightsCue: /\bright (?:to|of)\b|\bportability\b|\bwithdraw\w*|\brevok\w*|\bopt[- ]out\b/i,
    legalBases: [
      [/\bconsent(?:s|ed)?\b/i, 'consent'],
      [/\bcontract(?:ual)?\b|\bperformance of (?:a|our|the|your) (?:contract|agreement|terms)s?\b|\b(?:our|the|an?) (?:service |user )?agreements? with you\b|\bservice agreement\b|\bobligations (?:to you )?under (?:our|these|the) (?:terms|conditions)\b|\b(?:perform\w*|fulfil\w*|carr(?:y|ying) out) (?:of )?(?:our|the|these|your) (?:terms|user agreement)\b/i, 'contract'],
      [/\blegitimate (?:business )?interests?\b/i, 'legitimate-interests'],
      [/\blegal(?:ly)? (?:stipulated |required )?obligations?\b|\bcompl(?:y|iance) with (?:the |a |our |any )?(?:applicable |relevant )?(?:laws?|legal|regulations?)\b/i, 'legal-obligation'],
    ],
    standaloneBases: [[/\blegitimate (?:business )?interests?\b/i, 'legitimate-interests']],
    basisPhrases: [
      [/\bperformance of (?:a|the|our|your|any) (?:contract|agreement)s?\b|\bnecessary (?:for us )?(?:for|to|in order to) (?:(?:enter into|conclude) (?:and|or) )?perform (?:a|the|our|your) (?:contract|agreement)s?\b/i, 'contract'],
      [/\bnecessary (?:for|to ensure) (?:our )?compliance with (?:a|the|our) legal obligations?\b/i, 'legal-obligation'],
    ],
    gdprArticle: { article: r`articles?|arts?\.?`, paragraph: r`para(?:graph)?\.?|§|abs\.?|sub-?paragraph`, sentence: r`sentence|s\.|clause`, point: r`points?|lit(?:t|era)?\.?|letters?|sub-?paragraphs?`, and: r`and|or`, of: r`of` },
    groundsHeading: /\b(?:legal |lawful )?grounds?\b|\blawful reasons?\b|\bon (?:what|which) (?:legal |lawful )?bas[ie]s\b|\bbas[ie]s on which\b|\b(?:on|under) (?:the following|one of the following|these|several|different) (?:legal |lawful )?bases\b|\bwhy we (?:can|may|are able to) (?:do this|do so|process|use)\b|\bjustifications? (?:for|of)\b|\b(?:what|which) (?:allows|entitles|permits|authori[sz]es) us to\b|\bwhy (?:we are|we're) (?:allowed|permitted|entitled|authori[sz]ed) to\b/i,
    contractNecessity: /\b(?:need|needs|needed|necessary|required|essential|must|ha(?:ve|s) to)\b[^.;]{0,40}?\bto (?:provide|deliver|perform|run|operate|supply|fulfil|fulfill|give you access to)\b(?: you)?(?: with)?(?: (?:the|our|your|a|an))?(?: [\w'-]+){0,3}? (?:services?|accounts?|products?|platform|apps?|features?|orders?|subscriptions?|bookings?|purchases?)\b/i,
    basisColumnHeader: /\b(?:legal |lawful )?(?:bas[ie]s|grounds?|justifications?)\b|\bwhy (?:we are|we're) (?:allowed|permitted|entitled)\b|\bwhat allows us\b/i,
  },
  fr: {
    legalBasisCue: ure(r`\bbases? (?:juridiques?|légales?|légitimes?)\b|\bfondements? (?:juridiques?|légaux)\b|\b(?:nous )?(?:nous )?appuyons sur\b|\bs'appui(?:e|er|ent) sur\b|\bsur la base d[eu]\b|\bsur le fondement d(?:e|u|es|')|\bfondée? sur\b|\bse fonde sur\b`),
    legalBasisStrong: ure(r`\bbases? (?:juridiques?|légales?)\b|\bfondements? (?:juridiques?|légaux)?\b|\bfondée? sur le plan juridique\b|\blicéité du traitement\b|\bArt(?:icle|\.)? ?6 ?\(1\)`),
    legalBasisMasks: [
      ure(r`\bclauses contractuelles(?: types)?\b|\bCCT\b|\bcadres? de protection des données\b|\brègles d'entreprise contraignantes\b`, 'giu'),
      ure(r`\bcontract(?:er|ants?|ualisation)\b|\bsous-traitants?\b`, 'giu'),
      ure(r`\bconsentement (?:parental|des parents|du titulaire de l'autorité parentale)\b`, 'giu'),
    ],
    rightsCue: ure(r`\bdroits? (?:à|d'|de|du)\b|\bportabilité\b|\bretir\p{L}*|\brévo\p{L}*|\bvous opposer\b`),
    legalBases: [
      [ure(r`\bconsentement\b|\bconsenti\p{L}*`), 'consent'],
      [ure(r`\bcontrat\p{L}*|\b(?:pré-?)?contractuel\p{L}*|\bexécution (?:de nos|des|de vos|de nos|de leurs) (?:conditions (?:générales|d'utilisation|de vente)|CGU|CGV|CGVU)\b|\bexécution d'un contrat\b|\bobligations (?:conformément à|au titre de|en vertu de) (?:nos|des|les) conditions\b`), 'contract'],
      [ure(r`\bintérêts? légitimes?\b`), 'legitimate-interests'],
      [ure(r`\bobligations? légales?\b|\brespect(?:er)? (?:de )?la loi\b|\bconformer à la loi\b|\bobligations? (?:légales? et )?réglementaires?\b`), 'legal-obligation'],
    ],
    standaloneBases: [[ure(r`\bintérêts? légitimes?\b`), 'legitimate-interests']],
    basisPhrases: [
      // Not a time ("pendant l'exécution du contrat", "lors de l'exécution du contrat").
      [ure(r`(?<!\b(?:pendant|durant|lors|cours|avant|après|jusqu'à|fin|cadre|suite)(?: de| à)? (?:l')?)\bexécution (?:d'un|du|de votre|de notre|des) contrats?\b`), 'contract'],
      [ure(r`\bnécessaires? au respect d'une obligation légale\b`), 'legal-obligation'],
    ],
    gdprArticle: { article: r`articles?|arts?\.?`, paragraph: r`paragraphes?|para\.?|§|al\.|alinéas?`, sentence: r`phrase|première phrase`, point: r`points?|alinéas?|al\.|lettres?|lit\.?`, and: r`et|ou`, of: r`de l'|du|de` },
    groundsHeading: ure(r`\b(?:qu'est-ce )?qui nous (?:permet|autorise)\p{L}* (?:de|à) (?:traiter|utiliser|collecter)\b|\bsur (?:quels?|quelles?) (?:fondements?|bases?)\b|\bpourquoi (?:pouvons-nous|avons-nous le droit de) (?:le faire|traiter|utiliser)\b|\bmotifs? (?:légitimes? )?(?:du|des|de|justifiant les?) traitements?\b|\bjustifications? (?:du|des|de) traitements?\b|\bpourquoi (?:sommes-nous|nous sommes) (?:autorisés|en droit)\b`),
    contractNecessity: ure(r`\bnécessaires? (?:pour|à) (?:vous )?(?:fournir |la fourniture d(?:u |e la |es |')|l'exécution d(?:u |e la |es |')|exécuter |assurer |délivrer |rendre |gérer )[^.;]{0,60}?\b(?:services?|comptes?|commandes?|produits?|prestations?|réservations?|abonnements?|plateformes?|achats?)\b`),
    basisColumnHeader: ure(r`\bbases? (?:juridiques?|légales?|légitimes?)\b|\bsur (?:quels?|quelles?) (?:bases?|fondements?)\b|\bfondements?\b|\bjustifications?\b|\b(?:nos |les )?(?:raisons|motifs)\b|\bce qui nous (?:y )?(?:autorise|permet)\b`),
  },
};
