import type { PayloadFormat } from './payload-format.js';
import type { OutboxEvent } from './outbox-event.js';
import type { ChannelMessage } from './channel-message.js';
import { channelMessage } from './channel-message.js';
import { truncate } from './describe-event.js';
import { escapeMarkdown } from './escape-markdown.js';

const COLORS: Record<ChannelMessage['tone'], string> = {
  change: 'accent', bad: 'attention', good: 'good', info: 'default',
};
/** Teams renders TextBlocks and Facts as Markdown: every text that reaches one goes through this. */
const md = escapeMarkdown;

/**
 * Microsoft Teams incoming webhook (a Workflows "post to a channel when a webhook request is
 * received" URL, or a classic connector): a message holding one Adaptive Card 1.4 with the
 * summary, a FactSet of the fact changes and an OpenUrl action to the change's web page.
 * Retries carry the same `X-Policy-Watch-Delivery` header, as every webhook's do.
 */
export const teamsFormat: PayloadFormat = {
  name: 'teams',
  render(event: OutboxEvent) {
    const m = channelMessage(event);
    const body: Record<string, unknown>[] = [
      { type: 'TextBlock', text: md(truncate(m.summary, 500)), weight: 'Bolder', size: 'Medium', wrap: true, color: COLORS[m.tone] },
    ];
    if (m.facts.length > 0) {
      body.push({
        type: 'FactSet',
        facts: m.facts.map((f) => ({
          title: md(f.label),
          value: md(truncate([`${f.before} → ${f.after}`, f.added, f.removed, f.directionNote && `(${f.directionNote})`].filter(Boolean).join('  '), 1000)),
        })),
      });
      for (const f of m.facts.filter((row) => row.evidence)) {
        body.push({ type: 'TextBlock', text: md(truncate(`${f.label}: “${f.evidence}”`, 1000)), wrap: true, isSubtle: true, size: 'Small' });
      }
    }
    for (const line of m.details) body.push({ type: 'TextBlock', text: md(truncate(line, 1000)), wrap: true });
    const footer = [`policy-watch · ${event.event}`, m.at].filter(Boolean).join(' · ');
    body.push({ type: 'TextBlock', text: footer, isSubtle: true, size: 'Small', wrap: true });
    return {
      type: 'message',
      summary: truncate(m.summary, 200),
      attachments: [{
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body,
          actions: [{ type: 'Action.OpenUrl', title: m.linkLabel, url: m.link }],
          fallbackText: `${m.summary} ${m.link}`,
        },
      }],
    };
  },
};
