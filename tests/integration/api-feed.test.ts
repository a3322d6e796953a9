import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import {
  createTestDatabase, factChange, ms, seedChange, seedLinkedInTimeline, seedSnapshot, seedSource,
  type LinkedInTimeline, type TestDatabase,
} from '../helpers/seed.js';

/**
 * A minimal, strict XML 1.0 well-formedness check: one root, balanced tags, quoted and unique
 * attributes, no raw `<` in text or attributes, and only defined entity references.
 */
function assertWellFormedXml(xml: string): void {
  const fail = (why: string, at: number): never => {
    throw new Error(`not well-formed XML: ${why} at ${at}: ${JSON.stringify(xml.slice(at, at + 60))}`);
  };
  const checkText = (text: string, at: number) => {
    for (let k = text.indexOf('&'); k !== -1; k = text.indexOf('&', k + 1)) {
      const semi = text.indexOf(';', k);
      const entity = semi === -1 ? '' : text.slice(k + 1, semi);
      const known = ['amp', 'lt', 'gt', 'quot', 'apos'].includes(entity)
        || (entity.startsWith('#x') && entity.length > 2 && [...entity.slice(2)].every((c) => '0123456789abcdefABCDEF'.includes(c)))
        || (entity.startsWith('#') && entity.length > 1 && [...entity.slice(1)].every((c) => c >= '0' && c <= '9'));
      if (!known) fail(`undefined entity &${entity};`, at + k);
    }
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (char === '<' || (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff) {
        fail(`character U+${code.toString(16)} not allowed here`, at);
      }
    }
  };
  const isNameChar = (c: string | undefined) => c !== undefined && /[\w.:-]/.test(c);
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') fail('text outside the root element', i);
    checkText(text, i);
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) fail('unclosed comment', lt);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      if (stack.pop() !== name) fail(`unexpected </${name}>`, lt);
      i = end + 1;
      continue;
    }
    let j = lt + 1;
    while (isNameChar(xml[j])) j++;
    const name = xml.slice(lt + 1, j);
    if (name === '' || /^[\d.-]/.test(name)) fail('bad element name', lt);
    if (stack.length === 0 && ++roots > 1) fail('a second root element', lt);
    const attributes = new Set<string>();
    for (;;) {
      const spaced = /\s/.test(xml[j] ?? '');
      while (/\s/.test(xml[j] ?? '')) j++;
      if (xml.startsWith('/>', j)) { j += 2; break; }
      if (xml[j] === '>') { j++; stack.push(name); break; }
      if (!spaced) fail('attributes must be separated by white space', j);
      const start = j;
      while (isNameChar(xml[j])) j++;
      const attribute = xml.slice(start, j);
      if (attribute === '' || xml[j] !== '=') fail('bad attribute', start);
      if (attributes.has(attribute)) fail(`duplicate attribute ${attribute}`, start);
      attributes.add(attribute);
      const quote = xml[j + 1];
      if (quote !== '"' && quote !== "'") fail('unquoted attribute value', j);
      const end = xml.indexOf(quote!, j + 2);
      if (end === -1) fail('unclosed attribute value', j);
      checkText(xml.slice(j + 2, end), j + 2);
      j = end + 1;
    }
    i = j;
  }
  if (stack.length) fail(`unclosed <${stack[stack.length - 1]}>`, xml.length);
  if (roots !== 1) fail('no root element', 0);
}

let test: TestDatabase;
let timeline: LinkedInTimeline;
let server: RunningServer;

beforeEach(async () => {
  test = createTestDatabase();
  timeline = seedLinkedInTimeline(test.db);
  server = await startServer(test.db, { host: '127.0.0.1', port: 0, token: null, publicUrl: 'https://watch.example.org/' });
});
afterEach(async () => {
  await server.close();
  test.close();
});

async function feed(path = '/feed.atom') {
  const response = await fetch(`${server.url}${path}`);
  const xml = await response.text();
  return { response, xml, $: load(xml, { xml: true }) };
}

describe('assertWellFormedXml()', () => {
  it('catches what a feed must never contain', () => {
    expect(() => assertWellFormedXml('<a><b></a></b>')).toThrow('unexpected </a>');
    expect(() => assertWellFormedXml('<a>Q&A</a>')).toThrow('undefined entity');
    expect(() => assertWellFormedXml('<a x="1" x="2"/>')).toThrow('duplicate attribute');
    expect(() => assertWellFormedXml('<a>\u0001</a>')).toThrow('U+1');
    expect(() => assertWellFormedXml('<a/><b/>')).toThrow('a second root');
    expect(() => assertWellFormedXml('<?xml version="1.0"?>\n<a b="&lt;">&amp;&#8594;</a>\n')).not.toThrow();
  });
});

