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
}

export const TRAINING_DEFAULT_WORDS: Record<Language, TrainingDefaultWords> = {
  en: {
    defaultOn: /\b(?:set to |turned |switched |is |are )?["“']?on["”']? by default\b|\b(?:enabled|activated) (?:by default|automatically)\b|\bautomatically (?:enabled|turned on|opted in)\b|\bdefault(?:s)? (?:setting )?(?:is |to |of )?["“']?on\b|\bon an opt[- ]out basis\b|\bopted in by default\b|\b(?:starts?|started|comes?) (?:out )?(?:switched |turned |set )?on\b|\bis on unless you (?:turn|switch|opt)\b|\b(?:is|are) (?:turned|switched|set) on for (?:all |new |every )?(?:accounts|users|members|customers)\b|\byou (?:only )?(?:have|need) to (?:act|opt out|turn it off) (?:only )?if you (?:don't|do not) want\b/i,
    defaultOff: /\b["“']?off["”']? by default\b|\bdisabled by default\b|\bnot (?:be )?(?:turned |switched |set )?["“']?on["”']? by default\b|\bonly (?:if|when|after) you (?:opt in|turn (?:it|the setting) on|choose to|consent)\b|\bon an opt[- ]in basis\b|\b(?:if|unless|until|when) you (?:opt[- ]in|choose to opt[- ]in|give (?:us )?your consent)\b|\bonly with your (?:consent|permission)\b|\b(?:not|never)\b[^.]{0,100}?\bwithout (?:your|their) (?:explicit |prior |express )?(?:permission|consent|agreement)\b|\brequires? your (?:prior |explicit )?(?:opt[- ]in|consent)\b/i,
    optInWording: /\b(?:ask|asks|asking) (?:for )?your (?:permission|consent|agreement) (?:before|first)\b|\bonly (?:if|when|after) you (?:actively |explicitly )?(?:opt[- ]in|choose|allow|agree|consent|turn (?:it|this) on)\b|\bif you (?:choose|decide|agree) to (?:share|contribute|submit|send|donate)\b|\bwith your (?:explicit |express |prior |specific )?(?:consent|permission),? (?:[\w'.+-]+ ){0,3}?(?:may |will |can |would )?(?:also )?(?:use|train|process|improve)\b|\bif you (?:opt[- ]in|choose to (?:opt[- ]in|allow))\b|\bopt[- ]in\b/i,
    otherPurpose: String.raw`ads|advertis\w*|marketing|cookies?|e-?mails?|newsletters?|notifications?|promotion\w*|sale of|selling|sharing (?:your )?(?:personal )?(?:data|information) (?:with|for)`,
    generalMenu: 'privacy|settings|account|preferences|data|privacy settings|account settings|settings (?:&|and) privacy|data controls|data privacy|privacy (?:&|and) data',
  },
  fr: {
    defaultOn: ure(r`\b(?:activée?s?|actifs?|active) (?:par défaut|automatiquement)\b|\bpar défaut,? (?:ce|le) paramètre est (?:activé|sur « ?oui ?»)|\bsur « ?(?:oui|activé) ?» par défaut\b`),
    defaultOff: ure(r`\bdésactivée?s? par défaut\b|\b(?:ne|n')[^.]{0,100}?\bsans votre (?:consentement|accord|autorisation)\b|\bn'est pas activée? par défaut\b|\buniquement si vous (?:l'activez|y consentez|acceptez)\b|\bavec votre consentement (?:préalable|explicite)\b|\bsi vous (?:l'activez|y consentez|donnez votre consentement)\b`),
    optInWording: ure(r`\buniquement (?:si|lorsque) vous (?:y consentez|l'acceptez|l'activez|le choisissez)\b|\bavec votre (?:accord|consentement)(?: (?:préalable|explicite|exprès))?,? (?:[\p{L}'.+-]+ ){0,3}?(?:pouvons |pourrons |peut |pourra )?(?:également |aussi )?(?:utilis|entraîn|amélior|trait)\p{L}*|\bsous réserve de votre (?:consentement|accord)\b`),
    otherPurpose: String.raw`publicit\w*|prospection`,
    generalMenu: 'confidentialité|paramètres|compte|préférences|vos données|données personnelles',
  },
};
