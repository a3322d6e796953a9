import type { Block } from '../page-blocks.js';
import type { TableRuns } from '../table-runs.js';
import type { LegalBasisWords } from './legal-basis-words.js';

/** Cells of one row are joined by this in a block's text (page-blocks). */
const CELL_SEPARATOR = ' | ';

/** A column without a header about bases needs this many rows, each naming a basis... */
const MIN_ROWS = 2;
/** ...and this many different bases across them (a retention column says "contract" alone). */
const MIN_DISTINCT_BASES = 2;

type Words = Pick<LegalBasisWords, 'legalBases' | 'basisColumnHeader' | 'rightsCue' | 'legalBasisMasks'>;

function masked(text: string, tables: readonly Words[]): string {
  let out = text;
  for (const t of tables) for (const re of t.legalBasisMasks) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}

function basesOf(cell: string, tables: readonly Words[]): Set<string> {
  const text = masked(cell, tables);
  const out = new Set<string>();
  if (tables.some((t) => t.rightsCue.test(text))) return out;
  for (const t of tables) for (const [re, basis] of t.legalBases) if (re.test(text)) out.add(basis);
  return out;
}

/** The rows of each table run (rows sharing a header), in page order. */
function tables(blocks: readonly Block[], runs: TableRuns): number[][] {
  const byHeader = new Map<number, number[]>();
  blocks.forEach((block, i) => {
    const header = runs.header[i];
    if (block.kind !== 'row' || header === null || header === undefined) return;
    const rows = byHeader.get(header) ?? [];
    rows.push(i);
    byHeader.set(header, rows);
  });
  return [...byHeader.values()];
}

export interface BasisColumns {
  /** Per row, the cells of its basis columns that name a basis. */
  cells: Map<number, string[]>;
  /** Rows (header included) of a table whose header names its basis column: its other cells are purposes and data, not bases. */
  headedRows: Set<number>;
}

/**
 * The cells, per row, of the basis columns of the page's tables (one-row tables that follow each
 * other are one table, see `tableRuns`). A column is a basis column when its header asks for the
 * reasons or grounds of the processing ("Legal basis", "Quelle justification ?") and at least half
 * of its cells name a basis, or, without such a header, when every cell names a basis and the
 * column names at least two different ones: a purposes table's justification column, whatever its
 * header says. A cell about a user's right is never one.
 */
export function basisColumns(blocks: readonly Block[], runs: TableRuns, words: readonly Words[]): BasisColumns {
  const out = new Map<number, string[]>();
  const headedRows = new Set<number>();
  for (const rows of tables(blocks, runs)) {
    const cells = rows.map((i) => blocks[i]!.text.split(CELL_SEPARATOR));
    const width = cells[0]!.length;
    if (width < 2) continue;
    for (let column = 0; column < width; column += 1) {
      const headed = words.some((t) => t.basisColumnHeader.test(masked(cells[0]![column]!, words)));
      const body = headed ? rows.slice(1) : rows;
      const bodyCells = (headed ? cells.slice(1) : cells).map((row) => (row.length === width ? row[column]! : ''));
      const named = bodyCells.map((cell) => basesOf(cell, words));
      const naming = named.filter((b) => b.size > 0).length;
      const distinct = new Set(named.flatMap((b) => [...b])).size;
      const isBasisColumn = headed
        ? naming > 0 && naming * 2 >= bodyCells.length
        : body.length >= MIN_ROWS && naming === body.length && distinct >= MIN_DISTINCT_BASES;
      if (!isBasisColumn) continue;
      if (headed) for (const row of rows) headedRows.add(row);
      body.forEach((row, k) => {
        if (named[k]!.size === 0) return;
        out.set(row, [...(out.get(row) ?? []), bodyCells[k]!]);
      });
    }
  }
  return { cells: out, headedRows };
}
