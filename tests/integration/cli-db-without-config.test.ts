import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createTestDatabase, ms, seedCheck, seedSnapshot, seedSource, type TestDatabase } from '../helpers/seed.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { BIN, runCli } from '../helpers/run-cli.js';

/** `--db` without a config file reads that database as it is: no built-in LinkedIn source mixed in. */
describe('read verbs given --db and no config', () => {
  let t: TestDatabase;
  let dir: TempDir;

  beforeAll(() => {
    t = createTestDatabase();
    seedSource(t.db, { id: 'acme-privacy', url: 'http://127.0.0.1:9/privacy', lastCheckedAt: ms('2026-01-02T00:00:00Z'), lastStatus: 'new' });
    const snapshotId = seedSnapshot(t.db, { sourceId: 'acme-privacy', createdAt: ms('2026-01-02T00:00:00Z'), facts: { effectiveDate: '2026-01-01' } });
    seedCheck(t.db, { sourceId: 'acme-privacy', at: ms('2026-01-02T00:00:00Z'), status: 'new', snapshotId });
    dir = tempDir('policy-watch-dbonly-');
  });
  afterAll(() => {
    t.close();
    dir.remove();
  });

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir.path, env });

  it('list only the database\'s sources, with their recorded status', async () => {
    const json = await cli(['sources', '--db', t.file, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ id: 'acme-privacy', status: 'new' })]);
    const table = await cli(['sources', '--db', t.file]);
    expect(table.stdout).toContain('acme-privacy');
    expect(table.stdout).not.toContain('linkedin');
  });

  it('do the same with POLICY_WATCH_DB in place of --db', async () => {
    const json = await cli(['sources', '--json'], { POLICY_WATCH_DB: t.file });
    expect(JSON.parse(json.stdout).map((s: { id: string }) => s.id)).toEqual(['acme-privacy']);
  });

  it('print the facts of the database\'s sources only', async () => {
    const facts = await cli(['facts', '--db', t.file, '--json']);
    expect(facts.code, facts.stderr).toBe(0);
    expect(JSON.parse(facts.stdout)).toEqual([expect.objectContaining({ sourceId: 'acme-privacy', facts: expect.objectContaining({ effectiveDate: '2026-01-01' }) })]);
  });

  it('answer the MCP list_sources tool with the database\'s sources only', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath, args: [BIN, 'mcp', '--db', t.file], cwd: dir.path, stderr: 'pipe',
      env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '' } as Record<string, string>,
    });
    const client = new Client({ name: 'policy-watch-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const result = await client.callTool({ name: 'list_sources', arguments: {} }) as { content: { text: string }[] };
      expect(JSON.parse(result.content[0]!.text).map((s: { id: string }) => s.id)).toEqual(['acme-privacy']);
    } finally {
      await client.close();
    }
  });

  it('still add the configured sources not yet checked when a config is given', async () => {
    writeFileSync(dir.file('watch.json'), JSON.stringify({ sources: [{ id: 'acme-terms', url: 'http://127.0.0.1:9/terms', kind: 'user-agreement' }] }));
    const json = await cli(['sources', '--config', 'watch.json', '--db', t.file, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).map((s: { id: string; status: string | null }) => [s.id, s.status])).toEqual([
      ['acme-privacy', 'retired'], ['acme-terms', null],
    ]);
  });
});
