import type { OutboxEvent } from './outbox-event.js';
import { isoTime, sourceLabel } from './outbox-event.js';
import { describeFactChange, summarizeFactChanges } from './summarize-fact-changes.js';

/** What a chat message says about an event, before a chat format shapes it. */
export interface EventDescription {
  /** The source's name or id. */
  label: string;
  /** One line that stands alone in a notification. */
  summary: string;
  /** Further lines (one per fact change, or the failure reason). */
  details: string[];
  /** The change's web page (`change.url`) for change events; else the source's web page, or its own page. */
  url: string;
  /** When it happened, if the event says. */
  at: string | null;
  /** Good news, bad news or neutral: chat formats pick a colour from it. */
  tone: 'change' | 'bad' | 'good' | 'info';
}

/** Turns an event into readable text for the chat formats (slack, discord). */
export function describeEvent(event: OutboxEvent): EventDescription {
  const label = sourceLabel(event.source);
  switch (event.event) {
    case 'facts.changed':
    case 'text.changed': {
      const { facts } = event.change;
      return {
        label, summary: summarizeFactChanges(label, facts), details: facts.map(describeFactChange),
        url: event.change.url, at: isoTime(event.change.detectedAt), tone: 'change',
      };
    }
    case 'announcement.detected': {
      const { facts } = event.change;
      const upcoming = facts.find((f) => f.fact === 'upcomingEffectiveDate')?.after;
      const when = typeof upcoming === 'string' ? `, effective ${upcoming}` : '';
      return {
        label, summary: `${label}: update announced${when}`, details: facts.map(describeFactChange),
        url: event.change.url, at: isoTime(event.change.detectedAt), tone: 'change',
      };
    }
    case 'source.failing': {
      const plural = event.failures === 1 ? 'check' : 'checks';
      return {
        label, summary: `${label}: ${event.status} for ${event.failures} ${plural} in a row`,
        details: event.reason ? [event.reason] : [], url: event.source.pageUrl || event.source.url, at: null, tone: 'bad',
      };
    }
    case 'source.recovered': {
      const plural = event.failures === 1 ? 'check' : 'checks';
      return {
        label, summary: `${label}: recovered after ${event.failures} failed ${plural}`,
        details: [], url: event.source.pageUrl || event.source.url, at: null, tone: 'good',
      };
    }
    case 'source.discovered':
      // A discovered post is named by its title, so the title is said once, not twice.
      return {
        label, summary: `${label}: new post discovered${event.title && event.title !== label ? `: ${event.title}` : ''}`,
        details: [event.source.url], url: event.source.pageUrl || event.source.url, at: null, tone: 'info',
      };
    case 'announcement.due':
      return {
        label, summary: `${label}: the update announced for ${event.announcement.date} is now in force`,
        details: [`announced: first seen ${isoTime(event.announcement.firstSeenAt).slice(0, 10)}`],
        url: event.source.url, at: null, tone: 'change',
      };
    case 'test':
      return {
        label, summary: `policy-watch test event: ${event.message}`, details: [],
        url: event.source.url, at: null, tone: 'info',
      };
  }
}

/** The one-line `summary` of every format's body (`LinkedIn Privacy Policy: regions +CA`). */
export function eventSummary(event: OutboxEvent): string {
  return describeEvent(event).summary;
}

/** Cuts text to `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
