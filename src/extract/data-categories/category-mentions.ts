import type { DataCategory } from '../../domain/facts.js';
import type { Language } from '../../domain/languages.js';
import { globalOf } from '../global-of.js';
import { DATA_CATEGORIES_WORDS } from './data-categories-words.js';

export interface CategoryMention { category: DataCategory; index: number; end: number }

/** Data categories named in a text, skipping what the AI produces ("suggested posts"). */
export function categoryMentions(text: string, languages: readonly Language[]): CategoryMention[] {
  const tables = languages.map((l) => DATA_CATEGORIES_WORDS[l]);
  const found: CategoryMention[] = [];
  for (const t of tables) {
    for (const [re, category] of t.categories) {
      for (const m of text.matchAll(globalOf(re))) {
        const before = text.slice(Math.max(0, m.index - 48), m.index);
        if (tables.some((x) => x.outputLead.test(before))) continue;
        found.push({ category, index: m.index, end: m.index + m[0].length });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
