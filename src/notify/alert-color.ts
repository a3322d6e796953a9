import type { Direction } from '../domain/fact-direction.js';
import { factDirection, strongestDirection } from '../domain/fact-direction.js';
import type { OutboxEvent } from './outbox-event.js';

/** Which way a change cuts, in the web pages' colours: red when the use of data grows, green when it shrinks. */
const DIRECTION_COLORS: Record<Direction, number> = { wider: 0xcf222e, narrower: 0x1a7f37, neutral: 0x8c959f };

/** Events without fact changes: a failure is bad news, a recovery good news, the rest information. */
const EVENT_COLORS: Record<Exclude<OutboxEvent['event'], 'facts.changed' | 'text.changed' | 'announcement.detected'>, number> = {
  'source.failing': 0xcf222e,
  'source.recovered': 0x1a7f37,
  'source.discovered': 0x8c959f,
  'announcement.due': 0x0a66c2,
  test: 0x8c959f,
};

/**
 * The colour a chat alert wears (a Slack attachment's bar, a Discord embed's edge). A change is
 * coloured by its strongest direction: wider if any fact widens the use, else narrower if any
 * narrows it, else neutral grey (a text-only change too).
 */
export function alertColor(event: OutboxEvent): number {
  switch (event.event) {
    case 'facts.changed':
    case 'text.changed':
    case 'announcement.detected':
      return DIRECTION_COLORS[strongestDirection(event.change.facts.map((f) => f.direction ?? factDirection(f.fact, f.before, f.after)))];
    default:
      return EVENT_COLORS[event.event];
  }
}

/** The colour as Slack writes it: `#cf222e`. */
export function hexColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}
