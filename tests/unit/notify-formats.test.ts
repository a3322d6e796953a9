import { describe, expect, it } from 'vitest';
import { jsonFormat } from '../../src/notify/format-json.js';
import { slackFormat } from '../../src/notify/format-slack.js';
import { discordFormat } from '../../src/notify/format-discord.js';
import { FORMATS, FormatRegistry, renderBody } from '../../src/notify/formats.js';
import { changePageUrl, changeUrl, type ChangeEvent, type FailingEvent, type OutboxEvent } from '../../src/notify/outbox-event.js';
import { emptyFacts } from '../../src/domain/facts.js';

const source = { id: 'linkedin-privacy-policy', url: 'https://www.linkedin.com/legal/privacy-policy', name: 'LinkedIn Privacy Policy' };
const factsChanged: ChangeEvent = {
  event: 'facts.changed',
  source,
  change: {
    id: 42,
    detectedAt: Date.UTC(2025, 10, 3, 6, 0, 0),
    facts: [
      { fact: 'regions', before: ['US'], after: ['CA', 'HK', 'US'], added: ['CA', 'HK'], removed: [], direction: 'wider' },
      { fact: 'effectiveDate', before: '2024-09-18', after: '2025-11-03', direction: 'neutral' },
    ],
    url: changePageUrl('http://127.0.0.1:8787/', 42),
    textDiffUrl: changeUrl('http://127.0.0.1:8787/', 42),
    evidence: { regions: 'members in Canada, Hong Kong and the US', effectiveDate: 'Effective November 3, 2025' },
  },
};
const failing: FailingEvent = { event: 'source.failing', source, status: 'blocked', reason: 'HTTP 999', failures: 3, lastSuccessAt: null };
const recovered: OutboxEvent = { event: 'source.recovered', source, failures: 4 };
const discovered: OutboxEvent = {
  event: 'source.discovered',
  source: { id: 'linkedin-blog-trust/new-ai-update', url: 'https://www.linkedin.com/blog/member/trust-and-safety/new-ai-update' },
  parentId: 'linkedin-blog-trust', kind: 'blog-post', title: 'An AI update', facts: emptyFacts(),
};

describe('the json format', () => {
  it('renders the contract body of a change: name, summary, per-fact evidence, the web page and the JSON link', () => {
    expect(jsonFormat.render(factsChanged, 'd-1')).toEqual({
      event: 'facts.changed',
      deliveryId: 'd-1',
      source: { id: source.id, url: source.url, name: 'LinkedIn Privacy Policy' },
      summary: 'LinkedIn Privacy Policy: Regions covered: +Canada, +Hong Kong (wider use of data); Effective date: 2024-09-18 → 2025-11-03',
      change: {
        id: '42',
        detectedAt: '2025-11-03T06:00:00.000Z',
        facts: [
          { fact: 'regions', before: ['US'], after: ['CA', 'HK', 'US'], added: ['CA', 'HK'], removed: [], direction: 'wider', evidence: 'members in Canada, Hong Kong and the US' },
          { fact: 'effectiveDate', before: '2024-09-18', after: '2025-11-03', direction: 'neutral', evidence: 'Effective November 3, 2025' },
        ],
        url: 'http://127.0.0.1:8787/changes/42',
        textDiffUrl: 'http://127.0.0.1:8787/api/changes/42',
      },
    });
  });

  it('gives a fact that became unstated null evidence, even if the snapshot has text for it', () => {
    const event: ChangeEvent = {
      ...factsChanged,
      change: {
        ...factsChanged.change,
        facts: [{ fact: 'minimumAge', before: 18, after: null, direction: 'wider' }, { fact: 'lastUpdated', before: null, after: '2025-11-01', direction: 'neutral' }],
        evidence: { minimumAge: 'stale text', effectiveDate: 'Effective November 3, 2025' },
      },
    };
    const body = jsonFormat.render(event, 'd') as { change: { facts: Array<{ evidence: unknown }> } };
    expect(body.change.facts.map((f) => f.evidence)).toEqual([null, null]);
  });

  it('names a source without a configured name by its id', () => {
    const body = jsonFormat.render({ ...factsChanged, source: { id: 'acme-terms', url: 'https://acme.example/terms' } }, 'd') as { source: object; summary: string };
    expect(body.source).toEqual({ id: 'acme-terms', url: 'https://acme.example/terms', name: 'acme-terms' });
    expect(body.summary).toMatch(/^acme-terms: Regions covered: \+Canada/);
  });

  it('gives every event a one-line summary and the source name', () => {
    for (const event of [failing, recovered, discovered]) {
      const body = jsonFormat.render(event, 'd') as { summary: string; source: { name: string } };
      expect(body.summary).not.toContain('\n');
      expect(body.summary.startsWith(body.source.name)).toBe(true);
    }
    expect((jsonFormat.render(failing, 'd') as { summary: string }).summary).toBe('LinkedIn Privacy Policy: blocked for 3 checks in a row');
  });

  it('keeps an ISO detectedAt string as given', () => {
    const event: ChangeEvent = { ...factsChanged, change: { ...factsChanged.change, detectedAt: '2025-11-03T06:00:00Z' } };
    expect((jsonFormat.render(event, 'd') as { change: { detectedAt: string } }).change.detectedAt).toBe('2025-11-03T06:00:00Z');
  });

  it('gives source.failing its status, reason and failure count, and no change', () => {
    const body = jsonFormat.render(failing, 'd-2') as Record<string, unknown>;
    expect(body).toMatchObject({ event: 'source.failing', deliveryId: 'd-2', status: 'blocked', reason: 'HTTP 999', failures: 3 });
    expect(body).not.toHaveProperty('change');
  });

  it('gives source.recovered the number of failed checks it recovered from', () => {
    expect(jsonFormat.render(recovered, 'd-3')).toMatchObject({ event: 'source.recovered', status: 'ok', failures: 4 });
  });

  it('says a discovered post\'s title once when the post is named by it', () => {
    const named: OutboxEvent = { ...discovered, source: { ...discovered.source, name: 'An AI update' } };
    expect((jsonFormat.render(named, 'd') as { summary: string }).summary).toBe('An AI update: new post discovered');
    expect((jsonFormat.render(discovered, 'd') as { summary: string }).summary).toBe('linkedin-blog-trust/new-ai-update: new post discovered: An AI update');
  });

  it('gives source.discovered the post, its blog and its first facts', () => {
    expect(jsonFormat.render(discovered, 'd-4')).toMatchObject({
      event: 'source.discovered', parentId: 'linkedin-blog-trust', kind: 'blog-post', title: 'An AI update',
      source: { id: 'linkedin-blog-trust/new-ai-update' }, facts: emptyFacts(),
    });
  });


});

