import type { PayloadFormat } from './payload-format.js';
import type { OutboxEvent } from './outbox-event.js';
import { isoTime } from './outbox-event.js';

/** The contract's body: `{ event, deliveryId, source: {id, url}, change?, ...event fields }`. */
export const jsonFormat: PayloadFormat = {
  name: 'json',
  render(event: OutboxEvent, deliveryId: string) {
    const head = { event: event.event, deliveryId, source: { id: event.source.id, url: event.source.url } };
    switch (event.event) {
      case 'facts.changed':
      case 'text.changed':
      case 'announcement.detected':
        return {
          ...head,
          change: {
            id: String(event.change.id),
            detectedAt: isoTime(event.change.detectedAt),
            facts: event.change.facts,
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
