import type { LanguageTable } from './table.js';
import { ure } from './unicode-regex.js';

export const en: LanguageTable = {
  language: 'en',
  effectiveLead: /^(?:(?:this (?:\w+ )?(?:policy|agreement|notice|version) is )?effective(?: date)?|in effect|in force)\s*(?::|-|–)?\s*(?:on|as of|from|since)?\s*$/i,
  effectiveInline: /\b(?:is|are|was|been|terms|policy|agreement|notice)?\s*effective(?: date)?\s*(?::|-|–)?\s*(?:on|as of|from)?\s*$/i,
  lastUpdatedLead: /(?:\blast\s+(?:updated|update|revised|revision|modified|reviewed)|^(?:updated|revised|version date|date of (?:the )?last (?:update|revision)))\s*(?:on|as of)?\s*:?\s*$/i,
  effectiveAsAbove: /\b(?:take|takes|took) effect (?:as of|on|from) the (?:date above|above date|date (?:stated|shown|given) above)\b|\beffective (?:as of|on|from) the (?:date above|above date)\b/i,
  changeLogHeading: /\b(?:changes|updates|revisions?|amendments) to (?:this|our|the)\b|\b(?:change ?log|revision history|version history|policy history)\b/i,
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
  pastState: /\b(?:previously|until now|in the past|formerly|used to|prior to (?:this|these|the) (?:update|change))\b/i,

  aiCue: /\b(?:generative ai|gen ?ai|gai|ai|a\.i\.|artificial intelligence|machine[- ]learning|ml models?|large language models?|llms?|foundation models?|language models?|neural networks?|model training|content[- ]generating|content[- ]creat(?:ion|ing) (?:ai|models?)|ai[- ]powered|models? (?:that|which|used to) (?:generate|create)|data for generative ai improvement)\b|\b(?:our|the|these|its|their|such) (?:own )?(?:predictive |generative |underlying )?models\b|\b(?:systems|algorithms) and models\b|\bimprove (?:the|our|its) models?\b|\b(?:improv|refin|fine-tun)\w* (?:the |our |its )(?!(?:business|pricing|subscription|revenue|operating|financial|risk|service|delivery) )(?:[\w-]+ ){1,2}?models\b|\btrain\w* (?:[\w'’-]+ ){0,3}?models?\b/i,
  // Training, or improving/developing what is AI ("improve our services" alone is not it).
  trainingCue: /\b(?:train|trains|trained|training|retrain\w*|fine-tun\w*)\b|\b(?:improv\w*|develop\w*|enhanc\w*|build\w*|refin\w*|creat\w*|test\w*)\s+(?:(?:and|or|,)\s+[\w-]+\s+)?(?:(?:our|the|these|its|their|such|new|your)\s+)?(?:[\w-]+,?\s+){0,3}?(?:ai|a\.i\.|models?|algorithms?|machine[- ]learning|llms?|artificial intelligence|(?:ai|generative ai)[- ](?:powered )?features?)\b|\b(?:improvement|development) of (?:our |the )?(?:ai|models?|generative ai|algorithms?)\b|\bgenerative ai improvement\b/i,
  dataUseCue: /\b(?:use|uses|used|using|process|processes|processed|processing|include|includes|included|including|train|trains|trained|training|rely|relies|leverage[sd]?)\b/i,
  negation: /(?<!\bwhether or )\bnot\b(?! only\b)|\b(?:never|no longer|no|none|neither|nor|without|exclud(?:e|es|ed|ing)|won't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|can't|cannot|shouldn't|wouldn't|haven't|hasn't)\b|n't\b/i,
  exceptionStart: /\b(?:except(?: for)?|excluding|other than|apart from|aside from|with the exception of|unless you(?:'re| are)? (?:based|located|living|resident|reside|live))\b/i,
  outsideLead: /\b(?:outside(?: of)?|beyond)\s+(?:the\s+)?$/i,
  clauseSplit: /;\s+|,?\s+(?:but|however|whereas|while|although)\s+|,\s+(?:and|or)\s+(?=(?:we|linkedin|it|they|this|these|our|you|members)\b)|\s+[-–—]\s+/i,
  anaphora: /^(?:this|these|that|those|such|it|they|the data|this data|examples include|for example|e\.g\.)\b/i,
  optOutConditional: /\b(?:if|when|once|after) you (?:opt[- ]out|turn|switch|choose not|disable|object|withdraw|decline|uncheck)|\b(?:you|users) (?:can|may) (?:choose|decide|elect) not to\b|\bwithout (?:your|their) (?:explicit |prior |express )?(?:permission|consent|agreement)\b|\b(?:opting|turning the setting|switching the setting) (?:out|off)\b/i,
  regionStopContext: /\b(?:controller|data protection officer|dpo|supervisory authorit\w*|regulator\w*|governing law|laws? of|courts?|jurisdiction|contact us|responsible for (?:your|the processing)|headquarter\w*|incorporated|registered office|representative|lead authority|tax|vat|currency|sub-?processors?|hosting|hosted|data cent(?:er|re)s?|servers?)\b/i,
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
  categories: [
    // A bare "photo" is a profile photo only in a sentence about the profile: "photos and their
    // captions" shared in posts are not.
    [/\bprofile[- ](?:photos?|pictures?|images?)\b|\bavatars?\b|\bphotos?\b(?=.*\bprofiles?\b)|\bprofiles?\b.*\bphotos?\b/i, 'profile-photo'],
    [/\bprofiles?\b(?![- ](?:photos?|pictures?|images?|summar\w*|views?|visits?))/i, 'profile'],
    [ure(String.raw`\br[ée]sum[ée]s?\b|\bCVs?\b|\bcurriculum vitae\b`), 'resume'],
    [/\beducation\b/i, 'education'],
    [/\bwork experience\b|\b(?:job|work|employment) history\b|\b(?:current|prior|past|previous) (?:positions?|roles?|jobs?|employers?)\b|\bjob titles?\b|\bprofessional experience\b/i, 'work-experience'],
    [/\bskills?\b/i, 'skills'],
    [/\blocation\b/i, 'location'],
    [/(?<!\bjob )\bposts?\b(?! a )|\bcontent (?:you|members|they) (?:post|share|publish)\b|\bshared content\b/i, 'posts'],
    [/\bcomments?\b/i, 'comments'],
    [/(?<!\b(?:this|that|the|help|related|an?|our|these|those|following|news|faq)\s)\barticles?\b/i, 'articles'],
    [/\bpolls?\b|\bpoll responses\b/i, 'polls'],
    [/\bgroups?\b(?!\s+(?:messages?|of\b))(?<!\bcorporate groups?)/i, 'groups'],
    [/\bgroup messages?\b|\bmessages? (?:in|to|within) groups\b/i, 'group-messages'],
    // Feedback on what the AI answered; "feedback" alone (support tickets, surveys) is not it.
    [/\bfeedback (?:(?:that )?you (?:give|provide|submit|send) )?(?:on|about|to) (?:(?:the|our|its|their|ai[- ]generated|generated|this) )*(?:ai|responses?|outputs?|answers?|results?|content|suggestions?|replies)\b|\bthumbs[- ](?:up|down)\b|\bratings? (?:of|on|you give (?:to|on)) (?:(?:the|our|its|ai) )*(?:responses?|outputs?|answers?|results?)\b|\brat(?:e|ing) (?:the |its |our )?(?:responses?|answers?|outputs?)\b/i, 'feedback'],
    [/\bprompts?\b|\bGAI usage data\b|\binputs? and outputs?\b|\b(?:inputs?|interactions?|conversations?|chats?|chat history|questions?|messages?) (?:(?:that )?(?:you|users|people|\w+ers) (?:are )?(?:have|having|had|ask|send|type|submit)(?:ing)? )?(?:with|into|to|in) (?:our |the |linkedin's |an? )?(?:generative |gai |ai |\w+ )?(?:ai|gai|features?|assistants?|chatbots?|bots?|models?)\b|\b(?:questions|requests) you (?:ask|send|give|make)(?: to)? (?:the |our |an? )?(?:ai |virtual )?(?:assistant|chatbot|ai)\b|\b(?:answers?|responses?|outputs?|replies|suggestions) (?:it|the assistant|the chatbot|the ai|the model) (?:gives?|returns?|generates?|produces?|makes?)\b|\b(?:content|text|information) (?:that )?(?:you|members|users) (?:input|enter|type|provide|share|submit|send|give) (?:in)?to (?:our |the |an? )?(?:gai |generative ai |ai |virtual |writing )?(?:ai|assistant|chatbot|bot|model)\b|\b(?:ai|assistant|chatbot) (?:chats|conversations|chat history)\b/i, 'ai-interactions'],
    [/(?<!\b(?:for|to|with) (?:your |their )?)\bjob applications?\b|\bjob application data\b|\bapplications? (?:you submit|for jobs)\b/i, 'job-applications'],
    [/\bscreening (?:questions?|answers?|responses?)\b/i, 'screening-answers'],
    [/\b(?:contents? of (?:your |their )?e-?mails?|e-?mails? (?:and (?:e-?mail )?drafts )?contents?|e-?mail (?:messages|bodies|drafts))\b|\bprivate messag\w*|\binmails?\b|\binbox messages?\b|\bdirect messages?\b|\bprivate conversations?\b|\bmessages? (?:you send|between members)\b/i, 'private-messages'],
    [/\bsalar(?:y|ies)\b|\bcompensation data\b|\bpay data\b/i, 'salary'],
    [/\blog-?in credentials?\b|\blogin (?:details|information|data)\b|\bpasswords?\b|\bauthentication (?:credentials|tokens?)\b|\bsign-?in credentials?\b/i, 'login-credentials'],
    [/\bpayment (?:information|methods?|details|data|card)\b|\bcredit cards?\b|\bbilling (?:information|details|data)\b/i, 'payment-information'],
  ],
  outputLead: /(?<!\b(?:you|they|members?|we|i)\s)\b(?:generat\w*|suggest\w*|draft\w*|writ\w*|compos\w*|rewrit\w*|summar\w*|creat\w*|help(?:s|ing)? (?:you|members?|people|users|recruiters) (?:to )?(?:write|create|draft|compose))\s+(?:(?!(?:your|their|members?'?s?|includ\w*|use|used|using|from)\b)[\w'-]+,?\s+){0,6}$/i,

  defaultOn: /\b(?:set to |turned |switched |is |are )?["“']?on["”']? by default\b|\b(?:enabled|activated) (?:by default|automatically)\b|\bautomatically (?:enabled|turned on|opted in)\b|\bdefault(?:s)? (?:setting )?(?:is |to |of )?["“']?on\b|\bon an opt[- ]out basis\b|\bopted in by default\b|\b(?:starts?|started|comes?) (?:out )?(?:switched |turned |set )?on\b|\bis on unless you (?:turn|switch|opt)\b|\b(?:is|are) (?:turned|switched|set) on for (?:all |new |every )?(?:accounts|users|members|customers)\b|\byou (?:only )?(?:have|need) to (?:act|opt out|turn it off) (?:only )?if you (?:don't|do not) want\b/i,
  defaultOff: /\b["“']?off["”']? by default\b|\bdisabled by default\b|\bnot (?:be )?(?:turned |switched |set )?["“']?on["”']? by default\b|\bonly (?:if|when|after) you (?:opt in|turn (?:it|the setting) on|choose to|consent)\b|\bon an opt[- ]in basis\b|\b(?:if|unless|until|when) you (?:opt[- ]in|choose to opt[- ]in|give (?:us )?your consent)\b|\bonly with your (?:consent|permission)\b|\b(?:not|never)\b[^.]{0,100}?\bwithout (?:your|their) (?:explicit |prior |express )?(?:permission|consent|agreement)\b|\brequires? your (?:prior |explicit )?(?:opt[- ]in|consent)\b/i,
  optOutWording: /\bunless you (?:opt[- ]out|object|turn (?:it|this|the setting) off|switch (?:it|this) off|turn off|switch off|disable|deactivate)\b|\b(?:you|users) have (?:the|a) right to object to (?:this|the|that|such) (?:use|processing)\b|\b(?:you|users) (?:can|may|could|are able to)(?: (?!not\b)[\w-]+){0,5}? (?:opt[- ]out|object|disable (?:it|this|that|the setting)|turn (?:it|this|that|the setting|this setting|the toggle) off|switch (?:it|this|the setting) off|toggle (?:it|this|the setting) off)\b|\bif you (?:do not|don't) (?:opt[- ]out|object|turn (?:it|this) off)\b|\b(?:you|users) (?:can|may) (?:at any time )?(?:turn|switch|toggle) off (?:this|the|that) (?:setting|toggle|option|control|feature)\b|\b(?:you|users) (?:can|may) (?:choose|decide|elect) not to (?:share|contribute|allow|let)\b|\bif you (?:wish|want|would like) to (?:opt[- ]out|object)\b|\bopt[- ]out of\b|\bopting out\b|\bto opt[- ]out\b/i,
  optInWording: /\b(?:ask|asks|asking) (?:for )?your (?:permission|consent|agreement) (?:before|first)\b|\bonly (?:if|when|after) you (?:actively |explicitly )?(?:opt[- ]in|choose|allow|agree|consent|turn (?:it|this) on)\b|\bif you (?:choose|decide|agree) to (?:share|contribute|submit|send|donate)\b|\bwith your (?:explicit |express |prior |specific )?(?:consent|permission),? (?:[\w'.+-]+ ){0,3}?(?:may |will |can |would )?(?:also )?(?:use|train|process|improve)\b|\bif you (?:opt[- ]in|choose to (?:opt[- ]in|allow))\b|\bopt[- ]in\b/i,
  minorAge: /\b(?:under|younger than|below|less than|under the age of|below the age of|aged under)\s+(?:the age of\s+)?(\d{1,2})\b|\bunder[- ](\d{1,2})s?\b/i,
  minorWord: /\bminors?\b|\bsecondary school\b|\bhigh school\b|\bchildren\b|\bteen(?:ager)?s\b/i,
  minorExclusion: /\b(?:not|never|no|exclud\w*|won't|don't|doesn't|do not|does not|will not|filter\w* out|remov\w*|screen\w* out)\b|n't\b/i,

  menuLabels: [
    /\bsettings\s*(?:&|&amp;|and)\s*privacy\b/i,
    /\bdata privacy\b/i,
  ],
  settingLabel: /\bdata for generative ai improvement\b/i,
  pathLeadStop: /(?:^|[\s(:"“,])(?:go to|navigate to|visit|open|click|select|tap|choose|under|in|at|via|from|to|on)\s+|[:(“"]\s*/gi,
  pathTrailing: /\s+(?:setting|settings|page|section|tab|toggle|option|menu|screen)\b.*$/i,

  legalBasisCue: /\b(?:lawful|legal) (?:bas[ie]s|grounds?)\b|\bnecessary (?:for|to) (?:the )?perform\w* (?:of )?(?:a|our|the|your) (?:contract|agreement)\b|\bbas[ie]s (?:for|of) (?:processing|the processing)\b|\brely on\b|\brelies on\b|\bon the basis of\b|\bbased on (?:your|our)\b|\bon the grounds? that\b/i,
  legalBasisStrong: /\b(?:lawful|legal) (?:bas[ie]s|grounds?|justifications?)\b|\blawfulness of (?:the )?processing\b|\bbas[ie]s (?:for|of) (?:processing|the processing)\b|\bArt(?:icle|\.)? ?6 ?\(1\)/i,
  legalBasisMasks: [
    /\bstandard contract(?:ual)? clauses\b|\bcontractual clauses\b|\bSCCs?\b|\bdata privacy frameworks?\b|\bbinding corporate rules\b/gi,
    /\bcontract(?:ors?|ing)\b/gi,
    /\b(?:verifiable )?parental (?:or guardian )?consent\b|\bconsent (?:of|from) (?:a|your|the|their) parents?(?: or guardians?)?\b/gi,
  ],
  conditionLead: /\b(?:if|where|when|whenever|wherever|to the extent)\b/i,
  rightsCue: /\bright (?:to|of)\b|\bportability\b|\bwithdraw\w*|\brevok\w*|\bopt[- ]out\b/i,
  legalBases: [
    [/\bconsent(?:s|ed)?\b/i, 'consent'],
    [/\bcontract(?:ual)?\b|\bperformance of (?:a|our|the|your) (?:contract|agreement|terms)s?\b|\b(?:our|the|a) (?:service |user )?agreements? with you\b|\bservice agreement\b|\bobligations (?:to you )?under (?:our|these|the) (?:terms|conditions)\b/i, 'contract'],
    [/\blegitimate (?:business )?interests?\b/i, 'legitimate-interests'],
    [/\blegal(?:ly)? (?:stipulated |required )?obligations?\b|\bcompl(?:y|iance) with (?:the |a |our |any )?(?:applicable |relevant )?(?:laws?|legal|regulations?)\b/i, 'legal-obligation'],
  ],
  standaloneBases: [[/\blegitimate (?:business )?interests?\b/i, 'legitimate-interests']],
  providerCue: /\bmodels?\b|\bprovider\w*|\bsuppl\w+|\bservices?\b|\btechnolog\w+|\bpowered by\b/i,

  stopwords: new Set([
    'the', 'and', 'of', 'to', 'you', 'your', 'we', 'our', 'is', 'are', 'for', 'with', 'that', 'this',
    'in', 'on', 'or', 'by', 'be', 'data', 'use', 'how', 'what', 'it', 'as',
  ]),
};
