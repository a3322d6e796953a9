import type { WebhookConfig } from '../domain/config.js';
import type { EventName } from '../domain/source.js';
import { FORMATS } from './formats.js';
import type { OutgoingDelivery } from './payload-format.js';
import type { PostResult, PostWebhookOptions } from './post-webhook.js';
import { deliveryHeaders, postWebhook } from './post-webhook.js';

/**
 * Sends one stored delivery once through its channel: the format's own transport when it has one
 * (ntfy, e-mail), else the signed JSON POST every webhook gets. Never throws.
 */
export async function sendDelivery(delivery: OutgoingDelivery, webhook: WebhookConfig, options: PostWebhookOptions = {}): Promise<PostResult> {
  let format;
  try {
    format = FORMATS.get(webhook.format);
  } catch (error) {
    return { ok: false, httpStatus: null, error: (error as Error).message, aborted: false, durationMs: 0 };
  }
  if (format.send) return format.send(delivery, webhook, options);
  const headers = deliveryHeaders(delivery.event as EventName, delivery.id, delivery.body, webhook.secret, options.userAgent);
  return postWebhook(webhook.url, headers, delivery.body, options);
}