describe('GET /feed.atom', () => {
  it('is a well-formed Atom feed served as application/atom+xml', async () => {
    const { response, xml, $ } = await feed();
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    assertWellFormedXml(xml);
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed > id').text()).toBe('https://watch.example.org/feed.atom');
    expect($('feed > updated').text()).toBe('2025-11-03T06:00:00.000Z');
    expect($('feed > link[rel="self"]').attr('href')).toBe('https://watch.example.org/feed.atom');
  });

  it('has one entry per change, newest first, titled with a readable summary', async () => {
    const { $ } = await feed();
    const titles = $('entry > title').map((_, el) => $(el).text()).get();
    expect(titles).toEqual([
      'LinkedIn Privacy Policy: Effective date: 2024-11-20 → 2025-11-03; Announced effective date: 2025-11-03 → (not stated); Regions covered: +Canada, +Switzerland, +European Economic Area, +European Union, +United Kingdom, +Hong Kong (wider use of data)',
      'LinkedIn Privacy Policy: Announced effective date: (not stated) → 2025-11-03',
      'LinkedIn User Agreement: text changed, no fact changed',
    ]);
  });

  it('links each entry to its change page and its JSON, with the change time as updated', async () => {
    const { $ } = await feed();
    const first = $('entry').first();
    expect(first.find('id').text()).toBe(`https://watch.example.org/changes/${timeline.privacy.regionsChange}`);
    expect(first.find('link[rel="alternate"]').attr('href')).toBe(`https://watch.example.org/changes/${timeline.privacy.regionsChange}`);
    expect(first.find('link[rel="related"]').attr('href')).toBe(`https://watch.example.org/api/changes/${timeline.privacy.regionsChange}`);
    expect(first.find('updated').text()).toBe('2025-11-03T06:00:00.000Z');
    expect(first.find('content').text()).toContain('Regions covered: +Canada, +Switzerland, +European Economic Area, +European Union, +United Kingdom, +Hong Kong (wider use of data)');
    // Feed readers can filter on which way a change cuts.
    expect(first.find('category[term="wider"]').attr('label')).toBe('Wider use');
    expect(first.find('category[term="neutral"]').length).toBe(0);
  });

  it('escapes names and values and drops characters XML cannot carry', async () => {
    const source = seedSource(test.db, { id: 'tricky', name: 'Terms & <Conditions> "v2"' });
    const a = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-01T00:00:00Z') });
    const b = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-02T00:00:00Z') });
    seedChange(test.db, {
      sourceId: source, detectedAt: ms('2026-01-02T00:00:00Z'), beforeSnapshotId: a, afterSnapshotId: b,
      facts: [factChange('optOutPath', ['Settings & Privacy'], ['Settings & Privacy', '<Data>\u0007 ]]>'])],
    });
    const { xml, $ } = await feed();
    assertWellFormedXml(xml);
    expect($('entry > title').first().text())
      .toBe('Terms & <Conditions> "v2": Where to opt out: Settings & Privacy → Settings & Privacy › <Data> ]]>');
  });

  it('keeps only the changes of one source with ?source=', async () => {
    const { $ } = await feed('/feed.atom?source=linkedin-user-agreement');
    expect($('entry')).toHaveLength(1);
    expect($('feed > link[rel="self"]').attr('href')).toBe('https://watch.example.org/feed.atom?source=linkedin-user-agreement');
  });

  it('holds the newest 50 changes at most', async () => {
    const source = seedSource(test.db, { id: 'busy' });
    const a = seedSnapshot(test.db, { sourceId: source, createdAt: ms('2026-01-01T00:00:00Z') });
    for (let i = 0; i < 60; i++) {
      seedChange(test.db, { sourceId: source, detectedAt: ms('2026-02-01T00:00:00Z') + i * 1000, beforeSnapshotId: a, afterSnapshotId: a, facts: [factChange('minimumAge', i, i + 1)] });
    }
    const { $ } = await feed();
    expect($('entry')).toHaveLength(50);
    expect($('entry > title').first().text()).toBe('busy: Minimum age for training: 59 → 60 (narrower use of data)');
  });

  it('is still a valid feed with no change at all', async () => {
    const empty = createTestDatabase();
    const other = await startServer(empty.db, { host: '127.0.0.1', port: 0, token: null, publicUrl: '' });
    try {
      const xml = await (await fetch(`${other.url}/feed.atom`)).text();
      assertWellFormedXml(xml);
      expect(load(xml, { xml: true })('feed > id').text()).toBe(`${other.url}/feed.atom`);
    } finally {
      await other.close();
      empty.close();
    }
  });
});
