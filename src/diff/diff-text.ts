import { createTwoFilesPatch } from 'diff';

export interface TextDiff {
  /** Unified diff, three lines of context. Empty when the texts are equal. */
  patch: string;
  added: number;
  removed: number;
}

/** A line diff of two normalized page texts, as a unified patch. */
export function diffText(before: string, after: string, labels: { before: string; after: string } = { before: 'before', after: 'after' }): TextDiff {
  if (before === after) return { patch: '', added: 0, removed: 0 };
  const patch = createTwoFilesPatch(labels.before, labels.after, ensureNewline(before), ensureNewline(after), '', '', { context: 3 });
  let added = 0;
  let removed = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++')) added++;
    else if (line.startsWith('-') && !line.startsWith('---')) removed++;
  }
  return { patch, added, removed };
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
