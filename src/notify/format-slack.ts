import type { PayloadFormat } from './payload-format.js';
import type { OutboxEvent } from './outbox-event.js';
import { describeEvent, truncate } from './describe-event.js';
import { alertColor, hexColor } from './alert-color.js';

/** Slack's mrkdwn needs these three escaped, and nothing else. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SECTION_MAX = 3000; // Slack's limit on a section's text

/**
 * Slack incoming webhook: `{ text, blocks, attachments }`. `text` is the notification line, the
 * top-level block the summary; the details and the link sit in one attachment, because only an
 * attachment has a coloured bar, and its colour says which way a change cuts (`alertColor`).
 */
export const slackFormat: PayloadFormat = {
  name: 'slack',
  render(event: OutboxEvent) {
    const d = describeEvent(event);
    const linkText = event.event.endsWith('changed') || event.event === 'announcement.detected' ? 'View the change' : 'Open the page';
    const details = d.details.map((line) => `• ${escape(line)}`).join('\n');
    return {
      text: truncate(`${escape(d.summary)} <${d.url}|${linkText}>`, SECTION_MAX),
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${truncate(escape(d.summary), SECTION_MAX - 2)}*` } }],
      attachments: [{
        color: hexColor(alertColor(event)),
        blocks: [
          ...(details ? [{ type: 'section', text: { type: 'mrkdwn', text: truncate(details, SECTION_MAX) } }] : []),
          { type: 'context', elements: [{ type: 'mrkdwn', text: `<${d.url}|${linkText}> · policy-watch \`${event.event}\`` }] },
        ],
      }],
    };
  },
};
