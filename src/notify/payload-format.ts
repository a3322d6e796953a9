import type { WebhookConfig } from '../domain/config.js';
import type { OutboxEvent } from './outbox-event.js';

export type FormatName = WebhookConfig['format'];

/** One webhook payload format: an event and its delivery id in, the JSON body (as an object) out. */
export interface PayloadFormat {
  name: FormatName;
  render(event: OutboxEvent, deliveryId: string): unknown;
}
