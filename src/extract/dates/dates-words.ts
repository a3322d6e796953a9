import type { Language } from '../../domain/languages.js';
import { ure } from '../lang/unicode-regex.js';

const r = String.raw;

/** The words the dates reader looks for, in every language it reads. */
export interface DatesWords {
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
  /** The document itself as a sentence's subject ("this policy"): a regex alternation. */
  documentSubject: string;
  /** Words that may stand beside a date alone on its line ("Date:", "on"): a regex alternation. */
  dateLineWords: string;
  /** Words of a byline around a publication date ("by", "published", "updated"): a regex alternation. */
  bylineWords: string;
  /** The word before an author's name ("by"). */
  byline: string;
  /**
   * The words below are regex alternations matched on a folded copy of the text (lower case, no
   * accents: `foldText`), so each is written once, lower-case and without accents.
   * Revision wording: a date right after it (in the same clause) is when the document last changed.
   */
  revisionWords: string;
  /** Entry-into-force wording: a date right after it (in the same clause) is when this version applies. */
  inForceWords: string;
  /** A line's opening label that is only entry-into-force wording ("Effective date."). */
  inForceLabel: string;
  /** The date belongs to a law, not to the document ("Act", "loi"). */
  lawWords: string;
  /** Earlier versions of the document (an archive, links to previous versions): their dates are not this version's. */
  earlierVersions: string;
  /** A heading over a section about changes to the document. */
  changesHeading: string;
  /** The page itself as the object of its revision ("we last updated this notice on"). */
  thisDocument: string;
  /** Words that may end a label before its date ("on", "from", "depuis le"). */
  labelTail: string;
  /** A column header of a version table beside its dates ("Version", "Changes"). */
  versionColumn: string;
  /** Revision wording's opening that states the document's standing ("last revised"), not one change among others ("we updated"). */
  standing: string;
  /** Words that join two wordings of one label ("Last updated and effective:"). */
  labelJoin: string;
  /** The document's own name, which may open its date line ("Acme Privacy Policy updated ..."). */
  documentName: string;
}