describe('the slack format', () => {
  it('has the readable summary and a link to the change in its text', () => {
    const body = slackFormat.render(factsChanged, 'd') as { text: string; blocks: unknown[] };
    expect(body.text).toContain('LinkedIn Privacy Policy: Regions covered: +Canada, +Hong Kong (wider use of data); Effective date: 2024-09-18 → 2025-11-03');
    expect(body.text).toContain('<http://127.0.0.1:8787/changes/42|View the change>');
    expect(JSON.stringify(body)).not.toContain('/api/changes/');
    expect(body.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(JSON.stringify(body.blocks)).toContain('• Regions covered: +Canada, +Hong Kong (wider use of data)');
  });

  it('escapes &, < and > from page text', () => {
    const event: OutboxEvent = { ...failing, reason: 'sign-in wall <login> & more' };
    const body = slackFormat.render(event, 'd') as { blocks: Array<{ text?: { text: string } }> };
    expect(body.blocks[0]!.text!.text).toContain('sign-in wall &lt;login&gt; &amp; more');
  });

  it('links an alert about a source to its web page when the event knows it, never putting that in the json body', () => {
    const event: FailingEvent = { ...failing, source: { ...source, pageUrl: 'http://127.0.0.1:8787/sources/linkedin-privacy-policy' } };
    expect((slackFormat.render(event, 'd') as { text: string }).text).toContain('<http://127.0.0.1:8787/sources/linkedin-privacy-policy|Open the page>');
    expect((discordFormat.render(event, 'd') as { embeds: Array<{ url: string }> }).embeds[0]!.url).toBe('http://127.0.0.1:8787/sources/linkedin-privacy-policy');
    expect((jsonFormat.render(event, 'd') as { source: object }).source).toEqual({ id: source.id, url: source.url, name: source.name });
  });

  it('says a failing source is blocked and for how many checks', () => {
    expect((slackFormat.render(failing, 'd') as { text: string }).text).toContain('LinkedIn Privacy Policy: blocked for 3 checks in a row');
  });
});

describe('the discord format', () => {
  it('has the summary and the link in its content, and an embed that links to the change', () => {
    const body = discordFormat.render(factsChanged, 'd') as { content: string; embeds: Array<Record<string, unknown>> };
    expect(body.content).toBe('LinkedIn Privacy Policy: Regions covered: +Canada, +Hong Kong (wider use of data); Effective date: 2024-09-18 → 2025-11-03\nhttp://127.0.0.1:8787/changes/42');
    expect(body.embeds[0]).toMatchObject({
      title: 'LinkedIn Privacy Policy', url: 'http://127.0.0.1:8787/changes/42',
      description: 'Regions covered: +Canada, +Hong Kong (wider use of data)\nEffective date: 2024-09-18 → 2025-11-03', timestamp: '2025-11-03T06:00:00.000Z',
    });
  });

  it('turns mentions off so page text cannot ping a channel', () => {
    expect(discordFormat.render(recovered, 'd')).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('keeps content within discord\'s 2000 characters', () => {
    const many = Array.from({ length: 400 }, (_, i) => `R${i}`);
    const event: ChangeEvent = { ...factsChanged, change: { ...factsChanged.change, facts: [{ fact: 'regions', before: [], after: many, added: many, removed: [] }] } };
    expect((discordFormat.render(event, 'd') as { content: string }).content.length).toBeLessThanOrEqual(2000);
  });
});

describe('the format table', () => {
  it('holds every channel format the config accepts', () => {
    expect(FORMATS.names().sort()).toEqual(['discord', 'email', 'json', 'ntfy', 'slack', 'teams']);
  });

  it('refuses a second format with a name already registered', () => {
    expect(() => new FormatRegistry([jsonFormat, { ...slackFormat, name: 'json' }])).toThrow(/registered twice/);
  });

  it('names the known formats when asked for an unknown one', () => {
    expect(() => FORMATS.get('pager')).toThrow(/unknown webhook format "pager".*json/);
  });

  it('renders the json body as a string with the delivery id inside', () => {
    expect(JSON.parse(renderBody('json', recovered, 'abc'))).toMatchObject({ deliveryId: 'abc' });
  });
});
