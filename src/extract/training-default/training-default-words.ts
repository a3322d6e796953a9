import type { Language } from '../../domain/languages.js';
import { ure } from '../lang/unicode-regex.js';

const r = String.raw;

/** The words the training default reader looks for, in every language it reads. */
export interface TrainingDefaultWords {
  defaultOn: RegExp;
  defaultOff: RegExp;
  /** A use that waits for the user ("only if you opt in", "with your consent"). */
  optInWording: RegExp;
  /** A choice named right after these is about another purpose ("opt out of ads"): a regex alternation. */
  otherPurpose: string;
  /** Menus general enough to hold the AI setting ("Settings", "Privacy"): a regex alternation. */
  generalMenu: string;
  /**
   * A negation whose scope is the choice, not the use ("there is no way to opt out", "cannot be
   * excluded"): the whole span, so that it can be masked before the use's polarity is read.
   */
  deniedChoice: RegExp;
  /**
   * The user's own choice as the only exception to a refusal ("won't ... unless you tell us to",
   * "without your prior consent"): the use waits for the user, so it is an opt-in use.
   */
  consentException: RegExp;
  /**
   * An opt-out or objection whoever its subject ("unless a member opts out", "unless the seller
   * has objected") or named as a noun ("your objection to this use", "votre opposition").
   */
  optOutAnySubject: RegExp;
  /** A choice said of "this use" points back at the use the sentences before describe. */
  thisUse: RegExp;
}

