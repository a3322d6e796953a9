import type { PayloadFormat } from './payload-format.js';
import type { OutboxEvent } from './outbox-event.js';
import { describeEvent, truncate } from './describe-event.js';

/** Slack's mrkdwn needs these three escaped, and nothing else. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SECTION_MAX = 3000; // Slack's limit on a section's text

/** Slack incoming webhook: `{ text, blocks }`; `text` is the notification line. */
export const slackFormat: PayloadFormat = {
  name: 'slack',
  render(event: OutboxEvent) {
    const d = describeEvent(event);
    const linkText = event.event.endsWith('changed') || event.event === 'announcement.detected' ? 'View the change' : 'Open the page';
    const lines = [`*${escape(d.summary)}*`, ...d.details.map((line) => `• ${escape(line)}`)];
    return {
      text: truncate(`${escape(d.summary)} <${d.url}|${linkText}>`, SECTION_MAX),
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), SECTION_MAX) } },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: `<${d.url}|${linkText}> · policy-watch \`${event.event}\`` }],
        },
      ],
    };
  },
};
