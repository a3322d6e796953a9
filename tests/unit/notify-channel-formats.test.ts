import { describe, expect, it } from 'vitest';
import type { FactChange } from '../../src/domain/facts.js';
import type { WebhookConfig } from '../../src/domain/config.js';
import { changeUrl, type OutboxEvent } from '../../src/notify/outbox-event.js';
import { channelMessage, changeWebUrl } from '../../src/notify/channel-message.js';
import { emailFormat } from '../../src/notify/format-email.js';
import { headerText, ntfyFormat, ntfyRequest } from '../../src/notify/format-ntfy.js';
import { teamsFormat } from '../../src/notify/format-teams.js';
import { escapeMarkdown } from '../../src/notify/escape-markdown.js';
import { renderBody } from '../../src/notify/formats.js';

const change: OutboxEvent = {
  event: 'facts.changed',
  source: { id: 'linkedin-privacy-policy', url: 'https://www.linkedin.com/legal/privacy-policy', name: 'LinkedIn Privacy Policy' },
  change: {
    id: 12, detectedAt: '2025-11-03T06:00:00.000Z', textDiffUrl: changeUrl('https://watch.example.org/pw/', 12),
    facts: [{ fact: 'includedData', before: ['posts'], after: ['posts', 'profile'], added: ['profile'], removed: [], direction: 'wider' }],
  },
};
const recovered: OutboxEvent = { event: 'source.recovered', source: { id: 'linkedin-help-ai', url: 'https://www.linkedin.com/help/x' }, failures: 2 };

describe('channelMessage()', () => {
  it('links a change to its web page under the public URL', () => {
    expect(channelMessage(change).link).toBe('https://watch.example.org/pw/changes/12');
  });

  it('prefers the change link the event carries', () => {
    expect(changeWebUrl({ id: 3, textDiffUrl: 'http://a/api/changes/3', url: 'http://b/changes/3' })).toBe('http://b/changes/3');
  });

  it('reads each fact change into labelled cells with its direction, "(not stated)" for a missing value', () => {
    const m = channelMessage({
      ...change,
      change: { ...change.change, facts: [{ fact: 'minimumAge', before: null, after: 18, direction: 'narrower' }, { fact: 'regions', before: ['US'], after: ['US', 'CA'], added: ['CA'], removed: ['GB'], direction: 'wider', evidence: ' in Canada ' } as FactChange] },
    } as OutboxEvent);
    expect(m.facts).toEqual([
      { fact: 'minimumAge', label: 'Minimum age for training', direction: 'narrower', directionNote: 'narrower use of data', before: '(not stated)', after: '18', added: '', removed: '', evidence: null },
      { fact: 'regions', label: 'Regions covered', direction: 'wider', directionNote: 'wider use of data', before: 'United States', after: 'United States, Canada', added: '+Canada', removed: '−United Kingdom', evidence: 'in Canada' },
    ]);
  });

  it('derives the direction of a fact change an event carries without one', () => {
    const m = channelMessage({ ...change, change: { ...change.change, facts: [{ fact: 'optOutPath', before: ['Settings'], after: null }] } } as unknown as OutboxEvent);
    expect(m.facts[0]).toMatchObject({ direction: 'wider', directionNote: 'wider use of data' });
  });

  it('takes each fact\'s evidence from the after snapshot\'s evidence, as the pipeline\'s events carry it', () => {
    const m = channelMessage({
      ...change,
      change: {
        ...change.change,
        facts: [{ fact: 'effectiveDate', before: '2024-11-20', after: '2025-11-03' }, { fact: 'minimumAge', before: 18, after: null }],
        evidence: { effectiveDate: 'Effective November 3, 2025', minimumAge: 'an old reading' },
      },
    } as OutboxEvent);
    expect(m.facts.map((f) => f.evidence)).toEqual(['Effective November 3, 2025', null]);
  });

  it('links a failing source to its web page when the event has one, as the chat formats do', () => {
    const failing: OutboxEvent = {
      event: 'source.failing', status: 'blocked', reason: 'sign-in wall', failures: 3,
      source: { id: 'linkedin-help-ai', url: 'https://www.linkedin.com/help/x', pageUrl: 'https://watch.example.org/pw/sources/linkedin-help-ai' },
    };
    expect(channelMessage(failing)).toMatchObject({ link: 'https://watch.example.org/pw/sources/linkedin-help-ai', details: ['sign-in wall'], tone: 'bad' });
    expect(ntfyFormat.render(failing, 'd')).toMatchObject({ click: 'https://watch.example.org/pw/sources/linkedin-help-ai' });
  });

  it('links an event without a change to the source page, with the id when there is no name', () => {
    expect(channelMessage(recovered)).toMatchObject({
      label: 'linkedin-help-ai', link: 'https://www.linkedin.com/help/x', facts: [], tone: 'good',
    });
  });
});

