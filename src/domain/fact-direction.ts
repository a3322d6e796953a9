import type { FactName, FactValue } from './facts.js';

/**
 * Which way a fact change cuts for the people whose data a page describes: `wider` when the use
 * of their data grows, `narrower` when it shrinks, `neutral` when it does neither (dates, lawful
 * bases, a reworded opt-out path).
 */
export type Direction = 'wider' | 'narrower' | 'neutral';

export const DIRECTIONS: readonly Direction[] = ['wider', 'narrower', 'neutral'];

/*
 * One principle, fact by fact: a use stated or a protection lost is `wider`; a use dropped or a
 * protection stated is `narrower`. A list fact that gained and lost values at once is `wider` if
 * it widened the use for anyone (a region, category or provider added; an exclusion dropped),
 * so a swap is never hidden behind what it took away. It lives in domain/ because the diff stage
 * sets it on new changes and the store derives it for changes recorded before it existed.
 */

/** Lists of what is used: a value added widens the use. */
const USE_LISTS: ReadonlySet<FactName> = new Set<FactName>(['regions', 'includedData', 'aiProviders']);
/** Lists of what is kept out: a value removed widens the use. */
const EXCLUSION_LISTS: ReadonlySet<FactName> = new Set<FactName>(['excludedRegions', 'excludedData']);

/**
 * The rank of a scalar's values, low to high use; null (not stated) sits where its absence
 * leaves the reader. Moving up is `wider`, down `narrower`.
 * - aiTrainingDefault: opt-in only < not stated < on by default (opt-out).
 * - minorsExcluded: excluded < not stated < not excluded.
 */
const RANKS: Partial<Record<FactName, ReadonlyMap<FactValue, number>>> = {
  aiTrainingDefault: new Map<FactValue, number>([['off', 0], [null, 1], ['on', 2]]),
  minorsExcluded: new Map<FactValue, number>([[true, 0], [null, 1], [false, 2]]),
};

/** The direction of one fact's change from `before` to `after` (equal values: `neutral`). */
export function factDirection(fact: FactName, before: FactValue, after: FactValue): Direction {
  const a = before ?? null;
  const b = after ?? null;
  if (USE_LISTS.has(fact)) return listDirection(fact, a as string[] | null, b as string[] | null, 'use');
  if (EXCLUSION_LISTS.has(fact)) return listDirection(fact, a as string[] | null, b as string[] | null, 'exclusion');
  // An on-by-default no longer stated may be an opt-out taken away (the use goes on without a choice) or
  // the use dropped: the opt-out path and the data facts beside it say which way such a change cuts.
  if (fact === 'aiTrainingDefault' && a === 'on' && b === null) return 'neutral';
  const rank = RANKS[fact];
  if (rank) return compare(rank.get(a) ?? 1, rank.get(b) ?? 1);
  switch (fact) {
    case 'minimumAge':
      // An age limit is a protection: stating one narrows, dropping one widens, lowering it widens.
      if (a === b) return 'neutral';
      if (a === null) return 'narrower';
      if (b === null) return 'wider';
      return compare(b as number, a as number);
    case 'optOutPath':
      // The way out is a protection; a renamed menu is still a way out.
      if (a === null && b !== null) return 'narrower';
      if (a !== null && b === null) return 'wider';
      return 'neutral';
    default:
      return 'neutral'; // dates and lawful bases say nothing about how far the use reaches
  }
}

function compare(before: number, after: number): Direction {
  return after > before ? 'wider' : after < before ? 'narrower' : 'neutral';
}

function listDirection(fact: FactName, before: string[] | null, after: string[] | null, kind: 'use' | 'exclusion'): Direction {
  const was = new Set(before ?? []);
  const now = new Set(after ?? []);
  if (fact === 'regions' && (was.has('GLOBAL') || now.has('GLOBAL'))) {
    // Everywhere already covers any region named beside it.
    if (was.has('GLOBAL') && now.has('GLOBAL')) return 'neutral';
    return now.has('GLOBAL') ? 'wider' : 'narrower';
  }
  const added = [...now].some((v) => !was.has(v));
  const removed = [...was].some((v) => !now.has(v));
  const grew = kind === 'use' ? added : removed;
  const shrank = kind === 'use' ? removed : added;
  return grew ? 'wider' : shrank ? 'narrower' : 'neutral';
}

/**
 * The way a whole change cuts, from its facts' directions: `wider` if any fact widens the use
 * (a widening is never hidden behind what else narrowed), else `narrower` if any narrows it.
 */
export function strongestDirection(directions: Iterable<Direction>): Direction {
  let strongest: Direction = 'neutral';
  for (const d of directions) {
    if (d === 'wider') return 'wider';
    if (d === 'narrower') strongest = 'narrower';
  }
  return strongest;
}
