import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/notify/escape-markdown.js';
import { discordFormat } from '../../src/notify/format-discord.js';
import { changePageUrl, changeUrl, type OutboxEvent } from '../../src/notify/outbox-event.js';

describe('escapeMarkdown()', () => {
  it('turns a Markdown link in page text into plain text', () => {
    expect(escapeMarkdown('see [our notice](http://evil.example/x) now')).toBe('see \\[our notice\\](http://evil.example/x) now');
  });

  it('escapes emphasis, code, strike-through and spoilers', () => {
    expect(escapeMarkdown('**AI** _may_ `train` ~~not~~ ||secret|| a\\b')).toBe('\\*\\*AI\\*\\* \\_may\\_ \\`train\\` \\~\\~not\\~\\~ \\|\\|secret\\|\\| a\\\\b');
  });

  it('keeps a bare URL as it is, brackets aside, so the chat still links it', () => {
    expect(escapeMarkdown('new post: https://blog.example/my_post_1?a=*b*')).toBe('new post: https://blog.example/my_post_1?a=*b*');
    expect(escapeMarkdown('https://blog.example/[x](https://evil.example)')).toBe('https://blog.example/%5Bx%5D(https://evil.example)');
  });

  it('keeps lines from starting a list, a heading or a quote', () => {
    expect(escapeMarkdown('- item\n+ item\n# title\n> quote\n2) two\n3. three')).toBe('\\- item\n\\+ item\n\\# title\n\\> quote\n2\\) two\n3\\. three');
  });

  it('leaves ordinary text and fact values alone', () => {
    expect(escapeMarkdown('LinkedIn Privacy Policy: regions +CA -HK; effectiveDate 2024-09-18 → 2025-11-03 (not stated)'))
      .toBe('LinkedIn Privacy Policy: regions +CA -HK; effectiveDate 2024-09-18 → 2025-11-03 (not stated)');
  });
});

describe('the discord format with page text that looks like Markdown', () => {
  const event: OutboxEvent = {
    event: 'facts.changed',
    source: { id: 'acme', url: 'https://acme.example/privacy', name: 'Acme' },
    change: {
      id: 9, detectedAt: '2025-11-03T06:00:00.000Z', url: changePageUrl('http://127.0.0.1:8787', 9), textDiffUrl: changeUrl('http://127.0.0.1:8787', 9),
      facts: [{ fact: 'optOutPath', before: null, after: ['Settings', '[Data](http://evil.example)'] }],
    },
  };

  it('escapes it in the content and the embed, and keeps the change link', () => {
    const body = discordFormat.render(event, 'd') as { content: string; embeds: { description: string; url: string }[] };
    expect(body.content).toBe('Acme: Where to opt out: (not stated) → Settings › \\[Data\\](http://evil.example) (narrower use of data)\nhttp://127.0.0.1:8787/changes/9');
    expect(body.embeds[0]!.description).toBe('Where to opt out: (not stated) → Settings › \\[Data\\](http://evil.example) (narrower use of data)');
    expect(body.embeds[0]!.url).toBe('http://127.0.0.1:8787/changes/9');
  });
});
