import type { Language, LanguageChoice } from '../domain/languages.js';
import { en } from './lang/en.js';
import { fr } from './lang/fr.js';

const SAMPLE_WORDS = 3000;

/** The page's language: as asked, else `<html lang>` when it is English or French, else the words. */
export function detectLanguage(requested: LanguageChoice | undefined, htmlLang: string | null, text: string): Language {
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
export function readingLanguage(requested: LanguageChoice | undefined, documentLanguage: Language, text: string): Language {
  if (requested === 'en' || requested === 'fr') return requested;
  const counts = countStopwords(text);
  if (counts.fr >= 20 && counts.fr > 2 * counts.en) return 'fr';
  if (counts.en >= 20 && counts.en > 2 * counts.fr) return 'en';
  return documentLanguage;
}
