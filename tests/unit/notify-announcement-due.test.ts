import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/notify/formats.js';
import type { DueEvent } from '../../src/notify/outbox-event.js';

const due: DueEvent = {
  event: 'announcement.due',
  source: { id: 'linkedin-privacy-policy', url: 'https://www.linkedin.com/legal/privacy-policy', name: 'LinkedIn Privacy Policy' },
  announcement: { date: '2025-11-03', firstSeenAt: Date.UTC(2025, 8, 18, 6, 0, 0), snapshotId: 7 },
};

describe('the announcement.due body', () => {
  it('carries the source with its name, a summary, the date and when the announcement was first seen, in json', () => {
    expect(JSON.parse(renderBody('json', due, 'd-1'))).toEqual({
      event: 'announcement.due', deliveryId: 'd-1',
      source: { id: 'linkedin-privacy-policy', url: 'https://www.linkedin.com/legal/privacy-policy', name: 'LinkedIn Privacy Policy' },
      summary: 'LinkedIn Privacy Policy: the update announced for 2025-11-03 is now in force',
      announcement: { date: '2025-11-03', firstSeenAt: '2025-09-18T06:00:00.000Z', snapshotId: '7' },
    });
  });

  it('says in slack and discord that the announced update is now in force', () => {
    const slack = JSON.parse(renderBody('slack', due, 'd-2')) as { text: string };
    const discord = JSON.parse(renderBody('discord', due, 'd-3')) as { content: string; embeds: { description: string }[] };
    for (const text of [slack.text, discord.content]) {
      expect(text).toContain('LinkedIn Privacy Policy: the update announced for 2025-11-03 is now in force');
    }
    expect(discord.embeds[0]?.description).toContain('first seen 2025-09-18');
  });
});
