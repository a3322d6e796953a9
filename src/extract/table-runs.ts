import type { Block } from './page-blocks.js';

/** What introduces each list item or table row, and each row's table header. */
export interface TableRuns {
  /** The block that introduces the list or table a block belongs to; null when none. */
  leadIn: Array<number | null>;
  /** The first row (the header) of the table a row belongs to; null for other blocks. */
  header: Array<number | null>;
}

function continues(blocks: readonly Block[], i: number): boolean {
  const block = blocks[i]!;
  const previous = blocks[i - 1];
  if (previous === undefined || block.leadIn !== i - 1 || previous.kind !== block.kind || previous.area !== block.area) return false;
  return block.kind === 'row' || (block.kind === 'item' && previous.level === block.level);
}

/**
 * Items (rows) that follow each other with nothing between are one list (table), even when
 * the page wrote each as a list of its own (converted pages do): they share the lead-in of the
 * first and, for rows, the first row as header, so one item's topic is not lent to the next.
 */
export function tableRuns(blocks: readonly Block[]): TableRuns {
  const leadIn: Array<number | null> = [];
  const header: Array<number | null> = [];
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i]!;
    const joined = continues(blocks, i);
    leadIn.push(joined ? leadIn[i - 1]! : block.leadIn);
    if (block.kind !== 'row') header.push(null);
    else header.push(joined || (blocks[i - 1]?.kind === 'row' && blocks[i - 1]!.listId === block.listId) ? header[i - 1]! : i);
  }
  return { leadIn, header };
}
