import type { WebhookConfig } from '../domain/config.js';
import type { OutgoingDelivery, PayloadFormat } from './payload-format.js';
import type { OutboxEvent } from './outbox-event.js';
import type { ChannelMessage, FactRow } from './channel-message.js';
import { channelMessage } from './channel-message.js';
import { truncate } from './describe-event.js';
import type { PostResult, PostWebhookOptions } from './post-webhook.js';
import { DEFAULT_TIMEOUT_MS } from './post-webhook.js';

/** What is stored for an e-mail delivery: the message, without its envelope (from/to come from the config). */
export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

/**
 * E-mail over SMTP (`smtpUrl`, `from`, `to` of the channel): a plain-text and an HTML part, each
 * with the summary (also the subject), the fact table and the link to the change's web page.
 */
export const emailFormat: PayloadFormat = {
  name: 'email',
  render(event: OutboxEvent): EmailMessage {
    const m = channelMessage(event);
    // A page title inside the summary may hold line breaks: a subject is one line.
    return { subject: truncate(m.summary.replace(/\s+/g, ' ').trim(), 200), text: plainText(m, event.event), html: htmlText(m, event.event) };
  },
  send: sendEmail,
};

/**
 * Sends one stored e-mail once. The delivery id is the Message-ID (`<id@policy-watch>`) and the
 * `X-Policy-Watch-Delivery` header, so retries of one alert thread and de-duplicate as one message.
 * Any failure (refused, timed out, rejected with a 4xx or 5xx reply) is a failed attempt: the
 * outbox retries it with the same backoff as a webhook. Never throws.
 */
export async function sendEmail(delivery: OutgoingDelivery, webhook: WebhookConfig, options: PostWebhookOptions = {}): Promise<PostResult> {
  const started = performance.now();
  const done = (ok: boolean, error: string | null, aborted = false): PostResult =>
    ({ ok, httpStatus: null, error, aborted, durationMs: Math.round(performance.now() - started) });
  const to = webhook.to ?? [];
  if (!webhook.smtpUrl || !webhook.from || to.length === 0) {
    return done(false, 'an email channel needs smtpUrl, from and to');
  }
  if (options.signal?.aborted) return done(false, 'aborted', true);
  const stored = JSON.parse(delivery.body) as EmailMessage;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Loaded on first use: most runs send no e-mail, and query verbs never do.
  const { createTransport } = (await import('nodemailer')).default;
  const transport = createTransport({
    url: webhook.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs,
  });
  // One bound on the whole transfer, like a webhook's request: the outbox's claim on the row outlives it.
  let onAbort: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const aborted = new Promise<'aborted' | 'timeout'>((resolve) => {
    onAbort = () => resolve('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([
      transport.sendMail({
        from: webhook.from, to, subject: stored.subject, text: stored.text, html: stored.html,
        messageId: `<${delivery.id}@policy-watch>`,
        headers: {
          'X-Policy-Watch-Event': delivery.event,
          'X-Policy-Watch-Delivery': delivery.id,
          ...(options.userAgent ? { 'X-Mailer': options.userAgent } : {}),
        },
      }),
      aborted,
    ]);
    if (outcome === 'aborted') return done(false, 'aborted', true);
    if (outcome === 'timeout') return done(false, `no answer within ${timeoutMs} ms`);
    const rejected = outcome.rejected.map((address) => (typeof address === 'string' ? address : address.address));
    if (rejected.length > 0) return done(false, `SMTP server refused ${rejected.join(', ')}`);
    return done(true, null);
  } catch (error) {
    return done(false, describeSmtpError(error));
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    transport.close();
  }
}

/** The SMTP reply or network cause, without credentials (nodemailer's messages carry none). */
function describeSmtpError(error: unknown): string {
  const err = error as { code?: string; responseCode?: number; response?: string; message?: string };
  if (typeof err?.responseCode === 'number') {
    return `SMTP ${err.responseCode}: ${(err.response ?? err.message ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)}`;
  }
  const message = (err?.message ?? String(error)).replace(/\s+/g, ' ').trim().slice(0, 200);
  return err?.code && !message.includes(err.code) ? `${err.code}: ${message}` : message;
}

function plainText(m: ChannelMessage, event: string): string {
  const lines = [m.summary, ''];
  for (const f of m.facts) {
    lines.push(`${f.label}${f.directionNote ? ` (${f.directionNote})` : ''}`, `  before:    ${f.before}`, `  after:     ${f.after}`);
    if (f.added) lines.push(`  added:     ${f.added}`);
    if (f.removed) lines.push(`  removed:   ${f.removed}`);
    lines.push(`  direction: ${f.direction}`);
    if (f.evidence) lines.push(`  evidence:  “${f.evidence}”`);
    lines.push('');
  }
  if (m.facts.length === 0 && m.details.length > 0) lines.push(...m.details, '');
  lines.push(`${m.linkLabel}: ${m.link}`, '', `-- policy-watch · ${event}${m.at ? ` · ${m.at}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** The web page's colours: red for a wider use of data, green for a narrower one. */
const DIRECTION_STYLES: Record<FactRow['direction'], string> = {
  wider: 'color:#a40e26;font-weight:600', narrower: 'color:#116329;font-weight:600', neutral: 'color:#656d76',
};

function htmlText(m: ChannelMessage, event: string): string {
  const cell = 'style="text-align:left;padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top"';
  const parts = [`<p style="font-size:16px"><strong>${escapeHtml(m.summary)}</strong></p>`];
  if (m.facts.length > 0) {
    const head = ['Fact', 'Before', 'After', 'Added', 'Removed', 'Direction'].map((h) => `<th ${cell}>${h}</th>`).join('');
    const rows = m.facts.map((f) => {
      const cells = [f.label, f.before, f.after, f.added, f.removed].map((v) => `<td ${cell}>${escapeHtml(v)}</td>`).join('');
      const direction = `<td ${cell}><span style="${DIRECTION_STYLES[f.direction]}">${escapeHtml(f.direction)}</span></td>`;
      const row = `<tr>${cells}${direction}</tr>`;
      const evidence = f.evidence ? `<tr><td ${cell}></td><td ${cell} colspan="5"><em>“${escapeHtml(f.evidence)}”</em></td></tr>` : '';
      return row + evidence;
    }).join('');
    parts.push(`<table style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
  } else if (m.details.length > 0) {
    parts.push(`<p>${m.details.map(escapeHtml).join('<br>')}</p>`);
  }
  parts.push(`<p><a href="${escapeHtml(m.link)}">${escapeHtml(m.linkLabel)}</a></p>`);
  parts.push(`<p style="color:#777;font-size:12px">policy-watch · ${escapeHtml(event)}${m.at ? ` · ${escapeHtml(m.at)}` : ''}</p>`);
  return `<!doctype html><html><body>${parts.join('\n')}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
