import * as chrono from 'chrono-node';
import type { SharedWords } from './shared-words.js';

/** The English words every fact reader uses. */
export const en: SharedWords = {
  language: 'en',
  aiCue: /\b(?:generative ai|gen ?ai|gai|ai|a\.i\.|artificial intelligence|machine[- ]learning|ml models?|large language models?|llms?|foundation models?|language models?|neural networks?|model training|content[- ]generating|content[- ]creat(?:ion|ing) (?:ai|models?)|ai[- ]powered|models? (?:that|which|used to) (?:generate|create)|data for generative ai improvement)\b|\b(?:our|the|these|its|their|such) (?:own )?(?:predictive |generative |underlying )?models\b|\b(?:systems|algorithms) and models\b|\bimprove (?:the|our|its) models?\b|\b(?:improv|refin|fine-tun)\w* (?:the |our |its )(?!(?:business|pricing|subscription|revenue|operating|financial|risk|service|delivery) )(?:[\w-]+ ){1,2}?models\b|\btrain\w* (?:[\w'’-]+ ){0,3}?models?\b/i,
  // Training, or improving/developing what is AI ("improve our services" alone is not it).
  trainingCue: /\b(?:train|trains|trained|training|retrain\w*|fine-tun\w*)\b|\b(?:improv\w*|develop\w*|enhanc\w*|build\w*|refin\w*|creat\w*|test\w*)\s+(?:(?:and|or|,)\s+[\w-]+\s+)?(?:(?:our|the|these|its|their|such|new|your)\s+)?(?:[\w-]+,?\s+){0,3}?(?:ai|a\.i\.|models?|algorithms?|machine[- ]learning|llms?|artificial intelligence|(?:ai|generative ai)[- ](?:powered )?features?)\b|\b(?:improvement|development) of (?:our |the )?(?:ai|models?|generative ai|algorithms?)\b|\bgenerative ai improvement\b/i,
  dataUseCue: /\b(?:use|uses|used|using|process|processes|processed|processing|include|includes|included|including|train|trains|trained|training|rely|relies|leverage[sd]?)\b/i,
  negation: /(?<!\bwhether or )\bnot\b(?! only\b)|\b(?:never|no longer|no|none|neither|nor|without|exclud(?:e|es|ed|ing)|won't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|can't|cannot|shouldn't|wouldn't|haven't|hasn't)\b|n't\b/i,
  exceptionStart: /\b(?:except(?: for)?|excluding|other than|apart from|aside from|with the exception of|unless you(?:'re| are)? (?:based|located|living|resident|reside|live))\b/i,
  clauseSplit: /;\s+|,?\s+(?:but|however|whereas|while|although)\s+|,\s+(?:and|or)\s+(?=(?:we|linkedin|it|they|this|these|our|you|members)\b)|\s+[-–—]\s+/i,
  anaphora: /^(?:this|these|that|those|such|it|they|the data|this data|examples include|for example|e\.g\.)\b/i,
  optOutConditional: /\b(?:if|when|once|after) you (?:opt[- ]out|turn|switch|choose not|disable|object|withdraw|decline|uncheck)|\b(?:you|users) (?:can|may) (?:choose|decide|elect) not to\b|\bwithout (?:your|their) (?:explicit |prior |express )?(?:permission|consent|agreement)\b|\b(?:opting|turning the setting|switching the setting) (?:out|off)\b/i,
  pastState: /\b(?:previously|until now|in the past|formerly|used to|prior to (?:this|these|the) (?:update|change))\b/i,
  conditionLead: /\b(?:if|where|when|whenever|wherever|to the extent)\b/i,
  optOutWording: /\bunless you (?:opt[- ]out|object|turn (?:it|this|the setting) off|switch (?:it|this) off|turn off|switch off|disable|deactivate)\b|\b(?:you|users) have (?:the|a) right to object to (?:this|the|that|such) (?:use|processing)\b|\b(?:you|users) (?:can|may|could|are able to)(?: (?!not\b)[\w-]+){0,5}? (?:opt[- ]out|object|disable (?:it|this|that|the setting)|turn (?:it|this|that|the setting|this setting|the toggle) off|switch (?:it|this|the setting) off|toggle (?:it|this|the setting) off)\b|\bif you (?:do not|don't) (?:opt[- ]out|object|turn (?:it|this) off)\b|\b(?:you|users) (?:can|may) (?:at any time )?(?:turn|switch|toggle) off (?:this|the|that) (?:setting|toggle|option|control|feature)\b|\b(?:you|users) (?:can|may) (?:choose|decide|elect) not to (?:share|contribute|allow|let)\b|\bif you (?:wish|want|would like) to (?:opt[- ]out|object)\b|\bopt[- ]out of\b|\bopting out\b|\bto opt[- ]out\b/i,
  settingLabel: /\bdata for generative ai improvement\b/i,
  abbreviations: String.raw`e\.g|i\.e|etc|inc|corp|ltd|co|no|nos|vs|mr|mrs|ms|dr|st|art|para|lit|abs|p|pp|cf|ex|fig|approx|dept|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|u\.k|a\.i`,
  forwardCue: String.raw`\b(?:starting|beginning|going forward|from now on)\b`,
  addressed: 'you|if you',
  dateParser: chrono.strict,
  numericOrder: null,
  countryLocale: 'en',
  countryAliases: {
    Britain: 'GB', 'Great Britain': 'GB', 'U.K.': 'GB', Swiss: 'CH', 'Hong Kong SAR': 'HK', HKSAR: 'HK',
    'Mainland China': 'CN', 'mainland China': 'CN', 'Chinese mainland': 'CN', PRC: 'CN', Macau: 'MO',
    'Macau SAR': 'MO', Türkiye: 'TR', Vatican: 'VA', Canadian: 'CA',
  },
};