export const TRAINING_DEFAULT_WORDS: Record<Language, TrainingDefaultWords> = {
  en: {
    defaultOn: /\b(?:set to |turned |switched |is |are )?["“']?on["”']? by default\b|\b(?:enabled|activated) (?:by default|automatically)\b|\bautomatically (?:enabled|turned on|opted in)\b|\bdefault(?:s)? (?:setting )?(?:is |to |of )?["“']?on\b|\bon an opt[- ]out basis\b|\bopted in by default\b|\b(?:starts?|started|comes?) (?:out )?(?:switched |turned |set )?on\b|\bis on unless you (?:turn|switch|opt)\b|\b(?:is|are) (?:turned|switched|set) on for (?:all |new |every )?(?:accounts|users|members|customers)\b|\byou (?:only )?(?:have|need) to (?:act|opt out|turn it off) (?:only )?if you (?:don't|do not) want\b/i,
    defaultOff: /\b["“']?off["”']? by default\b|\bdisabled by default\b|\bnot (?:be )?(?:turned |switched |set )?["“']?on["”']? by default\b|\bonly (?:if|when|after) you (?:opt in|turn (?:it|the setting) on|choose to|consent)\b|\bon an opt[- ]in basis\b|\b(?:if|unless|until|when) you (?:opt[- ]in|choose to opt[- ]in|give (?:us )?your consent)\b|\bonly with your (?:consent|permission)\b|\b(?:not|never)\b[^.]{0,100}?\bwithout (?:your|their) (?:explicit |prior |express )?(?:permission|consent|agreement)\b|\brequires? your (?:prior |explicit )?(?:opt[- ]in|consent)\b/i,
    optInWording: /\b(?:ask|asks|asking) (?:for )?your (?:permission|consent|agreement) (?:before|first)\b|\bonly (?:if|when|after) you (?:actively |explicitly )?(?:opt[- ]in|choose|allow|agree|consent|turn (?:it|this) on)\b|\bif you (?:choose|decide|agree) to (?:share|contribute|submit|send|donate)\b|\bwith your (?:explicit |express |prior |specific )?(?:consent|permission),? (?:[\w'.+-]+ ){0,3}?(?:may |will |can |would )?(?:also )?(?:use|train|process|improve)\b|\bif you (?:opt[- ]in|choose to (?:opt[- ]in|allow))\b|\bopt[- ]in\b/i,
    otherPurpose: String.raw`ads|advertis\w*|marketing|cookies?|e-?mails?|newsletters?|notifications?|promotion\w*|sale of|selling|sharing (?:your )?(?:personal )?(?:data|information) (?:with|for)`,
    generalMenu: 'privacy|settings|account|preferences|data|privacy settings|account settings|settings (?:&|and) privacy|data controls|data privacy|privacy (?:&|and) data',
    // Words allowed between the negation and the choice: none that names the use itself.
    deniedChoice: /\b(?:no (?:way|option|possibility|means|setting|control|choice)|not (?:be )?(?:able|possible|allowed|permitted)|unable|impossible|cannot|can ?not|can't|could not|couldn't|isn't possible|is not possible|(?:does|do)(?: not|n't) (?:let|allow) (?:you|users|members)|(?:do|does)(?: not|n't) have (?:the|an?|any) (?:option|choice|ability|right))(?:\s+(?:to|be|been|you|users|members|them|yourself|for|of|the|this|that|it|its|such|your|their|currently|simply|easily|ever|yet|at all))*\s+(?:opt(?:ing)?[- ]out|object(?:ing)?|exclud(?:e|ed|ing)|remov(?:e|ed|ing)|turn(?:ed|ing)? (?:\w+ )?off|switch(?:ed|ing)? (?:\w+ )?off|disabl(?:e|ed|ing)|deactivat(?:e|ed|ing)|withdraw(?:n|ing)?|refus(?:e|ed|ing)|declin(?:e|ed|ing))\b/i,
    consentException: /\bunless (?:you|they|the user|the member|the customer) (?:first |explicitly |specifically |actively )?(?:tell|ask|direct|instruct|allow|authori[sz]e|permit|choose to (?:share|allow|let|opt[- ]in|contribute|help)|opt[- ]in|agree|consent|give us (?:your )?(?:permission|consent)|turn (?:it|this|the setting) on|enable)\b|\bwithout (?:first )?(?:(?:asking (?:for )?|getting |obtaining |receiving )?(?:your|their))(?: explicit| prior| express| specific| affirmative)* (?:permission|consent|instructions?|agreement|authori[sz]ation|approval|opt[- ]in)\b/i,
    thisUse: /\b(?:this|that|such|the same) (?:use|processing|training|practice)\b/i,
    optOutAnySubject: /\bunless (?:(?:the|a|an|each|every|any|your|that) )?(?:users?|members?|customers?|sellers?|buyers?|creators?|hosts?|drivers?|riders?|authors?|account holders?|account owners?|owners?|admins?|administrators?|people|individuals|players?|subscribers?|developers?|they|he|she|you) (?:has |have |had )?(?:opt(?:s|ed)?[- ]out|object(?:s|ed)?|turn(?:s|ed)? (?:it |this |that |the setting )?off|switch(?:es|ed)? (?:it |this |that |the setting )?off|disabl(?:es|ed)|deactivat(?:es|ed))\b|\b(?:users?|members?|customers?|sellers?|buyers?|creators?|hosts?|authors?|account holders?|people|individuals|players?|subscribers?|they) (?:can|may|could|are able to|have the right to)(?: (?!not\b)[\w-]+){0,4}? (?:opt[- ]out|object)\b|\b(?:your|their|his|her) (?:objection|opposition) to (?:this|the|that|such|our|its)\b/i,
  },
  fr: {
    defaultOn: ure(r`\b(?:activée?s?|actifs?|active) (?:par défaut|automatiquement)\b|\bpar défaut,? (?:ce|le) paramètre est (?:activé|sur « ?oui ?»)|\bsur « ?(?:oui|activé) ?» par défaut\b`),
    defaultOff: ure(r`\bdésactivée?s? par défaut\b|\b(?:ne|n')[^.]{0,100}?\bsans votre (?:consentement|accord|autorisation)\b|\bn'est pas activée? par défaut\b|\buniquement si vous (?:l'activez|y consentez|acceptez)\b|\bavec votre consentement (?:préalable|explicite)\b|\bsi vous (?:l'activez|y consentez|donnez votre consentement)\b`),
    optInWording: ure(r`\buniquement (?:si|lorsque) vous (?:y consentez|l'acceptez|l'activez|le choisissez)\b|\bavec votre (?:accord|consentement)(?: (?:préalable|explicite|exprès))?,? (?:[\p{L}'.+-]+ ){0,3}?(?:pouvons |pourrons |peut |pourra )?(?:également |aussi )?(?:utilis|entraîn|amélior|trait)\p{L}*|\bsous réserve de votre (?:consentement|accord)\b`),
    otherPurpose: String.raw`publicit\w*|prospection`,
    generalMenu: 'confidentialité|paramètres|compte|préférences|vos données|données personnelles',
    deniedChoice: ure(r`\b(?:(?:il )?n'est pas possible|pas possible|impossible|aucun moyen|aucune (?:possibilité|option)|(?:ne|n')\s*(?:pouvez|peut|pourrez|pourra|peuvent|pourront|pouvons)\s+pas|(?:ne|n')\s*(?:avez|ont|a)\s+pas (?:la possibilité|le choix|le droit))(?:\s*(?:de|d'|du|vous|y|s'y|en|être|à|le|la|l'|ce|cette|les|vos|leurs?))*\s*(?:vous (?:y )?opposer|s'(?:y )?opposer|opposer|désactiv\p{L}*|exclu\p{L}*|retir\p{L}*|refus\p{L}*|supprim\p{L}*)`),
    consentException: ure(r`\bsauf (?:si|lorsque) vous (?:nous )?(?:y |l'|le )?(?:autoris\p{L}*|consent\p{L}*|demand\p{L}*|accept\p{L}*|activ\p{L}*|choisiss\p{L}*|donn\p{L}* votre (?:accord|consentement))|\bà moins que vous (?:ne )?(?:nous )?(?:y |l'|le )?(?:autoris|consent|demand|accept|activ)\p{L}*|\bsans (?:votre|leur) (?:accord|consentement|autorisation|permission)\b|\bsauf (?:accord|consentement) (?:préalable |exprès )?de votre part\b`),
    thisUse: ure(r`\b(?:ce|cet|cette) (?:traitement|utilisation|usage|entraînement)\b|\bs'y\b|\bvous y\b`),
    optOutAnySubject: ure(r`\bsauf (?:si|lorsque|lorsqu') ?(?:l'|le |la |les |chaque |un |une )?(?:utilisateurs?|membres?|clients?|vendeurs?|créateurs?|auteurs?|titulaires?|ils|elles|il|elle)(?: du compte)? (?:ne )?s'y (?:oppose|opposent|est opposée?|sont opposée?s)\b|\b(?:utilisateurs?|membres?|clients?|vendeurs?|personnes concernées) (?:peu(?:vent|t)|pourr(?:ont|a))(?: [\p{L}'-]+){0,4}? s'(?:y )?opposer\b|\b(?:votre|leur|son|sa) opposition (?:à|au|aux)\b`),
  },
};
