import type { LegalBasis } from '../../domain/facts.js';
import type { Block } from '../page-blocks.js';
import type { TableRuns } from '../table-runs.js';

/** A parenthesis this short, naming a basis near its start, tags its item with that basis ("(consent)"). */
const TAG_CHARS = 60;
/** An item's last part after a colon or a spaced dash, as short as a tag. */
const TAIL = new RegExp(String.raw`(?::|\s[–—-])\s+([^:–—]{1,${TAG_CHARS}}?)\s*[.;]?$`, 'u');
/** How far into the parenthesis the basis phrase may start ("(based on your consent)"). */
/** A bracketed tag ("(consent)"). */
const BRACKETED = new RegExp(String.raw`\(([^()]{1,${TAG_CHARS}})\)`, 'g');
const TAG_LEAD_CHARS = 25;
/** The tags of one list name at least this many different bases: the list states its bases. */
const MIN_DISTINCT_BASES = 2;

export interface BasisTag {
  basis: LegalBasis;
  /** Where the tag starts in the block's text. */
  index: number;
}

type BasesIn = (text: string) => Array<{ basis: LegalBasis; index: number }>;

function tagsOf(text: string, basesIn: BasesIn, rights: (text: string) => boolean): BasisTag[] {
  const out: BasisTag[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const inside = m[1]!;
    if (rights(inside)) continue;
    for (const { basis, index } of basesIn(inside)) if (index <= TAG_LEAD_CHARS) out.push({ basis, index: m.index });
  }
  // The item's tail after a colon or a dash: "Gérer votre compte : exécution du contrat".
  const tail = TAIL.exec(text);
  if (out.length === 0 && tail !== null && !rights(tail[1]!)) {
    const start = tail.index + tail[0].length - tail[1]!.length;
    for (const { basis, index } of basesIn(tail[1]!)) if (index <= TAG_LEAD_CHARS) out.push({ basis, index: start });
  }
  return out;
}

/**
 * Bases tagged in parentheses, or after a colon or a dash, on the items of a list of purposes
 * ("To manage your account (performance of a contract)", "Lutter contre la fraude : intérêt
 * légitime"), per block. A list
 * counts when at least two of its items carry tags naming at least two different bases: a lone
 * "(with your consent)" is a condition, not a statement of bases.
 */
export function basisTags(blocks: readonly Block[], runs: TableRuns, basesIn: BasesIn, rights: (text: string) => boolean): Map<number, BasisTag[]> {
  const lists = new Map<number, number[]>();
  blocks.forEach((block, i) => {
    const lead = runs.leadIn[i];
    if (block.kind !== 'item' || lead === null || lead === undefined) return;
    const items = lists.get(lead);
    if (items === undefined) lists.set(lead, [i]);
    else items.push(i);
  });
  const out = new Map<number, BasisTag[]>();
  for (const items of lists.values()) {
    const tagged = items.map((i) => [i, tagsOf(blocks[i]!.text, basesIn, rights)] as const).filter(([, tags]) => tags.length > 0);
    const distinct = new Set(tagged.flatMap(([, tags]) => tags.map((t) => t.basis)));
    if (tagged.length < 2 || distinct.size < MIN_DISTINCT_BASES) continue;
    for (const [i, tags] of tagged) out.set(i, tags);
  }
  return out;
}
