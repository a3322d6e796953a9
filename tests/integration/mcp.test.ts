import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createTestDatabase, seedLinkedInTimeline, type LinkedInTimeline, type TestDatabase } from '../helpers/seed.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { BIN, runCli } from '../helpers/run-cli.js';

interface ToolResult { content: { type: string; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean }

describe('policy-watch mcp, driven by the SDK\'s own client over stdio', () => {
  let t: TestDatabase;
  let seeded: LinkedInTimeline;
  let dir: TempDir;
  let client: Client;
  let stderr = '';
  const transportErrors: Error[] = [];

  beforeAll(async () => {
    t = createTestDatabase();
    seeded = seedLinkedInTimeline(t.db);
    dir = tempDir();
    const transport = new StdioClientTransport({
      command: process.execPath, args: [BIN, 'mcp', '--db', t.file], cwd: dir.path, stderr: 'pipe',
      env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '' } as Record<string, string>,
    });
    transport.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    // Anything on stdout that is not a protocol message surfaces here.
    transport.onerror = (error) => { transportErrors.push(error); };
    client = new Client({ name: 'policy-watch-test', version: '1.0.0' });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client.close();
    t.close();
    dir.remove();
  });

  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as ToolResult;
  const json = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await call(name, args);
    expect(result.isError ?? false).toBe(false);
    return JSON.parse(result.content[0]!.text);
  };
  const cliJson = async (...args: string[]) => {
    const result = await runCli([...args, '--db', t.file, '--json'], { cwd: dir.path });
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  it('offers the four read-only tools, with their arguments described', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['get_change', 'get_facts', 'get_history', 'list_sources']);
    for (const tool of tools) expect(tool.annotations?.readOnlyHint).toBe(true);
    const history = tools.find((tool) => tool.name === 'get_history')!;
    expect(Object.keys(history.inputSchema.properties ?? {}).sort()).toEqual(['fact', 'limit', 'since', 'source', 'until']);
    expect(client.getServerVersion()?.name).toBe('policy-watch');
  });

  it('list_sources answers what `sources --json` prints', async () => {
    const sources = await json('list_sources');
    expect(sources).toEqual(await cliJson('sources'));
    expect(sources.map((s: { id: string }) => s.id)).toContain(seeded.privacy.sourceId);
  });

  it('get_facts answers what `facts --json` prints, now and at a past date', async () => {
    expect(await json('get_facts')).toEqual(await cliJson('facts'));
    const before = await json('get_facts', { source: seeded.privacy.sourceId, at: '2025-10-01' });
    expect(before).toEqual(await cliJson('facts', '--source', seeded.privacy.sourceId, '--at', '2025-10-01'));
    expect(before).toMatchObject([{ sourceId: seeded.privacy.sourceId, facts: { effectiveDate: '2024-11-20', upcomingEffectiveDate: '2025-11-03' } }]);
  });

  it('get_history answers what `history --json` prints for the same filters, with structured content too', async () => {
    const result = await call('get_history', { fact: 'regions', since: '2025-01-01', limit: 10 });
    const changes = JSON.parse(result.content[0]!.text);
    expect(changes).toEqual(await cliJson('history', '--fact', 'regions', '--since', '2025-01-01', '--limit', '10'));
    expect(changes.map((c: { id: string }) => c.id)).toEqual([String(seeded.privacy.regionsChange)]);
    expect(result.structuredContent).toEqual({ changes });
    expect(await json('get_history', { source: seeded.agreement.sourceId })).toEqual(await cliJson('history', '--source', seeded.agreement.sourceId));
  });

  it('get_change answers what `show --json` prints, text diff included', async () => {
    const id = String(seeded.privacy.regionsChange);
    const change = await json('get_change', { id });
    expect(change).toEqual(await cliJson('show', id));
    expect(change.textDiff).toContain('+Effective November 3, 2025');
    expect(await json('get_change', { id: seeded.privacy.regionsChange })).toEqual(change);
  });

  it('answers a bad argument with a tool error that names it', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['get_history', { fact: 'colour' }, /fact/],
      ['get_history', { limit: 0 }, /limit/],
      ['get_history', { since: 'last week' }, /since "last week"/],
      ['get_facts', { at: '2025-02-30' }, /at "2025-02-30"/],
      ['get_facts', { source: 'nope' }, /unknown source "nope" \(argument source\)/],
      ['get_change', { id: 'abc' }, /invalid id "abc"/],
      ['get_change', { id: '99999' }, /unknown change id 99999 \(argument id\)/],
    ];
    for (const [name, args, message] of cases) {
      const result = await call(name, args);
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(result.content[0]!.text).toMatch(message);
    }
  });

  it('writes nothing but protocol to stdout, and its messages to stderr', () => {
    expect(transportErrors).toEqual([]);
    expect(stderr).toContain('MCP server ready on stdio');
  });
});
