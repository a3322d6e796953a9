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

type SlackBody = { text: string; blocks: Array<{ text?: { text: string } }>; attachments: Array<{ color: string; blocks: Array<{ text?: { text: string } }> }> };
type DiscordBody = { embeds: Array<{ color: number }> };

/** The same change with facts that cut the given ways (regions widens, excludedData narrows, effectiveDate is neutral). */
function changeCutting(...directions: Array<'wider' | 'narrower' | 'neutral'>): ChangeEvent {
  const facts = {
    wider: { fact: 'regions', before: ['US'], after: ['CA', 'US'], added: ['CA'], removed: [], direction: 'wider' },
    narrower: { fact: 'excludedData', before: null, after: ['salary'], added: ['salary'], removed: [], direction: 'narrower' },
    neutral: { fact: 'effectiveDate', before: '2024-09-18', after: '2025-11-03', direction: 'neutral' },
  } as const;
  return { ...factsChanged, change: { ...factsChanged.change, facts: directions.map((d) => ({ ...facts[d] })) as ChangeEvent['change']['facts'] } };
}
const slackColor = (event: OutboxEvent) => (slackFormat.render(event, 'd') as SlackBody).attachments[0]!.color;
const discordColor = (event: OutboxEvent) => (discordFormat.render(event, 'd') as DiscordBody).embeds[0]!.color;

describe('the colour of a chat alert', () => {
  it('is red when a change widens the use of data, even beside a narrowing', () => {
    for (const event of [changeCutting('wider'), changeCutting('neutral', 'narrower', 'wider')]) {
      expect(slackColor(event)).toBe('#cf222e');
      expect(discordColor(event)).toBe(0xcf222e);
    }
  });

  it('is green when a change only narrows it, beside neutral facts or not', () => {
    for (const event of [changeCutting('narrower'), changeCutting('neutral', 'narrower')]) {
      expect(slackColor(event)).toBe('#1a7f37');
      expect(discordColor(event)).toBe(0x1a7f37);
    }
  });

  it('is grey when no fact changes which way the use goes, or only the text changed', () => {
    const textOnly: ChangeEvent = { ...changeCutting(), event: 'text.changed' };
    for (const event of [changeCutting('neutral'), textOnly]) {
      expect(slackColor(event)).toBe('#8c959f');
      expect(discordColor(event)).toBe(0x8c959f);
    }
  });

  it('works out the direction of a fact recorded without one', () => {
    const event: ChangeEvent = { ...factsChanged, change: { ...factsChanged.change, facts: [{ fact: 'optOutPath', before: ['Settings'], after: null }] } };
    expect(slackColor(event)).toBe('#cf222e');
  });

  it('is red for a failing source and green for a recovered one', () => {
    expect([slackColor(failing), discordColor(failing)]).toEqual(['#cf222e', 0xcf222e]);
    expect([slackColor(recovered), discordColor(recovered)]).toEqual(['#1a7f37', 0x1a7f37]);
  });

  it('leaves the json body without a colour', () => {
    expect(JSON.stringify(jsonFormat.render(changeCutting('wider'), 'd'))).not.toMatch(/colou?r/);
  });
});

describe('the slack format', () => {
  it('has the readable summary and a link to the change in its text', () => {
    const body = slackFormat.render(factsChanged, 'd') as SlackBody;
    expect(body.text).toContain('LinkedIn Privacy Policy: Regions covered: +Canada, +Hong Kong (wider use of data); Effective date: 2024-09-18 → 2025-11-03');
    expect(body.text).toContain('<http://127.0.0.1:8787/changes/42|View the change>');
    expect(JSON.stringify(body)).not.toContain('/api/changes/');
    expect(body.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: expect.stringMatching(/^\*LinkedIn Privacy Policy: Regions covered/) } });
    expect(JSON.stringify(body.attachments[0]!.blocks)).toContain('• Regions covered: +Canada, +Hong Kong (wider use of data)');
    expect(JSON.stringify(body.attachments[0]!.blocks)).toContain('<http://127.0.0.1:8787/changes/42|View the change>');
  });

  it('escapes &, < and > from page text', () => {
    const event: OutboxEvent = { ...failing, reason: 'sign-in wall <login> & more' };
    const body = slackFormat.render(event, 'd') as SlackBody;
    expect(body.attachments[0]!.blocks[0]!.text!.text).toContain('sign-in wall &lt;login&gt; &amp; more');
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
