import type { Language } from '../../domain/languages.js';
import { alternatives, withSharedWords } from '../lang/shared.js';
import type { Unit } from '../units.js';
import type { Block } from '../page-blocks.js';
import { clip, type Found } from '../evidence.js';
import { isSelf } from '../self-names.js';
import { splitClauses } from '../sentences.js';
import type { FactReader } from '../reading.js';
import { PROVIDERS_WORDS } from './providers-words.js';

const PROVIDER_TABLES = withSharedWords(PROVIDERS_WORDS);
const wordsOf = (pick: (l: Language) => string, flags = 'i'): RegExp => new RegExp(alternatives(pick), flags);

/** Third parties that supply AI models, as the contract names them. */
const PROVIDERS: Array<[RegExp, string]> = [
  [/\bazure open\s?ai\b/i, 'azure-openai'],
  [/(?<!\bazure\s)\bopen\s?ai\b|\bchatgpt\b|\bgpt-\d/i, 'openai'],
  // Microsoft's office, analytics, sign-in and startup products are no supplier of models.
  [/\bmicrosoft\b(?!\s+(?:privacy statement|services agreement|advertising|ads|365|office|teams|outlook|clarity|exchange|dynamics|windows|xbox|edge|store|accounts?|entra|intune|sharepoint|onedrive|for startups)\b)/i, 'microsoft'],
  [/\banthropic\b|\bclaude\b/i, 'anthropic'],
  [/\bgoogle(?:'s)? (?:gemini|ai|cloud|vertex)\b|\bvertex ai\b|\bgemini\b|\bmodels? (?:from|by|developed by|made by|built by) (?:[\w-]+(?: ai)?,? (?:and )?)*google\b/i, 'google'],
  [/\bmistral\b/i, 'mistral'],
  [/\bcohere\b/i, 'cohere'],
  [/\bamazon bedrock\b/i, 'amazon'],
  [/\bllama\b|\bmodels? (?:from|by|developed by|made by|built by) (?:[\w-]+(?: ai)?,? (?:and )?)*meta\b/i, 'meta'],
];
const MODEL_WORD = wordsOf((l) => PROVIDERS_WORDS[l].modelWord);
// "Partners may use the data to train their own models": a recipient, not a supplier of ours.
const OWN_USE = wordsOf((l) => PROVIDERS_WORDS[l].ownUse);
const SUPPLY = new RegExp(String.raw`\b(?:${alternatives((l) => PROVIDERS_WORDS[l].supply)})\b`, 'i');
// "Service providers such as Google Cloud host our data": infrastructure, not a supplier of models.
const HOSTING = new RegExp(String.raw`\b(?:${alternatives((l) => PROVIDERS_WORDS[l].hosting)})\b`, 'i');
const ADVERTISING = wordsOf((l) => PROVIDERS_WORDS[l].advertising);
const INTEGRATION = new RegExp(String.raw`\b(?:${alternatives((l) => PROVIDERS_WORDS[l].integration)})\b`, 'i');
const COMPARISON = wordsOf((l) => PROVIDERS_WORDS[l].comparison);
// How far before a name a comparison word ("unlike", "compared with") still governs it.
const COMPARED_CHARS = 30;
const AFFILIATION = wordsOf((l) => PROVIDERS_WORDS[l].affiliation);
// A cloud platform, not an AI product on it ("Google Cloud", "Microsoft Azure", but not "Azure OpenAI").
const CLOUD_PLATFORM = /\bgoogle cloud(?: platform)?\b(?!\s+(?:vertex|ai\b))|\b(?:microsoft(?:'s)? )?azure\b(?!\s+open\s?ai)|\bmicrosoft(?:'s)? cloud\b/gi;

// Names that are AI products or AI companies by themselves: a sentence naming one is about AI even
// with no AI word ("sent to outside services, such as Google Gemini or Claude"). Bare company names
// (Google, Microsoft, Meta, Amazon) and ordinary words (mistral, cohere, llama) are not.
const AI_NAME_ANY_CASE = /\bopen\s?ai\b|\bchatgpt\b|\bgpt-\d|\banthropic\b|\bmistral ai\b/i;
// Names that are also ordinary words or people's names count as written, capitalised.
const AI_NAME_CAPITALISED = /\bClaude\b(?!\s+\p{Lu})|\bGemini\b(?!\s+(?:Trust|Exchange|Earn|Dollar))|\b(?:Meta )?Llama(?: \d|\b(?=\s+models?))/u;
const AI_NAME = { test: (text: string): boolean => AI_NAME_ANY_CASE.test(text) || AI_NAME_CAPITALISED.test(text) };

// A sub-processor row whose description is an AI tool: "Acme Ltd. | AI agent", "Acme | Outil d'IA".
const AI_TOOL = wordsOf((l) => PROVIDERS_WORDS[l].aiTool);
const PARTY_TABLE = wordsOf((l) => PROVIDERS_WORDS[l].partyTable);
const COMPANY_SUFFIX = /[\s,]+(?:ltd|limited|inc|llc|gmbh|sas|sarl|sa|bv|b\.v|ag|plc|corp(?:oration)?|pte|s\.a\.s|s\.a|ireland|europe|france|uk)\.?$/i;

/**
 * Whether a row sits in a table of parties: its header row, the line before the table or the
 * heading above it names parties ("Sub-processor | Purpose", "Our vendors"). A first cell of a
 * table of purposes or features ("Customer support | an AI assistant answers") is no company.
 */
function inPartyTable(blocks: readonly Block[], unit: Unit): boolean {
  if (blocks[unit.blockIndex] !== unit.block) return false;
  let first = unit.blockIndex;
  while (first > 0 && blocks[first - 1]!.kind === 'row') first -= 1;
  if (PARTY_TABLE.test(blocks[first]!.text)) return true;
  for (let i = first - 1; i >= 0; i -= 1) {
    const b = blocks[i]!;
    if (PARTY_TABLE.test(b.text) && (b.kind === 'heading' || i === first - 1)) return true;
    if (b.kind === 'heading') return false;
  }
  return false;
}

/** The provider a sub-processor table row names in its first cell, when its description is an AI tool. */
function rowProvider(unit: Unit, blocks: readonly Block[]): { provider: string; named: string } | null {
  if (unit.block.kind !== 'row') return null;
  const cells = unit.text.split(' | ');
  if (cells.length < 2 || !cells.slice(1).some((c) => AI_TOOL.test(c))) return null;
  // "Amazon Web Services | Hosting of our AI models": a host, not a supplier of models.
  if (cells.slice(1).some((c) => HOSTING.test(c)) && !SUPPLY.test(unit.text)) return null;
  const named = cells[0]!.split('<br')[0]!.trim();
  if (named.length === 0 || named.length > 40 || !/^[\p{Lu}\d]/u.test(named)) return null;
  if (!COMPANY_SUFFIX.test(named) && !inPartyTable(blocks, unit)) return null;
  for (const [re, provider] of PROVIDERS) if (re.test(named)) return { provider, named };
  let name = named;
  for (let previous = ''; previous !== name; ) [previous, name] = [name, name.replace(COMPANY_SUFFIX, '')];
  const provider = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return provider === '' ? null : { provider, named };
}

/** Providers named as supplying the models the AI features (and their training) use; never the service itself. */
export function extractProviders(units: readonly Unit[], languages: readonly Language[], ownNames: readonly string[] = [], blocks: readonly Block[] = []): Found<string[]> | null {
  const tables = languages.map((l) => PROVIDER_TABLES[l]);
  const found = new Set<string>();
  let evidence: string | null = null;
  for (const unit of units) {
    const row = rowProvider(unit, blocks);
    if (row !== null && !isSelf(row.provider, row.named, ownNames)) {
      found.add(row.provider);
      evidence ??= clip(unit.text);
      continue;
    }
    // An AI product's name makes its sentence about AI ("sent to services such as Gemini"); there
    // only the AI names count, not a bare company named beside them.
    const aiByName = !(unit.ai || unit.aiContext);
    if (aiByName && !AI_NAME.test(unit.text)) continue;
    if (!tables.some((t) => t.providerCue.test(unit.text)) || ADVERTISING.test(unit.text)) continue;
    // "You can connect your ChatGPT account", "Sign in with Google": what the user links, not what supplies our AI.
    if (INTEGRATION.test(unit.text) && !SUPPLY.test(unit.text)) continue;
    if (OWN_USE.test(unit.text) && !SUPPLY.test(unit.text)) continue;
    // "Unlike ChatGPT", "our founders worked at OpenAI": a name set beside ours or tied to us, supplying nothing.
    if ((COMPARISON.test(unit.text) || AFFILIATION.test(unit.text)) && !SUPPLY.test(unit.text)) continue;
    // Storage in the sentence makes a cloud name a host; an AI product stays a supplier of models.
    const hosting = HOSTING.test(unit.text) && !SUPPLY.test(unit.text) && !MODEL_WORD.test(unit.text);
    // "We host our models on Google Cloud": the platform runs the models and supplies none, even
    // beside the word "models"; an AI product named on it ("Vertex AI", "Azure OpenAI") still counts.
    const text = HOSTING.test(unit.text) && !SUPPLY.test(unit.text) ? unit.text.replace(CLOUD_PLATFORM, (c) => ' '.repeat(c.length)) : unit.text;
    const clauses = splitClauses(unit.text, tables);
    for (const [re, provider] of PROVIDERS) {
      const m = re.exec(text);
      if (!m || isSelf(provider, m[0], ownNames)) continue;
      if ((aiByName || hosting) && !AI_NAME.test(m[0])) continue;
      // "Unlike ChatGPT, our assistant is built on our own models": the name compared is none of ours.
      if (COMPARISON.test(text.slice(Math.max(0, m.index - COMPARED_CHARS), m.index))) continue;
      // "We do not rely on OpenAI or any other vendor": named as not supplying anything.
      // ("... supplied by OpenAI, which may not train its own models": the negation comes after it.)
      const negatedBefore = clauses.some((c) => {
        if (!c.negative || m.index < c.start || m.index >= c.end) return false;
        return tables.some((t) => {
          const n = t.negation.exec(c.text);
          return n !== null && n.index < m.index - c.start;
        });
      });
      if (negatedBefore) continue;
      found.add(provider);
      evidence ??= clip(unit.text, m.index, m[0].length);
    }
  }
  return found.size > 0 ? { value: [...found].sort(), evidence: evidence! } : null;
}

export const providersReader: FactReader = {
  facts: ['aiProviders'],
  read: ({ units, reading, page, ownNames }) => ({ aiProviders: extractProviders(units, reading.cues, ownNames, page.blocks) }),
};
