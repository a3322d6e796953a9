import type { PayloadFormat } from './payload-format.js';
import type { OutboxEvent } from './outbox-event.js';
import { describeEvent, truncate } from './describe-event.js';
import { escapeMarkdown } from './escape-markdown.js';
import { alertColor } from './alert-color.js';

/**
 * Discord webhook: `{ content, embeds }`, with mentions off so page text can never ping anyone,
 * and the page text in the content and the description (both Markdown) escaped. The embed's
 * colour says which way a change cuts (`alertColor`).
 */
export const discordFormat: PayloadFormat = {
  name: 'discord',
  render(event: OutboxEvent) {
    const d = describeEvent(event);
    const embed: Record<string, unknown> = {
      title: truncate(d.label, 256),
      url: d.url,
      description: truncate((d.details.length > 0 ? d.details : [d.summary]).map(escapeMarkdown).join('\n'), 4096),
      color: alertColor(event),
      footer: { text: `policy-watch · ${event.event}` },
    };
    if (d.at) embed.timestamp = d.at;
    return {
      content: truncate(`${escapeMarkdown(d.summary)}\n${d.url}`, 2000),
      embeds: [embed],
      allowed_mentions: { parse: [] },
    };
  },
};
