import { randomUUID } from 'node:crypto';
import type { WebhookConfig } from '../domain/config.js';
import type { EventSource, TestEvent } from './outbox-event.js';
import { renderBody } from './formats.js';
import type { PostWebhookOptions } from './post-webhook.js';
import { sendDelivery } from './send-delivery.js';
import { redactUrl } from './redact-url.js';
import { unresolvedSecret } from './unresolved-secret.js';

export interface SendTestEventOptions extends PostWebhookOptions {
  /**
   * Only the configured webhook with this URL. A URL that no webhook has is sent a json test
   * event unsigned (there is no secret for it), so an endpoint can be tried before it is added.
   */
  url?: string;
  /** The source the test event names. Default: `testEventSource()` of a neutral example URL. */
  source?: EventSource;
}

export interface TestEventResult {
  /** Redacted: scheme and host only. */
  webhook: string;
  deliveryId: string;
  signed: boolean;
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * What a test event names as its source: policy-watch itself at `instanceUrl` (the CLI passes
 * the configured `api.publicUrl`), never a watched service, so nobody mistakes it for news.
 */
export function testEventSource(instanceUrl = 'https://example.com/'): EventSource {
  return { id: 'policy-watch-test', url: instanceUrl, name: 'policy-watch', pageUrl: instanceUrl };
}

/**
 * `webhooks test`: posts a signed `test` event to every configured webhook (whatever events it
 * subscribes to), directly and once, outside the outbox: the answer is wanted now, and a test that
 * failed should not be retried for hours. Returns one result per webhook, in config order.
 */
export async function sendTestEvent(webhooks: readonly WebhookConfig[], options: SendTestEventOptions = {}): Promise<TestEventResult[]> {
  let targets = [...webhooks];
  if (options.url !== undefined) {
    targets = targets.filter((w) => w.url === options.url);
    if (targets.length === 0) targets = [{ url: options.url, secret: null, events: ['test'], format: 'json' }];
  }
  const event: TestEvent = {
    event: 'test', source: options.source ?? testEventSource(),
    message: 'This is a test event from policy-watch: this webhook is reachable.',
  };
  return Promise.all(targets.map(async (webhook) => {
    const deliveryId = randomUUID();
    // Never send unsigned what was meant to be signed (the CLI refuses earlier, naming the variable).
    const missing = unresolvedSecret(webhook);
    if (missing) return { webhook: redactUrl(webhook.url), deliveryId, signed: false, ok: false, httpStatus: null, error: missing, durationMs: 0 };
    const body = renderBody(webhook.format, event, deliveryId);
    const sent = await sendDelivery({ id: deliveryId, event: 'test', body }, webhook, options);
    return {
      webhook: redactUrl(webhook.url), deliveryId, signed: webhook.format !== 'email' && webhook.secret !== null && webhook.secret !== '',
      ok: sent.ok, httpStatus: sent.httpStatus, error: sent.error, durationMs: sent.durationMs,
    };
  }));
}
