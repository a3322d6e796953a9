import type { PayloadFormat } from './payload-format.js';
import type { OutboxEvent } from './outbox-event.js';
import { factsWithEvidence, isoTime, sourceLabel } from './outbox-event.js';
import { eventSummary } from './describe-event.js';

/**
 * The contract's body: `{ event, deliveryId, source: {id, url, name}, summary, change?, ...event
 * fields }`; `name` falls back to the id, so it is always there.
 */
export const jsonFormat: PayloadFormat = {
  name: 'json',
  render(event: OutboxEvent, deliveryId: string) {
    const head = {
      event: event.event, deliveryId,
      source: { id: event.source.id, url: event.source.url, name: sourceLabel(event.source) },
      summary: eventSummary(event),
    };
    switch (event.event) {
      case 'facts.changed':
      case 'text.changed':
      case 'announcement.detected':
        return {
          ...head,
          change: {
            id: String(event.change.id),
            detectedAt: isoTime(event.change.detectedAt),
            facts: factsWithEvidence(event.change),
            url: event.change.url,
            textDiffUrl: event.change.textDiffUrl,
          },
        };
      case 'source.failing':
        return {
          ...head, status: event.status, reason: event.reason, failures: event.failures,
          lastSuccessAt: isoTime(event.lastSuccessAt),
        };
      case 'source.recovered':
        return { ...head, status: 'ok', failures: event.failures };
      case 'source.discovered':
        return {
          ...head, parentId: event.parentId, kind: event.kind, title: event.title ?? null,
          facts: event.facts ?? null,
        };
      case 'announcement.due':
        return {
          ...head,
          announcement: {
            date: event.announcement.date,
            firstSeenAt: isoTime(event.announcement.firstSeenAt),
            snapshotId: event.announcement.snapshotId == null ? null : String(event.announcement.snapshotId),
          },
        };
      case 'test':
        return { ...head, message: event.message };
    }
  },
};
