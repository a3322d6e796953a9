import type { LegalBasis } from '../../domain/facts.js';
import { ure } from '../lang/unicode-regex.js';

/** How one language cites the points of GDPR Article 6(1): regex alternations, read case-insensitively. */
export interface ArticleWords {
  /** "Article", "Art." and the like, before the number 6. */
  article: string;
  /** What stands between 6 and 1 when not written "6(1)" or "6.1" ("paragraph", "para.", "§"). */
  paragraph: string;
  /** The sentence of the paragraph, cited between 6(1) and the point ("sentence 1"). */
  sentence: string;
  /** What may stand before a point's letter ("point", "lit.", "letter"). */
  point: string;
  /** What joins two letters ("and", "or"). */
  and: string;
  /** What links a point to its article in "point (f) of Article 6(1)" ("of"). */
  of: string;
}

/**
 * GDPR Art. 6(1)'s points that name a basis in this vocabulary; (d) vital interests and (e) a
 * public task have no value of their own and are left out.
 */
const POINT_BASES: Readonly<Record<string, LegalBasis>> = {
  a: 'consent',
  b: 'contract',
  c: 'legal-obligation',
  f: 'legitimate-interests',
};

interface ArticlePatterns {
  /** "Article 6(1)", "Art. 6.1", "article 6, paragraphe 1", "Art. 6 (1)": the letters follow. */
  head: RegExp;
  /** One letter after the head or a previous letter, read from where the last one ended. */
  letter: RegExp;
  /** "point (f) of Article 6(1)": the letters come first. */
  pointsOf: RegExp;
}

const cache = new WeakMap<ArticleWords, ArticlePatterns>();

function patterns(words: ArticleWords): ArticlePatterns {
  const cached = cache.get(words);
  if (cached) return cached;
  const r = String.raw;
  const one = r`(?:\(\s*1\s*\)|1)`;
  // A bare letter (no bracket) only where nothing but punctuation, the law's name or the end follows,
  // so that "Article 6(1) a ..." (an English article) is no point.
  const bareEnd = r`(?=\s*(?:$|[),;:.\]/]|GDPR|RGPD|UK\b|DSGVO|(?:${words.of})\b))`;
  const letter = r`(?:\(\s*([a-f])\s*\)|\.([a-f])\b|([a-f])\s*\)|([a-f])${bareEnd})`;
  const patterns: ArticlePatterns = {
    head: ure(r`\b(?:${words.article})\s*6\s*(?:\(\s*1\s*\)|\.\s*1(?=\s*\.?\s*\(?[a-f]\b)|,?\s*(?:${words.paragraph})\s*${one})`, 'gi'),
    letter: ure(r`\s*(?:(?:,|${words.and}|&|/)\s*)?,?\s*(?:(?:${words.sentence})\s*1\s*,?\s*)?(?:(?:${words.point})\s*)?${letter}`, 'iy'),
    pointsOf: ure(r`\b(?:${words.point})\s*\(?([a-f])\)((?:\s*(?:,|${words.and})\s*\(?[a-f]\))*)\s*(?:${words.of})\s*(?:the\s*)?(?:${words.article})\s*6\s*${one}?`, 'gi'),
  };
  cache.set(words, patterns);
  return patterns;
}

/**
 * The bases a text names by citing GDPR Art. 6(1) points ("Article 6(1)(b)", "Art. 6.1.f",
 * "article 6, paragraphe 1, alinéa (f)", "point (a) of Article 6(1)"), each with where it is
 * cited, in the order of the text.
 */
export function gdprArticleBases(text: string, words: ArticleWords): Array<{ basis: LegalBasis; index: number }> {
  // Every citation names Article 6: most sentences hold no 6 and need no regex at all.
  if (!text.includes('6')) return [];
  const { head, letter, pointsOf } = patterns(words);
  const out: Array<{ basis: LegalBasis; index: number }> = [];
  const add = (point: string | undefined, index: number): void => {
    const basis = point === undefined ? undefined : POINT_BASES[point.toLowerCase()];
    if (basis !== undefined && !out.some((o) => o.basis === basis)) out.push({ basis, index });
  };
  for (const m of text.matchAll(head)) {
    letter.lastIndex = m.index + m[0].length;
    for (let l = letter.exec(text); l !== null; l = letter.exec(text)) add(l[1] ?? l[2] ?? l[3] ?? l[4], m.index);
  }
  for (const m of text.matchAll(pointsOf)) {
    add(m[1], m.index);
    for (const more of (m[2] ?? '').matchAll(/\(?([a-f])\)/gi)) add(more[1], m.index);
  }
  return out.sort((a, b) => a.index - b.index);
}
