import type { Language } from '../../domain/languages.js';
import type { DataCategory } from '../../domain/facts.js';
import { ure } from '../lang/unicode-regex.js';

const r = String.raw;

/** The words the data categories reader looks for, in every language it reads. */
export interface DataCategoriesWords {
  categories: Array<[RegExp, DataCategory]>;
  /** Words right before a category that make it an output of the AI, not its input. */
  outputLead: RegExp;
  /** Chats with an assistant the page names by the service's own name ("conversations"): a regex alternation. */
  chats: string;
  /** "with", between such chats and the name. */
  chatsWith: string;
  /** Phrases that look negative but widen a list ("include, but are not limited to"). */
  notANegation: RegExp;
  /**
   * Verbs that make a negative statement about the use ("is not used", "never included"); a
   * denial of something else ("we never pass your billing details to vendors", "we do not
   * retain prompts") excludes nothing.
   */
  exclusionVerb: RegExp;
  /** A purpose that trains a model or an algorithm ("training our matching algorithm"): a table row stating it names training data. */
  trainsAlgorithm: RegExp;
}

export const DATA_CATEGORIES_WORDS: Record<Language, DataCategoriesWords> = {
  en: {
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
      // What users posted, named by the service's own noun ("Pins posted to our Services", "when the Reel was posted").
      [/(?<!\bjob )\bposts?\b(?! a )|\bcontent (?:you|members|they) (?:post|share|publish)\b|\bshared content\b|\bposted (?:to|on) (?:our|the|its) (?:services?|platforms?|site|apps?|network|website|community)\b|\b(?:were|was|have been|has been|had been) posted\b/i, 'posts'],
      [/\bcomments?\b/i, 'comments'],
      [/(?<!\b(?:this|that|the|help|related|an?|our|these|those|following|news|faq)\s)\barticles?\b/i, 'articles'],
      [/\bpolls?\b|\bpoll responses\b/i, 'polls'],
      [/\bgroups?\b(?!\s+(?:messages?|of\b))(?<!\bcorporate groups?)/i, 'groups'],
      [/\bgroup messages?\b|\bmessages? (?:in|to|within) groups\b/i, 'group-messages'],
      // Feedback on what the AI answered; "feedback" alone (support tickets, surveys) is not it.
      [/\bfeedback (?:(?:that )?you (?:give|provide|submit|send) )?(?:on|about|to) (?:(?:the|our|its|their|ai[- ]generated|generated|this) )*(?:ai|responses?|outputs?|answers?|results?|content|suggestions?|replies)\b|\bthumbs[- ](?:up|down)\b|\bratings? (?:of|on|you give (?:to|on)) (?:(?:the|our|its|ai) )*(?:responses?|outputs?|answers?|results?)\b|\brat(?:e|ing) (?:the |its |our )?(?:responses?|answers?|outputs?)\b/i, 'feedback'],
      [/\bprompts?\b|\bGAI usage data\b|\binputs? (?:and|or|&) outputs?\b|\bai[- ](?:inputs?|outputs?)\b|\b(?:inputs?|interactions?|conversations?|chats?|chat history|questions?|messages?) (?:(?:that )?(?:you|users|people|\w+ers) (?:are )?(?:have|having|had|ask|send|type|submit)(?:ing)? )?(?:with|into|to|in) (?:our |the |linkedin's |an? )?(?:generative |gai |ai |\w+ )?(?:ai|gai|features?|assistants?|chatbots?|bots?|models?)\b|\b(?:questions|requests) you (?:ask|send|give|make)(?: to)? (?:the |our |an? )?(?:ai |virtual )?(?:assistant|chatbot|ai)\b|\b(?:answers?|responses?|outputs?|replies|suggestions) (?:it|the assistant|the chatbot|the ai|the model) (?:gives?|returns?|generates?|produces?|makes?)\b|\b(?:content|text|information) (?:that )?(?:you|members|users) (?:input|enter|type|provide|share|submit|send|give) (?:in)?to (?:our |the |an? )?(?:gai |generative ai |ai |virtual |writing )?(?:ai|assistant|chatbot|bot|model)\b|\b(?:ai|assistant|chatbot) (?:chats|conversations|chat history)\b/i, 'ai-interactions'],
      [/(?<!\b(?:for|to|with) (?:your |their )?)\bjob applications?\b|\bjob application data\b|\bapplications? (?:you submit|for jobs)\b/i, 'job-applications'],
      [/\bscreening (?:questions?|answers?|responses?)\b/i, 'screening-answers'],
      [/\b(?:contents? of (?:your |their )?e-?mails?|e-?mails? (?:and (?:e-?mail )?drafts )?contents?|e-?mail (?:messages|bodies|drafts))\b|\bprivate messag\w*|\binmails?\b|\binbox messages?\b|\bdirect messages?\b|\bprivate conversations?\b|\bmessages? (?:that )?(?:you|users|members|people) (?:send|exchange|receive|write)\b(?! (?:to|with|into) (?!(?:other|another|each other|fellow|your (?:matches|contacts|friends))\b))|\b(?:messages?|conversations?|chats?) (?:sent |exchanged )?(?:to|with|between) (?:you and )?(?:other |another |your |fellow )?(?:users?|members?|people|matches|buyers?|sellers?|hosts?|guests?|contacts|friends)\b/i, 'private-messages'],
      [/\bsalar(?:y|ies)\b|\bcompensation data\b|\bpay data\b/i, 'salary'],
      [/\blog-?in credentials?\b|\blogin (?:details|information|data)\b|\bpasswords?\b|\bauthentication (?:credentials|tokens?)\b|\bsign-?in credentials?\b/i, 'login-credentials'],
      [/\bpayment (?:information|methods?|details|data|card)\b|\bcredit cards?\b|\bbilling (?:information|details|data)\b/i, 'payment-information'],
    ],
    outputLead: /(?<!\b(?:you|they|members?|we|i)\s)\b(?:generat\w*|suggest\w*|draft\w*|writ\w*|compos\w*|rewrit\w*|summar\w*|creat\w*|help(?:s|ing)? (?:you|members?|people|users|recruiters) (?:to )?(?:write|create|draft|compose))\s+(?:(?!(?:your|their|members?'?s?|includ\w*|use|used|using|from)\b)[\w'-]+,?\s+){0,6}$/i,
    chats: 'conversations?|chats?|chat history',
    chatsWith: 'with',
    notANegation: /\b(?:but )?(?:(?:are|is) )?not (?:be )?limited to\b|\bwithout limitation\b/i,
    exclusionVerb: /\b(?:use[sd]?|using|includ(?:e|es|ed|ing)|train\w*|retrain\w*|fine-tun\w*|improv\w*|develop\w*|feed(?:s|ing)?|fed|rel(?:y|ies|ied) on|leverag\w*|part of|covered|concerned|affected|eligible|excluded|exempt(?:ed)?)\b/i,
    trainsAlgorithm: /\btrain(?:s|ed|ing)? (?:(?:of|for) )?(?:(?:our|the|its|their|an?|this)\s+)?(?:[\w-]+\s+){0,2}?(?:algorithms?|models?)\b/i,
  },
  fr: {
    categories: [
      [ure(r`\bphotos? de profil\b|\bavatars?\b|\bphotos?\b(?=.*\bprofils?\b)|\bprofils?\b.*\bphotos?\b`), 'profile-photo'],
      [ure(r`(?<!photos? de )\bprofils?\b`), 'profile'],
      [ure(r`\bCVs?\b|\bcurriculum\b`), 'resume'],
      [ure(r`\b(?:parcours|historique|informations?) (?:de|sur la) formation\b|(?<=, )formation(?=,| et )|\bétudes\b|\béducation\b|\bdiplômes?\b|\b(?:votre|vos|leurs?|sa|ses) formations?\b`), 'education'],
      [ure(r`\bexpériences? professionnelles?\b|\bpostes? (?:actuels?|précédents?|antérieurs?)\b|\bexpériences? (?:passées|antérieures)\b|\bparcours professionnel\b|\bemplois? (?:actuels?|précédents?)\b`), 'work-experience'],
      [ure(r`\bcompétences\b`), 'skills'],
      [ure(r`\blocalisation\b|\bemplacement\b|\blieu de résidence\b`), 'location'],
      [ure(r`\bpublications?\b|\bposts?\b|\bcontenus? (?:que vous publiez|publiés?|publics?)\b|\b(?:photos?|vidéos?|images?|contenus?|textes?)(?: [\p{L}-]+){0,3} (?:que vous|qu'ils|qu'elles|que les (?:membres|utilisateurs)) (?:publiez|publient|postez|postent|mettez en ligne|mettent en ligne)\b|\b(?:publiée?s?|postée?s?) (?:sur|dans) (?:nos|notre|le|la|les|l') ?(?:services?|plateformes?|site|applications?|application|réseau|communauté)\b`), 'posts'],
      [ure(r`\bcommentaires?\b`), 'comments'],
      [ure(r`(?<!(?:cet|l'|un|les|des|nos|ces|d'aide|d'actualité) ?)\barticles?\b(?! d'aide)`), 'articles'],
      [ure(r`\bsondages?\b`), 'polls'],
      [ure(r`(?<!messages? (?:de|des|dans les) )\bgroupes?\b(?! de sociétés)`), 'groups'],
      [ure(r`\bmessages? (?:de|des|dans les) groupes?\b`), 'group-messages'],
      [ure(r`\b(?:retours?|avis|commentaires?|feedback) (?:que vous (?:donnez|laissez) )?sur (?:les |nos |ses |leurs )?(?:réponses|résultats|contenus générés|suggestions|fonctionnalités d'IA)\b|\bévaluations? (?:des|de nos) réponses\b|\bpouces? (?:levés?|baissés?|vers le (?:haut|bas))\b`), 'feedback'],
      [ure(r`\bprompts?\b|\binvites?\b|\bquestions (?:posées|que vous posez) à (?:l'IA|notre IA|nos fonctionnalités|l'assistant|notre assistant|notre chatbot)|\b(?:interactions?|conversations?|échanges?|discussions?) avec (?:l'IA|notre IA|nos fonctionnalités d'IA|l'IA générative|l'assistant(?: IA)?|notre assistant(?: IA)?|le chatbot|des modèles)\b|\brequêtes\b|\bentrées (?:et|ou) (?:les )?sorties\b|\b(?:réponses|résultats) (?:générées?|fournies?|produites?) par (?:l'IA|l'assistant|le modèle)\b|\bcontenus? que vous (?:fournissez|saisissez|soumettez) à (?:l'IA|l'assistant|notre IA)\b`), 'ai-interactions'],
      [ure(r`\bcandidatures?\b`), 'job-applications'],
      [ure(r`\bquestions? de (?:présélection|sélection)\b|\bréponses? aux questions de (?:présélection|sélection)\b`), 'screening-answers'],
      [ure(r`\bcontenus? (?:de vos |des )?e-?mails?\b|\bmessages? privés?\b|\binmails?\b|\bmessagerie privée\b|\bconversations? privées?\b|\bmessages? que vous (?:envoyez|échangez|recevez)\b(?! (?:à|avec) (?!(?:d'autres|les autres|un autre|une autre|vos (?:contacts|amis|matchs))\b))|\b(?:messages?|échanges|conversations?|discussions?) (?:envoyés? |échangés? )?(?:à|avec|entre) (?:vous et )?(?:les |d'|vos |des )?(?:autres )?(?:membres|utilisateurs|utilisatrices|matchs|acheteurs|vendeurs|hôtes|voyageurs|contacts|amis)\b`), 'private-messages'],
      [ure(r`\bsalaires?\b|\bsalariales?\b|\brémunération\b`), 'salary'],
      [ure(r`\bidentifiants? de connexion\b|\bmots? de passe\b`), 'login-credentials'],
      [ure(r`\b(?:informations|données|moyens|coordonnées) (?:de|bancaires et de) paiement\b|\bcartes? (?:bancaires?|de crédit)\b`), 'payment-information'],
    ],
    outputLead: ure(r`(?<!\b(?:vous|ils|elles|membres?|nous)\s)\b(?:génér\p{L}*|suggér\p{L}*|suggestions?|rédig\p{L}*|rédaction|écri\p{L}*|compos\p{L}*|réécri\p{L}*|résumés?|cré\p{L}*)\s+(?:(?!(?:vos|votre|leurs?|membres?|inclu\p{L}*|utilis\p{L}*)\b)[\p{L}'-]+,?\s+){0,6}$`),
    chats: 'échanges|discussions',
    chatsWith: 'avec',
    notANegation: ure(r`\bsans (?:que cette liste soit |s'y |y être )?(?:limitation|limit\p{L}*|exhausti\p{L}*)\b|\bliste non exhaustive\b`),
    exclusionVerb: ure(r`\b(?:utilis\p{L}*|inclu\p{L}*|entraîn\p{L}*|entrain\p{L}*|amélior\p{L}*|développ\p{L}*|servent|sert|servir|servi\p{L}*|exploit\p{L}*|alimente\p{L}*|intègr\p{L}*|concern\p{L}*|exclu\p{L}*|exempt\p{L}*|fait partie|font partie)\b`),
    trainsAlgorithm: ure(r`\bentraîn\p{L}* (?:(?:de|d'|du|des|pour)\s*)?(?:(?:notre|nos|l'|les|leurs?|son|ses|cet|cette|ce|un|une)\s*)?(?:[\p{L}-]+\s+){0,2}?(?:algorithmes?|modèles?)\b`),
  },
};
