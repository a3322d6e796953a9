import { alternatives, SHARED_WORDS, tablesMatch } from './lang/shared.js';
import type { SharedWords } from './lang/shared-words.js';
import { globalOf } from './global-of.js';

const ABBREVIATION = new RegExp(String.raw`(?:\b(?:${alternatives((l) => SHARED_WORDS[l].abbreviations)})|(?:^|[\s(])[A-Z])$`, 'i');
const SENTENCE_END = /[.!?]+["”»)\]]*\s+(?=["“«(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])/g;

// Converted pages carry their line breaks as text ("<br><br>"): each line is a sentence.
const TEXT_BREAK = /\s*(?:<br\s*\/?>\s*)+/gi;

/** Splits a block into sentences, keeping abbreviations ("e.g.", "U.S.", "Nov.") whole. */
export function splitSentences(text: string): string[] {
  if (!text.includes('<br')) return splitProse(text);
  return text.split(TEXT_BREAK).flatMap((line) => (line.trim() === '' ? [] : splitProse(line)));
}

function splitProse(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const at = m.index;
    if (ABBREVIATION.test(text.slice(Math.max(start, at - 12), at))) continue;
    const sentence = text.slice(start, at + m[0].length).trim();
    if (sentence) out.push(sentence);
    start = at + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

export interface Clause {
  text: string;
  /** Offset of the clause in its sentence. */
  start: number;
  end: number;
  /** The clause denies or excludes what it names. */
  negative: boolean;
}

function splitKeeping(text: string, start: number, re: RegExp, keepSeparator: boolean): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let from = 0;
  for (const m of text.matchAll(globalOf(re))) {
    if (m[0].length === 0 && !keepSeparator) continue;
    if (m.index > from) out.push({ text: text.slice(from, m.index), start: start + from });
    from = keepSeparator ? m.index : m.index + m[0].length;
    if (keepSeparator && m.index === 0) continue;
  }
  out.push({ text: text.slice(from), start: start + from });
  return out.filter((c) => c.text.trim() !== '');
}

/**
 * Cuts a sentence into clauses that may differ in polarity: "we use X, but not Y" gives a
 * positive clause and a negative one; a clause opened by "except"/"other than" takes the
 * opposite polarity of the clause before it.
 */
export function splitClauses(sentence: string, tables: readonly SharedWords[]): Clause[] {
  // A parenthesis with its own negation or exception ("(but not tied to job applications)") is a
  // clause of its own; other parentheses ("(including InMail)", "(EU)") read with their clause.
  const asides: Array<{ text: string; start: number }> = [];
  const main = sentence.replace(/\(([^()]*)\)/g, (all: string, inner: string, at: number) => {
    const own = tablesMatch(tables, (t) => t.negation, inner) || tablesMatch(tables, (t) => t.exceptionStart, inner);
    if (!own) return all;
    asides.push({ text: inner, start: at + 1 });
    return ' '.repeat(all.length);
  });
  let pieces = [{ text: main, start: 0 }];
  for (const t of tables) pieces = pieces.flatMap((p) => splitKeeping(p.text, p.start, t.clauseSplit, false));
  for (const t of tables) pieces = pieces.flatMap((p) => splitKeeping(p.text, p.start, t.exceptionStart, true));
  const clauses: Clause[] = [];
  for (const piece of pieces) {
    const isException = tablesMatch(tables, (t) => exceptionAtStart(t), piece.text);
    const negated = tablesMatch(tables, (t) => t.negation, piece.text);
    const previous = clauses.at(-1);
    const negative = isException && previous !== undefined ? !previous.negative : negated || isException;
    clauses.push({ text: piece.text, start: piece.start, end: piece.start + piece.text.length, negative });
  }
  if (clauses.length === 0) {
    clauses.push({ text: main, start: 0, end: main.length, negative: tablesMatch(tables, (t) => t.negation, main) });
  }
  for (const aside of asides) {
    const around = clauseAt(clauses, aside.start);
    const exception = tablesMatch(tables, (t) => exceptionAtStart(t), aside.text);
    clauses.push({
      text: aside.text, start: aside.start, end: aside.start + aside.text.length,
      negative: exception ? !around.negative : true,
    });
  }
  return clauses;
}

const anchored = new WeakMap<SharedWords, RegExp>();
function exceptionAtStart(t: SharedWords): RegExp {
  let re = anchored.get(t);
  if (re === undefined) {
    re = new RegExp(`^\\s*(?:${t.exceptionStart.source})`, t.exceptionStart.flags);
    anchored.set(t, re);
  }
  return re;
}

/** The innermost clause that contains a position of the sentence. */
export function clauseAt(clauses: readonly Clause[], index: number): Clause {
  let found: Clause | undefined;
  for (const c of clauses) {
    if (c.start <= index && index < c.end && (found === undefined || c.end - c.start < found.end - found.start)) found = c;
  }
  return found ?? clauses.reduce((best, c) => (c.start <= index && c.start >= best.start ? c : best), clauses[0]!);
}
