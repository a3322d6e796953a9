import type { Facts, FactChange, FactsDocument, SourceKind } from '../domain/facts.js';
import type { EventName } from '../domain/source.js';
import { factDirection } from '../domain/fact-direction.js';

/** The source an event is about. The JSON body's `source.name` is `name`, else the id. */
export interface EventSource {
  id: string;
  url: string;
  name?: string | null;
  /** The source's web page (`sourcePageUrl()`), where chat alerts about the source link; not in the JSON body. */
  pageUrl?: string | null;
}

/** A change as the webhook body carries it. */
export interface EventChange {
  /** The change's id (the `changes` row id; printed as a string). */
  id: string | number;
  /** Epoch ms or an ISO date-time. */
  detectedAt: number | string;
  facts: FactChange[];
  /** The change's web page, where alerts link to: see `changePageUrl()`. */
  url: string;
  /** The change as JSON with its text diff (the API): see `changeUrl()`. */
  textDiffUrl: string;
  /** The after snapshot's evidence: per stated fact, the page text it was read from. */
  evidence?: FactsDocument['evidence'] | null;
}

/** `facts.changed`, `text.changed`, `announcement.detected`: one change of one source. */
export interface ChangeEvent {
  event: 'facts.changed' | 'text.changed' | 'announcement.detected';
  source: EventSource;
  change: EventChange;
}

/** `source.failing`: blocked or erroring `failures` checks in a row (sent once, not per check). */
export interface FailingEvent {
  event: 'source.failing';
  source: EventSource;
  status: 'blocked' | 'error';
  reason: string | null;
  failures: number;
  /** Epoch ms or ISO date-time of the last successful check, if any. */
  lastSuccessAt?: number | string | null;
}

/** `source.recovered`: a check succeeded again after `source.failing`. */
export interface RecoveredEvent {
  event: 'source.recovered';
  source: EventSource;
  /** Failed checks in a row before this success. */
  failures: number;
}

/** `source.discovered`: a new post found on a blog index (its first snapshot is a baseline). */
export interface DiscoveredEvent {
  event: 'source.discovered';
  source: EventSource;
  parentId: string | null;
  kind: SourceKind;
  title?: string | null;
  /** The facts of the post's first snapshot, when it was fetched in the same cycle. */
  facts?: Facts | null;
}

/** `announcement.due`: the first check on or after an announced `upcomingEffectiveDate` (once per source and date). */
export interface DueEvent {
  event: 'announcement.due';
  source: EventSource;
  announcement: {
    /** The announced date, YYYY-MM-DD: now in force. */
    date: string;
    /** Epoch ms or ISO date-time: when policy-watch first saw the announcement. */
    firstSeenAt: number | string;
    /** The snapshot the announcement was first read from. */
    snapshotId?: number | string | null;
  };
}

/** `test`: sent by `webhooks test`. */
export interface TestEvent {
  event: 'test';
  source: EventSource;
  message: string;
}

/** What the pipeline (or the test verb) hands to the outbox; the format turns it into a body. */
export type OutboxEvent = ChangeEvent | FailingEvent | RecoveredEvent | DiscoveredEvent | DueEvent | TestEvent;

// Keeps the union and the domain's event list in step: a missing event fails to compile.
type Covered = OutboxEvent['event'];
const _allEventsCovered: Record<EventName, Covered> = {
  'facts.changed': 'facts.changed', 'text.changed': 'text.changed',
  'announcement.detected': 'announcement.detected', 'source.failing': 'source.failing',
  'source.recovered': 'source.recovered', 'source.discovered': 'source.discovered', test: 'test',
  'announcement.due': 'announcement.due',
};
void _allEventsCovered;

/** The JSON of a change (the contract's `textDiffUrl`): `<publicUrl>/api/changes/<id>`. */
export function changeUrl(publicUrl: string, changeId: string | number): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/changes/${encodeURIComponent(String(changeId))}`;
}

/** The web page of a change (the contract's `change.url`, where alerts link): `<publicUrl>/changes/<id>`. */
export function changePageUrl(publicUrl: string, changeId: string | number): string {
  return `${publicUrl.replace(/\/+$/, '')}/changes/${encodeURIComponent(String(changeId))}`;
}

/** The web page of a source: `<publicUrl>/sources/<id>` (a blog post's `/` kept as a path separator). */
export function sourcePageUrl(publicUrl: string, sourceId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/sources/${sourceId.split('/').map(encodeURIComponent).join('/')}`;
}

/** A change event's facts as the body carries them: each with the text it was read from, or null. */
export function factsWithEvidence(change: EventChange): Array<FactChange & { evidence: string | null }> {
  return change.facts.map((f) => ({
    ...f,
    direction: f.direction ?? factDirection(f.fact, f.before, f.after),
    evidence: f.after === null ? null : change.evidence?.[f.fact] ?? null,
  }));
}

/** Epoch ms or an ISO string, as an ISO date-time (null stays null). */
export function isoTime(value: number | string): string;
export function isoTime(value: number | string | null | undefined): string | null;
export function isoTime(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? new Date(value).toISOString() : value;
}

/** The name a human reads: the source's name, else its id. */
export function sourceLabel(source: EventSource): string {
  return source.name?.trim() || source.id;
}
