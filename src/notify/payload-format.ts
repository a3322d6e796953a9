import type { WebhookConfig } from '../domain/config.js';
import type { OutboxEvent } from './outbox-event.js';
import type { PostResult, PostWebhookOptions } from './post-webhook.js';

export type FormatName = WebhookConfig['format'];

/** One stored delivery as a transport sends it: the rendered body is never re-rendered. */
export interface OutgoingDelivery {
  /** `X-Policy-Watch-Delivery`: stable across retries. */
  id: string;
  event: OutboxEvent['event'] | 'announcement.due';
  /** The stored body string, exactly as `render` produced it (JSON). */
  body: string;
}

/**
 * One channel format: an event and its delivery id in, the body (as an object) out. Formats whose
 * channel is not "POST this JSON" (ntfy's headers, e-mail over SMTP) also say how it goes out.
 */
export interface PayloadFormat {
  name: FormatName;
  render(event: OutboxEvent, deliveryId: string): unknown;
  /** Absent: a signed JSON POST of the body to the webhook's URL (`postWebhook`). Never throws. */
  send?(delivery: OutgoingDelivery, webhook: WebhookConfig, options: PostWebhookOptions): Promise<PostResult>;
}
