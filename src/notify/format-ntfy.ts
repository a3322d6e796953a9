import type { WebhookConfig } from '../domain/config.js';
import type { PayloadFormat, OutgoingDelivery } from './payload-format.js';
import type { OutboxEvent } from './outbox-event.js';
import type { ChannelMessage } from './channel-message.js';
import { channelMessage } from './channel-message.js';
import { truncate } from './describe-event.js';
import type { PostResult, PostWebhookOptions } from './post-webhook.js';
import { postWebhook } from './post-webhook.js';
import { signBody } from './sign.js';

/** What is stored for an ntfy delivery; `send` turns it into ntfy's plain-text publish request. */
export interface NtfyMessage {
  title: string;
  message: string;
  tags: string[];
  click: string;
  /** ntfy's 1..5; 3 (default) is not sent. */
  priority: number;
}

const TAGS: Record<ChannelMessage['tone'], string> = {
  change: 'memo', bad: 'warning', good: 'white_check_mark', info: 'information_source',
};
/** ntfy turns a longer message into an attachment (4096 bytes by default). */
const MESSAGE_MAX_BYTES = 4000;

/**
 * ntfy (ntfy.sh or self-hosted): the webhook `url` is the topic URL. The message is POSTed to it as
 * a plain-text body with `Title`, `Tags`, `Click` (the change's web page), `Actions` (a view button)
 * and `Priority` headers, UTF-8 titles RFC 2047-encoded (ntfy 2.4+ decodes them). Credentials in
 * the URL (`https://user:pass@host/topic`, or `https://:tk_token@host/topic`) are sent as Basic auth.
 */
export const ntfyFormat: PayloadFormat = {
  name: 'ntfy',
  render(event: OutboxEvent): NtfyMessage {
    const m = channelMessage(event);
    const lines = m.facts.length > 0
      ? m.facts.map((f) => `${f.label}: ${f.before} → ${f.after}${f.added || f.removed ? ` (${[f.added, f.removed].filter(Boolean).join(', ')})` : ''}${f.directionNote ? `, ${f.directionNote}` : ''}`)
      : m.details;
    return {
      title: truncate(m.summary, 250),
      message: truncateBytes(lines.length > 0 ? lines.join('\n') : m.summary, MESSAGE_MAX_BYTES),
      tags: [TAGS[m.tone], 'policy-watch', event.event],
      click: m.link,
      priority: m.tone === 'bad' ? 4 : 3,
    };
  },
  send(delivery: OutgoingDelivery, webhook: WebhookConfig, options: PostWebhookOptions): Promise<PostResult> {
    const { url, headers, body } = ntfyRequest(delivery, webhook, options.userAgent);
    return postWebhook(url, headers, body, options);
  },
};

/** The request an ntfy delivery becomes: its topic URL without credentials, headers and body. */
export function ntfyRequest(delivery: OutgoingDelivery, webhook: WebhookConfig, userAgent = 'policy-watch'): { url: string; headers: Record<string, string>; body: string } {
  const stored = JSON.parse(delivery.body) as NtfyMessage;
  const target = new URL(webhook.url);
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    'User-Agent': userAgent,
    'X-Policy-Watch-Event': delivery.event,
    'X-Policy-Watch-Delivery': delivery.id,
    Title: headerText(stored.title),
    Tags: stored.tags.join(','),
    Click: stored.click,
    Actions: `view, Open, ${stored.click}`,
  };
  if (stored.priority !== 3) headers.Priority = String(stored.priority);
  if (webhook.secret) headers['X-Policy-Watch-Signature'] = signBody(stored.message, webhook.secret);
  if (target.username || target.password) {
    // fetch refuses URLs with credentials: move them into the header ntfy reads.
    const user = decodeURIComponent(target.username);
    const pass = decodeURIComponent(target.password);
    headers.Authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  return { url: target.toString(), headers, body: stored.message };
}

/** An HTTP header carries Latin-1 at best: non-ASCII text goes as an RFC 2047 encoded word. */
export function headerText(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(oneLine) ? oneLine : `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let cut = text.slice(0, maxBytes);
  while (Buffer.byteLength(`${cut}…`, 'utf8') > maxBytes) cut = cut.slice(0, -16);
  return `${cut}…`;
}