describe('the email format', () => {
  it('stores the subject and both parts', () => {
    const message = emailFormat.render(change, 'd1') as { subject: string; text: string; html: string };
    expect(message.subject).toBe('LinkedIn Privacy Policy: Data used for AI training: +Profile (wider use of data)');
    expect(message.text).toMatch(/Data used for AI training \(wider use of data\)\n  before: +Posts\n  after: +Posts, Profile\n  added: +\+Profile\n  direction: wider/);
    expect(message.html).toMatch(/<td[^>]*>Data used for AI training<\/td>.*<td[^>]*><span style="color:#a40e26[^"]*">wider<\/span><\/td>/);
    expect(message.text).toContain('View the change: https://watch.example.org/pw/changes/12');
    expect(message.html).toContain('<a href="https://watch.example.org/pw/changes/12">View the change</a>');
  });

  it('keeps the subject on one line when a page title breaks lines', () => {
    const discovered: OutboxEvent = {
      event: 'source.discovered', source: { id: 'blog/post', url: 'https://www.linkedin.com/blog/post' },
      parentId: 'blog', kind: 'blog-post', title: 'Updates to\nour terms',
    };
    expect((emailFormat.render(discovered, 'd4') as { subject: string }).subject).toBe('blog/post: new post discovered: Updates to our terms');
  });

  it('sends nothing and says what is missing when the channel has no recipients', async () => {
    const webhook: WebhookConfig = { url: 'smtp://127.0.0.1:1', secret: null, events: ['test'], format: 'email', smtpUrl: 'smtp://127.0.0.1:1', from: 'a@example.org', to: [] };
    const sent = await emailFormat.send!({ id: 'd1', event: 'test', body: renderBody('email', change, 'd1') }, webhook, {});
    expect(sent).toMatchObject({ ok: false, aborted: false, error: 'an email channel needs smtpUrl, from and to' });
  });
});

describe('the ntfy format', () => {
  it('keeps ASCII header text as it is and encodes the rest as an RFC 2047 word', () => {
    expect(headerText('policy-watch: recovered')).toBe('policy-watch: recovered');
    expect(headerText('a → b')).toBe(`=?UTF-8?B?${Buffer.from('a → b').toString('base64')}?=`);
    expect(headerText('two\nlines')).toBe('two lines');
  });

  it('turns the stored message into a plain-text request to the topic URL', () => {
    const webhook: WebhookConfig = { url: 'https://ntfy.example.org/policy-alerts', secret: null, events: ['facts.changed'], format: 'ntfy' };
    const request = ntfyRequest({ id: 'd2', event: 'facts.changed', body: JSON.stringify(ntfyFormat.render(change, 'd2')) }, webhook);
    expect(request.url).toBe('https://ntfy.example.org/policy-alerts');
    expect(request.body).toBe('Data used for AI training: Posts → Posts, Profile (+Profile), wider use of data');
    expect(request.headers).toMatchObject({
      Title: 'LinkedIn Privacy Policy: Data used for AI training: +Profile (wider use of data)', Tags: 'memo,policy-watch,facts.changed',
      Click: 'https://watch.example.org/pw/changes/12', 'X-Policy-Watch-Delivery': 'd2',
    });
    expect(request.headers.Priority).toBeUndefined();
  });
});

describe('the teams format', () => {
  it('names the source when an event has no fact table', () => {
    const body = teamsFormat.render(recovered, 'd3') as { attachments: { content: { body: { text: string }[]; actions: unknown[] } }[] };
    const card = body.attachments[0]!.content;
    expect(card.body[0]!.text).toBe('linkedin-help-ai: recovered after 2 failed checks');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the page', url: 'https://www.linkedin.com/help/x' }]);
  });
});

describe('the teams format with page text that looks like Markdown', () => {
  const tricky: OutboxEvent = {
    event: 'facts.changed',
    source: { id: 'acme_privacy', url: 'https://acme.example/privacy', name: 'Acme *Privacy* Policy' },
    change: {
      id: 5, detectedAt: '2025-11-03T06:00:00.000Z', textDiffUrl: changeUrl('https://watch.example.org', 5),
      facts: [{
        fact: 'optOutPath', before: null, after: ['Settings [x](http://evil.example)', 'Data_privacy'],
        evidence: '- Go to [Settings](http://evil.example) and turn off **AI** `training`\n1. then # save',
      } as FactChange],
    },
  };
  const card = () => (teamsFormat.render(tricky, 'd9') as { attachments: { content: { body: Array<{ type: string; text?: string; facts?: { title: string; value: string }[] }>; actions: { url: string }[] } }[] }).attachments[0]!.content;

  it('escapes links, emphasis and code in the summary, the fact values and the evidence', () => {
    const { body } = card();
    const texts = [body[0]!.text!, ...body[1]!.facts!.map((f) => f.value), body[2]!.text!].join('\n');
    expect(texts).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/); // no unescaped [text](url)
    expect(body[0]!.text).toContain('Acme \\*Privacy\\* Policy');
    expect(body[1]!.facts![0]!.value).toContain('Settings \\[x\\](http://evil.example)');
    expect(body[1]!.facts![0]!.value).toContain('Data\\_privacy');
    expect(body[2]!.text).toContain('Go to \\[Settings\\](http://evil.example) and turn off \\*\\*AI\\*\\* \\`training\\`');
  });

  it('keeps a line of page text from starting a list or a heading', () => {
    const evidence = card().body[2]!.text!;
    expect(evidence.split('\n')[1]).toBe('1\\. then # save”');
    expect(escapeMarkdown('- item\n+ item\n# title\n> quote\n2) two')).toBe('\\- item\n\\+ item\n\\# title\n\\> quote\n2\\) two');
  });

  it('leaves ordinary text, dates and the action link as they are', () => {
    expect(escapeMarkdown('regions: US → CA, US  +CA (2025-11-03)')).toBe('regions: US → CA, US  +CA (2025-11-03)');
    expect(card().actions[0]!.url).toBe('https://watch.example.org/changes/5');
  });
});
