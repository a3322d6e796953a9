import type { FactChange } from '../domain/facts.js';
import type { Direction } from '../domain/fact-direction.js';
import { factDirection } from '../domain/fact-direction.js';
import { factLabel } from '../domain/fact-labels.js';
import { DIRECTION_NOTES, valueLabel } from '../domain/value-labels.js';
import type { EventChange, OutboxEvent } from './outbox-event.js';
import { describeEvent } from './describe-event.js';
import { formatFactValue } from './summarize-fact-changes.js';

/** One row of a message's fact table, every cell already readable text. */
export interface FactRow {
  /** The fact's code (`regions`). */
  fact: string;
  /** What a person calls it ("Regions covered"). */
  label: string;
  /** Which way the change cuts. */
  direction: Direction;
  /** "wider use of data", "narrower use of data", or empty when neutral. */
  directionNote: string;
  before: string;
  after: string;
  /** `+A, +B` style lists for list facts; empty otherwise. */
  added: string;
  removed: string;
  /** The page text the new value was read from, when the event carries it. */
  evidence: string | null;
}

/** What the e-mail, ntfy and Teams formats say about an event, before each shapes it. */
export interface ChannelMessage {
  /** The source's name, else its id. */
  label: string;
  /** The one line: an e-mail subject, a notification title. */
  summary: string;
  /** The fact table of a change; empty for other events. */
  facts: FactRow[];
  /** Further lines when there is no fact table (a failure's reason, a discovered post's URL). */
  details: string[];
  /** The web page of a change (`<publicUrl>/changes/<id>`), else the source's web page (`/sources/<id>`), else the source's own page. */
  link: string;
  linkLabel: string;
  /** ISO date-time when the event says. */
  at: string | null;
  tone: 'change' | 'bad' | 'good' | 'info';
}

/**
 * Builds the channel-neutral message of an event. The link goes to the change's web page: the
 * event's `change.url` when it carries one, else the web twin of its `/api/changes/<id>` link.
 */
export function channelMessage(event: OutboxEvent): ChannelMessage {
  const d = describeEvent(event);
  if (!('change' in event)) {
    return {
      // The source's web page (failing, recovered, discovered) where the event has one, as in the chat formats.
      label: d.label, summary: d.summary, facts: [], details: d.details, link: d.url,
      linkLabel: 'Open the page', at: d.at, tone: d.tone,
    };
  }
  return {
    label: d.label, summary: d.summary, facts: event.change.facts.map((f) => factRow(f, event.change.evidence)), details: [],
    link: changeWebUrl(event.change), linkLabel: 'View the change', at: d.at, tone: d.tone,
  };
}

/** `<publicUrl>/changes/<id>`, from the event's own link. */
export function changeWebUrl(change: { id: string | number; textDiffUrl: string; url?: unknown }): string {
  if (typeof change.url === 'string' && change.url !== '') return change.url;
  return change.textDiffUrl.replace(/\/api\/changes\/([^/?#]+)$/, '/changes/$1');
}

/**
 * The evidence is the fact's own when it carries one, else the after snapshot's for that fact
 * (what the pipeline's events hold, as the JSON body's `factsWithEvidence` reads it).
 */
function factRow(change: FactChange, snapshotEvidence: EventChange['evidence']): FactRow {
  const list = (values: readonly unknown[] | undefined, sign: string) =>
    (values ?? []).map((v) => `${sign}${valueLabel(change.fact, String(v))}`).join(', ');
  // An event made by hand (a caller outside the diff stage) may carry none: derive it.
  const direction = change.direction ?? factDirection(change.fact, change.before, change.after);
  const own = (change as FactChange & { evidence?: unknown }).evidence;
  const evidence = typeof own === 'string' ? own : change.after === null ? null : snapshotEvidence?.[change.fact];
  return {
    fact: change.fact,
    label: factLabel(change.fact),
    direction,
    directionNote: DIRECTION_NOTES[direction],
    before: formatFactValue(change.before, change.fact),
    after: formatFactValue(change.after, change.fact),
    added: list(change.added, '+'),
    removed: list(change.removed, '−'),
    evidence: typeof evidence === 'string' && evidence.trim() !== '' ? evidence.trim() : null,
  };
}