export const DATES_WORDS: Record<Language, DatesWords> = {
  en: {
    effectiveLead: /^(?:(?:this (?:\w+ )?(?:policy|agreement|notice|version) is )?effective(?: date)?|in effect|in force)\s*(?::|-|–)?\s*(?:on|as of|from|since|starting|beginning)?\s*(?::|-|–)?\s*$/i,
    effectiveInline: /\b(?:is|are|was|been|terms|policy|agreement|notice)?\s*effective(?: date)?\s*(?::|-|–)?\s*(?:on|as of|from)?\s*$/i,
    lastUpdatedLead: /(?:\blast\s+(?:updated|update|revised|revision|modified|reviewed)|^(?:updated|revised|version date|date of (?:the )?last (?:update|revision)))\s*(?:on|as of)?\s*:?\s*$/i,
    effectiveAsAbove: /\b(?:take|takes|took) effect (?:as of|on|from) the (?:date above|above date|date (?:stated|shown|given) above)\b|\beffective (?:as of|on|from) the (?:date above|above date)\b/i,
    changeLogHeading: /\b(?:changes|updates|revisions?|amendments) to (?:this|our|the)\b|\b(?:change ?log|revision history|version history|policy history|(?:key|recent|main|notable) changes|summary of changes|what(?:'s| has) changed)\b/i,
    publishedLead: /\b(?:published|posted)\s*(?:on|:)?\s*:?\s*$/i,
    futureCues: [
      /\b(?:we|linkedin)(?:'re| are| is|'ll be| will be) (?:updating|changing|making (?:some )?(?:changes|updates)|introducing|revising)\b/i,
      /\bwill (?:be )?(?:update|updated|change|changed|revise|revised|amend|amended)\b/i,
      /\bare being updated\b/i,
      /\b(?:will|shall) (?:take|come into|go into) effect\b/i,
      /\bwill (?:be|become) effective\b/i,
      /\b(?:take|takes|taking) effect\b/i,
      /\b(?:starting|beginning|from|as of|effective|on)\s+(?:on\s+)?DATEMARK\b.{0,120}?\bwill\b/i,
      /\bwill\b.{0,160}?\b(?:starting|beginning|from|as of)\s+(?:on\s+)?DATEMARK\b/i,
      /\bupcoming (?:changes|update)/i,
    ],
    pastCues: [
      /\b(?:we|linkedin)(?:'ve| have)? (?:updated|changed|revised|amended|made (?:some )?(?:changes|updates))\b/i,
      /\b(?:was|were|has been|have been) (?:updated|changed|revised|amended)\b/i,
      /\b(?:took|went into) effect\b|\bbecame effective\b|\bcame into effect\b/i,
    ],
    documentSubject: String.raw`\b(?:this|these|our|the)\s+(?:(?:updated|revised|current|new)\s+)?(?:privacy policy|user agreement|policy|agreement|terms|notice|contract|cookie policy|version)\b`,
    dateLineWords: 'date|dated|on',
    bylineWords: 'by|published|posted|on|updated',
    byline: 'by',
    revisionWords: r`(?:last|latest|most recent)\s+(?:updated?|revised|revision|amended|amendment|modified|modification|changed?|reviewed|edited|edit)|(?:updated|revised|amended|modified|changed|edited)|date of (?:the )?(?:last |latest )?(?:update|revision|amendment|modification|change)|(?:version|revision|modification|amendment|update) date|date (?:last )?(?:updated|revised|modified|amended)|version(?: (?:of|dated))?`,
    inForceWords: r`(?:date of )?entry into (?:force|effect)|(?:comes?|came) into (?:force|effect)|effective|in (?:force|effect)|(?:valid|appl(?:y|ies|icable)) (?:from|since|as (?:of|from))`,
    inForceLabel: r`(?:date of )?(?:entry into force|effective(?: date)?|in force)`,
    lawWords: r`act|regulation|directive|law|code|decree|ordinance|statute|convention`,
    earlierVersions: r`(?:previous|earlier|older|prior|past|archived?)\s+(?:versions?|editions?|polic(?:y|ies)|notices?)|archives?`,
    changesHeading: r`changes|updates|modifications|amendments|revisions|what'?s new|version`,
    thisDocument: r`this (?:(?:privacy|cookies?|data protection) )?(?:policy|notice|statement|document|version|agreement|page)|these terms`,
    labelTail: r`on|from|since|as of|as from|starting|beginning`,
    versionColumn: r`versions?|changes?|summary(?: of changes)?|description(?: of (?:the )?changes?)?|what changed|revisions?|amendments?`,
    standing: r`last|latest|most recent`,
    labelJoin: r`and|&|/|or`,
    documentName: r`(?:privacy|cookies?|data protection|personal data|personal information) (?:policy|notice|statement|charter)|terms of (?:service|use)|user agreement`,
  },
  fr: {
    effectiveLead: ure(r`^(?:date d'entrée en vigueur|entrée en vigueur|en vigueur(?: depuis)?|date d'effet|prise d'effet|date effective|(?:applicable )?à compter du|(?:applicable )?à partir du)\s*:?\s*(?:le|du|depuis le|à compter du|à partir du)?\s*:?\s*$`),
    effectiveInline: ure(r`\b(?:entrée en vigueur|en vigueur|prend effet)\s*:?\s*(?:le|du|depuis le|à compter du|à partir du)?\s*$`),
    lastUpdatedLead: ure(r`(?:\bderni[èe]re (?:mise à jour|modification|révision)|^(?:mis|mise) à jour|^version en date du|^version du|^date de (?:la )?(?:dernière )?(?:mise à jour|révision))\s*(?:le)?\s*:?\s*$`),
    effectiveAsAbove: ure(r`\b(?:prennent|prend) effet à (?:compter de )?la date (?:ci-dessus|indiquée ci-dessus)\b|\ben vigueur à (?:compter de )?la date (?:ci-dessus|indiquée ci-dessus)\b`),
    changeLogHeading: ure(r`\b(?:modifications|mises? à jour|changements) (?:de|apportées à) (?:cette|la|notre|la présente)\b|\bhistorique des (?:versions|modifications)\b|\b(?:principales|dernières) modifications\b|\bce qui a changé\b`),
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
    documentSubject: String.raw`\b(?:cette|ces|notre|nos|la|le|les)\s+(?:présente?\s+)?(?:politique|conditions|contrat|avis|accord|version|charte)\b`,
    dateLineWords: 'datée?|le',
    bylineWords: 'par|publié|publiée|le',
    byline: 'par',
    revisionWords: r`(?:date de (?:la )?)?derniere (?:mise a jour|modification|revision|actualisation)|(?:date de (?:la )?)?mise? a jour|(?:date de (?:la )?)?(?:modification|revision|actualisation)|modifiee?s?|revisee?s?|actualisee?s?|version (?:en date )?du|(?:derniere )?maj`,
    inForceWords: r`(?:entree )?en vigueur|prise d'effet|date d'effet|prend effet|applicable|s'applique|valable (?:a partir|a compter|depuis|des)|date effective`,
    inForceLabel: r`(?:date d')?(?:entree en vigueur|effet)|en vigueur|date effective`,
    lawWords: r`loi|reglement|directive|decret|code|ordonnance|arrete|convention`,
    earlierVersions: r`versions? (?:precedentes?|anterieures?|archivees?)|anciennes? versions?|archives?`,
    changesHeading: r`modifications?|mises? a jour|changements|evolutions?|version`,
    thisDocument: r`(?:cette|la presente|le present) (?:politique|charte|notice|version|declaration|document|page)`,
    labelTail: r`le|du|au|depuis(?: le)?|a compter du|a partir du|des le`,
    versionColumn: r`versions?|modifications?(?: apportees)?|changements|objet(?: de la modification)?|description|resume|nature de la modification`,
    standing: r`(?:date de (?:la )?)?derniere`,
    labelJoin: r`et|&|/|ou`,
    documentName: r`(?:politique|charte|declaration|notice|avis) (?:de |relative a la |sur la |d')?(?:confidentialite|protection des (?:donnees|informations)(?: personnelles| a caractere personnel)?|vie privee|cookies)|conditions generales(?: d'utilisation| de vente)?`,
  },
};
