import { diffWordsWithSpace } from 'diff';

export type DiffRowKind = 'hunk' | 'context' | 'add' | 'del' | 'note';

/** One displayed line of a text diff; `parts` mark the words that changed within a paired line. */
export interface DiffRow {
  kind: DiffRowKind;
  oldLine: number | null;
  newLine: number | null;
  text: string;
  parts?: { text: string; changed: boolean }[];
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@(.*)$/;

/**
 * Rows of a unified diff with line numbers on both sides. File headers are dropped; a block of
 * removed lines followed by added lines is paired line by line to highlight the changed words.
 */
export function parseUnifiedDiff(diff: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  for (const line of diff.split('\n')) {
    const hunk = HUNK.exec(line);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      inHunk = true;
      rows.push({ kind: 'hunk', oldLine: null, newLine: null, text: line });
      continue;
    }
    if (!inHunk) continue; // Index:, ===, ---, +++ headers
    if (line.startsWith('+')) rows.push({ kind: 'add', oldLine: null, newLine: newLine++, text: line.slice(1) });
    else if (line.startsWith('-')) rows.push({ kind: 'del', oldLine: oldLine++, newLine: null, text: line.slice(1) });
    else if (line.startsWith(' ')) rows.push({ kind: 'context', oldLine: oldLine++, newLine: newLine++, text: line.slice(1) });
    else if (line.startsWith('\\')) rows.push({ kind: 'note', oldLine: null, newLine: null, text: line.slice(2) });
  }
  highlightPairs(rows);
  return rows;
}

function highlightPairs(rows: DiffRow[]): void {
  for (let i = 0; i < rows.length;) {
    if (rows[i]!.kind !== 'del') { i++; continue; }
    const delStart = i;
    while (i < rows.length && rows[i]!.kind === 'del') i++;
    const addStart = i;
    while (i < rows.length && rows[i]!.kind === 'add') i++;
    const pairs = Math.min(addStart - delStart, i - addStart);
    for (let k = 0; k < pairs; k++) {
      const del = rows[delStart + k]!;
      const add = rows[addStart + k]!;
      // Long or very different lines read better whole than as confetti.
      if (del.text.length + add.text.length > 4000) continue;
      const words = diffWordsWithSpace(del.text, add.text);
      const common = words.filter((w) => !w.added && !w.removed).reduce((n, w) => n + w.value.length, 0);
      if (common < Math.min(del.text.length, add.text.length) / 3) continue;
      del.parts = words.filter((w) => !w.added).map((w) => ({ text: w.value, changed: Boolean(w.removed) }));
      add.parts = words.filter((w) => !w.removed).map((w) => ({ text: w.value, changed: Boolean(w.added) }));
    }
  }
}
