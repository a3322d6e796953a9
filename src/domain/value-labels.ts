import type { Direction } from './fact-direction.js';
import type { FactName, FactValue } from './facts.js';

/**
 * What a person calls each fact value: one table for the CLI's human output, the web pages, every
 * human-readable alert and the feed, so "On by default, opt-out" reads the same everywhere. JSON
 * output keeps the contract's codes; only text meant for people goes through here.
 */

/** What an unstated fact shows: an absence, not a value. */
export const NOT_STATED = '(not stated)';

export const TRAINING_DEFAULT_LABELS: Readonly<Record<'on' | 'off', string>> = {
  on: 'On by default, opt-out',
  off: 'Opt-in only',
};

export const DATA_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  profile: 'Profile', 'profile-photo': 'Profile photo', resume: 'Résumé', education: 'Education',
  'work-experience': 'Work experience', skills: 'Skills', location: 'Location', posts: 'Posts',
  comments: 'Comments', articles: 'Articles', polls: 'Polls', groups: 'Groups',
  'group-messages': 'Group messages', feedback: 'Feedback on AI answers',
  'ai-interactions': 'AI chats and prompts', 'job-applications': 'Job applications',
  'screening-answers': 'Screening answers', 'private-messages': 'Private messages', salary: 'Salary',
  'login-credentials': 'Login credentials', 'payment-information': 'Payment information',
};

export const LEGAL_BASIS_LABELS: Readonly<Record<string, string>> = {
  consent: 'Consent', contract: 'Contract', 'legitimate-interests': 'Legitimate interests',
  'legal-obligation': 'Legal obligation',
};

export const PROVIDER_LABELS: Readonly<Record<string, string>> = {
  microsoft: 'Microsoft', 'azure-openai': 'Azure OpenAI', openai: 'OpenAI', google: 'Google',
  anthropic: 'Anthropic', meta: 'Meta', mistral: 'Mistral AI', cohere: 'Cohere', amazon: 'Amazon',
};

/** The vocabulary's own regions, and names CLDR gives in a longer official form. */
const REGION_LABELS: Readonly<Record<string, string>> = {
  GLOBAL: 'Worldwide', EU: 'European Union', EEA: 'European Economic Area', HK: 'Hong Kong', MO: 'Macao',
};

/** Which way a change cuts, as a badge or a heading says it. */
export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  wider: 'Wider use', narrower: 'Narrower use', neutral: 'Neutral',
};

/** What a line of text adds after a change that widens or narrows the use; nothing when neutral. */
export const DIRECTION_NOTES: Readonly<Record<Direction, string>> = {
  wider: 'wider use of data', narrower: 'narrower use of data', neutral: '',
};

let regionNames: Intl.DisplayNames | undefined;

/** A region code as a name: `GB` is "United Kingdom", `GLOBAL` "Worldwide"; an unknown code stays as it is. */
export function regionLabel(code: string): string {
  if (REGION_LABELS[code]) return REGION_LABELS[code];
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}

/** A provider found in a sub-processor table has a slug (`acme-labs`): shown as "Acme Labs". */
function providerLabel(slug: string): string {
  return PROVIDER_LABELS[slug] ?? slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** One value of a fact as a person reads it: a region's name, a data category's words, "Opt-in only". */
export function valueLabel(fact: FactName, value: string | number | boolean): string {
  switch (fact) {
    case 'regions':
    case 'excludedRegions':
      return regionLabel(String(value));
    case 'includedData':
    case 'excludedData':
      return DATA_CATEGORY_LABELS[String(value)] ?? String(value);
    case 'legalBasis':
      return LEGAL_BASIS_LABELS[String(value)] ?? String(value);
    case 'aiProviders':
      return providerLabel(String(value));
    case 'aiTrainingDefault':
      return TRAINING_DEFAULT_LABELS[value as 'on' | 'off'] ?? String(value);
    case 'minorsExcluded':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    default:
      return String(value);
  }
}

/** A whole fact value as text: lists joined (the opt-out path as a menu path), null as "(not stated)". */
export function factValueText(fact: FactName, value: FactValue | undefined): string {
  if (value === null || value === undefined) return NOT_STATED;
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return fact === 'optOutPath' ? value.join(' › ') : value.map((v) => valueLabel(fact, v)).join(', ');
  }
  return valueLabel(fact, value);
}
