import type { Language } from '../domain/facts.js';
import type { LanguageTable } from './lang/table.js';
import { en } from './lang/en.js';
import { fr } from './lang/fr.js';

const SAMPLE_WORDS = 3000;

/** The page's language: as asked, else `<html lang>` when it is English or French, else the words. */
export function detectLanguage(requested: 'en' | 'fr' | 'auto' | undefined, htmlLang: string | null, text: string): Language {
  if (requested === 'en' || requested === 'fr') return requested;
  const tag = (htmlLang ?? '').toLowerCase().split(/[-_]/)[0];
  if (tag === 'en' || tag === 'fr') return tag;
  const counts = countStopwords(text);
  return counts.fr > counts.en ? 'fr' : 'en';
}

function countStopwords(text: string): Record<Language, number> {
  const counts: Record<Language, number> = { en: 0, fr: 0 };
  const words = text.toLowerCase().split(/[^\p{L}']+/u).slice(0, SAMPLE_WORDS);
  for (const word of words) {
    if (en.stopwords.has(word)) counts.en += 1;
    if (fr.stopwords.has(word)) counts.fr += 1;
  }
  return counts;
}

/**
 * The language to read the facts in: as asked, else what the words clearly are (a French page
 * served with `lang="en"` still reads as French), else the document's language.
 */
export function readingLanguage(requested: 'en' | 'fr' | 'auto' | undefined, documentLanguage: Language, text: string): Language {
  if (requested === 'en' || requested === 'fr') return requested;
  const counts = countStopwords(text);
  if (counts.fr >= 20 && counts.fr > 2 * counts.en) return 'fr';
  if (counts.en >= 20 && counts.en > 2 * counts.fr) return 'en';
  return documentLanguage;
}

/** Tables to read a page with: its own language first, the other one for quoted names. */
export function tablesFor(language: Language): LanguageTable[] {
  return language === 'fr' ? [fr, en] : [en, fr];
}

/**
 * The tables fact families read with: `cues` (topic, negation, regions, data categories) only
 * in the page's language, since words like "publications" mean different things in English and
 * French; `names` (dates, menu labels) in both, since pages quote the other language's names.
 */
export interface ReadingTables {
  cues: LanguageTable[];
  names: LanguageTable[];
}

export function readingTables(language: Language): ReadingTables {
  const names = tablesFor(language);
  return { cues: [names[0]!], names };
}
