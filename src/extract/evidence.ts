/** Longest evidence kept: a sentence, or the part of it around what was read. */
export const MAX_EVIDENCE_CHARS = 200;

/** The sentence, or a window of it around `index` cut at word boundaries, at most 200 chars. */
export function clip(text: string, index = 0, length = 0): string {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_EVIDENCE_CHARS) return trimmed;
  const offset = text.indexOf(trimmed);
  const at = Math.max(0, index - offset);
  const center = at + Math.floor(length / 2);
  let start = Math.max(0, Math.min(center - MAX_EVIDENCE_CHARS / 2, trimmed.length - MAX_EVIDENCE_CHARS));
  let end = start + MAX_EVIDENCE_CHARS;
  if (start > 0) {
    const space = trimmed.indexOf(' ', start);
    if (space >= 0 && space < at) start = space + 1;
  }
  if (end < trimmed.length) {
    const space = trimmed.lastIndexOf(' ', end);
    if (space > Math.max(start, at + length)) end = space;
  }
  return trimmed.slice(start, end).trim();
}

/** A fact value with the text it was read from. */
export interface Found<T> {
  value: T;
  evidence: string;
}
