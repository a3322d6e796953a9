import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BIN, runCli } from '../helpers/run-cli.js';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { FAST_FETCH, tempDir, type TempDir } from '../helpers/test-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createApp } from '../../src/api/create-app.js';

// End-to-end checks of the outside contract's names and shapes, through the built CLI.

const FACT_NAMES = ['effectiveDate', 'upcomingEffectiveDate', 'publishedDate', 'lastUpdated', 'regions', 'excludedRegions',
  'includedData', 'excludedData', 'aiTrainingDefault', 'minorsExcluded', 'minimumAge', 'optOutPath', 'legalBasis', 'aiProviders'];
const LIST_FACTS = new Set(['regions', 'excludedRegions', 'includedData', 'excludedData', 'optOutPath', 'legalBasis', 'aiProviders']);
const CHANGE_KEYS = ['id', 'sourceId', 'url', 'detectedAt', 'facts', 'textChanged', 'snapshots'];
const LINKEDIN_PACK = fileURLToPath(new URL('../../packs/linkedin.json', import.meta.url));

/** The example config of the contract, copied as it is written there (tests never read the shared folder). */
const CONTRACT_EXAMPLE = {
  database: 'policy-watch.db',
  schedule: '0 */6 * * *',
  timezone: 'UTC',
  userAgent: 'policy-watch/<version> (+https://github.com/<org>/policy-watch)',
  fetch: { timeoutMs: 30000, maxRetries: 2, maxBodyBytes: 10485760, maxConcurrency: 16, maxRequestsPerMinute: 30,
    respectRobotsTxt: false, perHost: { maxConcurrency: 1, delayMs: 1000 } },
  failAfter: 3,
  include: ['packs/linkedin.json'],
  sources: [
    { id: 'linkedin-privacy-policy', url: 'https://www.linkedin.com/legal/privacy-policy', kind: 'privacy-policy', language: 'en',
      select: 'main', remove: ['.cookie-banner'], ignore: ['viewed [0-9,]+ times'] },
    { id: 'linkedin-blog-trust', url: 'https://www.linkedin.com/blog/member/trust-and-safety', kind: 'blog',
      follow: ['/blog/member/trust-and-safety/*'] },
  ],
  webhooks: [{ url: 'https://hooks.example.com/policy', secret: 'env:POLICY_WATCH_WEBHOOK_SECRET', events: ['facts.changed'], format: 'json' }],
  api: { host: '127.0.0.1', port: 8787, token: 'env:POLICY_WATCH_API_TOKEN' },
};

const UNSET = { POLICY_WATCH_WEBHOOK_SECRET: '', POLICY_WATCH_API_TOKEN: '' };

describe('the contract\'s example config', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = tempDir('policy-watch-contract-');
    mkdirSync(dir.file('packs'));
    copyFileSync(LINKEDIN_PACK, dir.file('packs/linkedin.json'));
    writeFileSync(dir.file('contract.json'), JSON.stringify(CONTRACT_EXAMPLE, null, 2));
  });
  afterAll(() => dir.remove());

  it('validates with its secrets unset (warnings) and set (no secret warning)', async () => {
    const unset = await runCli(['validate', '--config', 'contract.json'], { cwd: dir.path, env: UNSET });
    expect(unset.stderr).not.toMatch(/invalid config/);
    expect(unset.code).toBe(0);
    expect(unset.stdout).toMatch(/contract\.json: ok, 9 sources, 1 channel, 3 warnings\n$/);
    expect(unset.stderr).toMatch(/POLICY_WATCH_WEBHOOK_SECRET is not set/);

    const set = await runCli(['validate', '--config', 'contract.json'], { cwd: dir.path, env: { POLICY_WATCH_WEBHOOK_SECRET: 's', POLICY_WATCH_API_TOKEN: 't' } });
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/ok, 9 sources, 1 channel, 1 warning\n$/);
    expect(set.stderr).not.toMatch(/is not set/);
  });

  it('lets the config\'s own entry refine the pack\'s source of the same id and page, keeping the pack\'s name', () => {
    const config = loadConfig({ configPath: dir.file('contract.json'), env: UNSET });
    const privacy = config.sources.filter((s) => s.id === 'linkedin-privacy-policy');
    expect(privacy).toHaveLength(1);
    expect(privacy[0]).toMatchObject({ name: 'LinkedIn Privacy Policy', select: 'main', remove: ['.cookie-banner'], ignore: ['viewed [0-9,]+ times'] });
    expect(config.sources.map((s) => s.id)[0]).toBe('linkedin-privacy-policy');
  });

  it('still refuses the same id on another page', () => {
    const other = { ...CONTRACT_EXAMPLE, sources: [{ id: 'linkedin-privacy-policy', url: 'https://example.org/privacy', kind: 'privacy-policy' }] };
    writeFileSync(dir.file('other.json'), JSON.stringify(other));
    expect(() => loadConfig({ configPath: dir.file('other.json'), env: UNSET }))
      .toThrow(/sources\[0\]\.id: duplicate source id "linkedin-privacy-policy" \(first at packs\/linkedin\.json: sources\[0\]\)/);
  });
});

describe('the command line against the contract', () => {
  let dir: TempDir;
  let site: LocalSite;
  const hooks: { headers: Record<string, unknown>; body: string }[] = [];
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir.path, env });

  beforeAll(async () => {
    dir = tempDir('policy-watch-contract-cli-');
    site = await startLocalSite({ '/legal/privacy-policy': privacyPolicyPage() });
    site.set('/hook', { handle: (req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => { body += d.toString(); });
      req.on('end', () => { hooks.push({ headers: req.headers, body }); res.writeHead(204).end(); });
    } });
    site.set('/blocked', { status: 999, body: 'denied' });
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'audit.db', fetch: FAST_FETCH,
      sources: [{ id: 'acme-privacy', name: 'Acme Privacy Policy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' }],
      webhooks: [{ url: site.at('/hook'), secret: 'audit-secret' }],
      api: { port: 0 },
    }));
    writeFileSync(dir.file('blocked.json'), JSON.stringify({
      database: 'blocked.db', fetch: FAST_FETCH,
      sources: [{ id: 'walled', url: site.at('/blocked'), kind: 'privacy-policy' }],
    }));
  });
  afterAll(async () => {
    await site.close();
    dir.remove();
  });

  it('check prints a status line per source then a summary; a change is recorded and alerted, signed', async () => {
    const first = await cli(['check']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^new\s+acme-privacy\s+\(baseline/m);
    expect(first.stdout).toMatch(/^1 source: 1 new, 0 changed, 0 unchanged, 0 blocked, 0 error$/m);

    site.set('/legal/privacy-policy', privacyPolicyPage({ effective: 'November 3, 2025', regions: 'members in Canada and the United States' }));
    const second = await cli(['check', '--json']);
    expect(second.code).toBe(0);
    const lines = second.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ sourceId: 'acme-privacy', status: 'changed' });
    expect(lines.at(-1)).toEqual({ summary: expect.objectContaining({ sources: 1, new: 0, changed: 1, unchanged: 0, blocked: 0, error: 0 }) });
    expect(hooks.map((h) => h.headers['x-policy-watch-event'])).toContain('facts.changed');
    const alert = hooks.find((h) => h.headers['x-policy-watch-event'] === 'facts.changed')!;
    expect(alert.headers['x-policy-watch-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const body = JSON.parse(alert.body) as { deliveryId: string; change: { facts: Record<string, unknown>[] } };
    expect(Object.keys(body)).toEqual(['event', 'deliveryId', 'source', 'summary', 'change']);
    expect(body).toMatchObject({ event: 'facts.changed', deliveryId: alert.headers['x-policy-watch-delivery'],
      source: { id: 'acme-privacy', url: site.at('/legal/privacy-policy'), name: 'Acme Privacy Policy' }, summary: expect.stringMatching(/^Acme Privacy Policy: /) });
    expect(Object.keys(body.change).sort()).toEqual(['detectedAt', 'facts', 'id', 'textDiffUrl', 'url']);
    expect(body.change).toMatchObject({ url: expect.stringMatching(/\/changes\/\d+$/), textDiffUrl: expect.stringMatching(/\/api\/changes\/\d+$/) });
    for (const fact of body.change.facts) expect(fact).toHaveProperty('evidence');
  });

  it('check exits 1 when no source could be read, after printing the summary', async () => {
    const result = await cli(['check', '--config', 'blocked.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^blocked\s+walled\s+HTTP 999$/m);
    expect(result.stdout).toMatch(/^1 source: 0 new, 0 changed, 0 unchanged, 1 blocked, 0 error$/m);
  });

  it('history --json and show --json print changes with exactly the contract\'s keys (plus show\'s text diff)', async () => {
    const history = await cli(['history', '--json']);
    expect(history.code).toBe(0);
    const changes = JSON.parse(history.stdout) as Record<string, unknown>[];
    expect(changes).toHaveLength(1);
    const change = changes[0]!;
    expect(Object.keys(change).sort()).toEqual([...CHANGE_KEYS].sort());
    expect(change).toMatchObject({ sourceId: 'acme-privacy', url: site.at('/legal/privacy-policy'), textChanged: true });
    expect(change.detectedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(Object.keys(change.snapshots as object).sort()).toEqual(['after', 'before']);
    for (const fact of change.facts as Record<string, unknown>[]) {
      expect(FACT_NAMES).toContain(fact.fact);
      expect(Object.keys(fact).sort()).toEqual(LIST_FACTS.has(fact.fact as string) ? ['added', 'after', 'before', 'direction', 'fact', 'removed'] : ['after', 'before', 'direction', 'fact']);
    }
    expect((change.facts as { fact: string }[]).map((f) => f.fact)).toContain('effectiveDate');

    const show = await cli(['show', String(change.id), '--json']);
    expect(show.code).toBe(0);
    const shown = JSON.parse(show.stdout) as Record<string, unknown>;
    for (const key of CHANGE_KEYS) expect(shown[key]).toEqual(change[key]);
    expect(typeof shown.textDiff).toBe('string');
  });

  it('facts --json is an array of Facts documents with their sourceId; sources --json has the contract\'s keys', async () => {
    const facts = await cli(['facts', '--json']);
    expect(facts.code).toBe(0);
    const [doc] = JSON.parse(facts.stdout) as Record<string, Record<string, unknown>>[];
    expect(doc).toMatchObject({ sourceId: 'acme-privacy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy', language: 'en' });
    for (const key of ['url', 'language', 'kind', 'title', 'facts', 'evidence']) expect(doc).toHaveProperty(key);
    expect(Object.keys(doc!.facts!)).toEqual(FACT_NAMES);
    expect(doc!.facts!.effectiveDate).toBe('2025-11-03');

    const sources = await cli(['sources', '--json']);
    const [source] = JSON.parse(sources.stdout) as Record<string, unknown>[];
    expect(source).toMatchObject({ id: 'acme-privacy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy', status: 'changed' });
    expect(source!.lastCheckedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('extract --json prints one Facts document per input, exactly the contract\'s keys, nulls for unstated facts', async () => {
    writeFileSync(dir.file('page.html'), privacyPolicyPage());
    const result = await cli(['extract', 'page.html', site.at('/legal/privacy-policy'), '--json']);
    expect(result.code).toBe(0);
    const docs = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
    expect(docs).toHaveLength(2);
    for (const doc of docs) {
      // The extract helper may add "extractorVersion" (a documented addition); nothing else.
      expect(Object.keys(doc).filter((k) => k !== 'extractorVersion')).toEqual(['url', 'language', 'kind', 'title', 'facts', 'evidence']);
      expect(Object.keys(doc.facts!)).toEqual(FACT_NAMES);
      expect(doc.facts!.publishedDate).toBeNull();
      for (const key of Object.keys(doc.evidence!)) expect(doc.facts![key]).not.toBeNull();
      // A stated list is sorted and unique, except optOutPath (a menu path, in order).
      for (const name of [...LIST_FACTS].filter((n) => n !== 'optOutPath')) {
        const list = doc.facts![name] as string[] | null;
        if (list !== null) expect(list, name).toEqual([...new Set(list)].sort());
      }
    }
    expect(docs[0]!.facts!.effectiveDate).toBe('2024-11-20');
    expect(docs[1]!.url).toBe(site.at('/legal/privacy-policy'));
  });

  it('--db and POLICY_WATCH_DB choose the database (a missing one read as empty, not created), POLICY_WATCH_CONFIG the config; a bad config is exit 2 naming the field', async () => {
    const other = await cli(['history', '--json', '--db', 'empty.db']);
    expect(JSON.parse(other.stdout)).toEqual([]);
    expect(other.stderr).toMatch(/no database at .*empty\.db yet/);
    const byEnv = await cli(['history', '--json'], { POLICY_WATCH_DB: dir.file('empty.db') });
    expect(JSON.parse(byEnv.stdout)).toEqual([]);
    const byConfigEnv = await runCli(['sources', '--json'], { cwd: dir.path, env: { POLICY_WATCH_CONFIG: dir.file('blocked.json') } });
    expect((JSON.parse(byConfigEnv.stdout) as { id: string }[]).map((s) => s.id)).toEqual(['walled']);

    // Verbs that only read leave nothing behind for a mistyped --db, not even its folder.
    for (const verb of [['history'], ['show', '1'], ['facts'], ['sources'], ['export']]) {
      await cli([...verb, '--db', 'typo/watch.db']);
    }
    expect(existsSync(dir.file('empty.db'))).toBe(false);
    expect(existsSync(dir.file('typo'))).toBe(false);

    writeFileSync(dir.file('bad.json'), JSON.stringify({ sources: [{ id: 'x', url: 'ftp://x', kind: 'privacy-policy' }], colour: 'red' }));
    const bad = await cli(['sources', '--config', 'bad.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid config .*bad\.json/);
    expect(bad.stderr).toMatch(/colour|sources\[0\]\.url/);
  });

  it('every verb\'s --help lists its own flags and the global --config and --db', async () => {
    const verbs: [string[], string[]][] = [
      [['run'], ['--check-now', '--no-api']], [['check'], ['--source', '--json']],
      [['extract'], ['--url', '--kind', '--lang', '--select', '--remove', '--ignore', '--json']],
      [['history'], ['--source', '--fact', '--since', '--until', '--limit', '--technical', '--json']],
      [['show'], ['--json']], [['facts'], ['--source', '--at', '--json']], [['sources'], ['--json']],
      [['deliveries'], ['--status', '--retry-failed', '--json']], [['webhooks', 'test'], ['--url']], [['serve'], []],
      [['reextract'], ['--all', '--source']], [['export'], ['--format', '--source', '--since', '--until', '--out']],
      [['mcp'], []], [['demo'], ['--port', '--no-serve', '--keep']], [['init'], []], [['validate'], []],
    ];
    for (const [verb, flags] of verbs) {
      const help = await cli([...verb, '--help']);
      expect(help.code).toBe(0);
      for (const flag of [...flags, '--config <file>', '--db <file>']) expect(help.stdout, `${verb.join(' ')} --help`).toContain(flag);
    }
  }, 60_000);

  it('init --config FILE names that file in its next steps', async () => {
    const result = await cli(['init', '--config', 'starter.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}2\. policy-watch validate --config starter\.json$/m);
    expect(result.stdout).toMatch(/^ {2}3\. policy-watch check --config starter\.json /m);
    const plain = await runCli(['init'], { cwd: tempDirFor(dir, 'plain') });
    expect(plain.stdout).toMatch(/^ {2}2\. policy-watch validate$/m);
  });

  it('the web page counts one source in the singular', async () => {
    const db = openDatabase(dir.file('audit.db'));
    try {
      const page = await (await createApp(db).request('/')).text();
      expect(page).toMatch(/<p class="muted intro">1 source watched /);
    } finally {
      db.$client.close();
    }
  });

  it('serve answers the contract\'s routes; /api/sources lists configured sources not checked yet, as sources --json', async () => {
    writeFileSync(dir.file('serve.json'), JSON.stringify({
      database: 'audit.db', fetch: FAST_FETCH, api: { port: 0 },
      sources: [
        { id: 'acme-privacy', url: site.at('/legal/privacy-policy'), kind: 'privacy-policy' },
        { id: 'acme-terms', url: site.at('/legal/terms'), kind: 'user-agreement' },
      ],
    }));
    const child = spawn(process.execPath, [BIN, 'serve', '--config', 'serve.json'], { cwd: dir.path, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '' } });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr!.on('data', (d: Buffer) => {
          err += d.toString();
          const url = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1];
          if (url) resolve(url);
        });
        child.on('exit', () => reject(new Error(`serve exited: ${err}`)));
      });
      const json = async (path: string) => {
        const response = await fetch(base + path);
        return { status: response.status, body: await response.json() as unknown };
      };
      const health = await json('/healthz');
      expect(Object.keys(health.body as object).sort()).toEqual(['failing', 'lastCycleAt', 'status']);
      expect(['ok', 'degraded', 'stale']).toContain((health.body as { status: string }).status);

      const sources = (await json('/api/sources')).body as { id: string; status: string | null }[];
      expect(sources.map((s) => s.id)).toEqual(['acme-privacy', 'acme-terms']);
      const cliSources = await cli(['sources', '--json', '--config', 'serve.json']);
      expect(sources).toEqual(JSON.parse(cliSources.stdout));

      const page = (await json('/api/changes?source=acme-privacy&fact=effectiveDate&since=2020-01-01&until=2100-01-01&limit=5')).body as { changes: Record<string, unknown>[] };
      expect(page.changes).toHaveLength(1);
      const [change] = page.changes;
      expect(Object.keys(change!).sort()).toEqual([...CHANGE_KEYS].sort());
      const one = await json(`/api/changes/${String(change!.id)}`);
      expect(one.body).toMatchObject({ id: change!.id, textDiff: expect.any(String) });
      const facts = (await json('/api/facts?source=acme-privacy&at=2100-01-01')).body as { sourceId: string; facts: object }[];
      expect(facts.map((f) => f.sourceId)).toEqual(['acme-privacy']);
      expect(Object.keys(facts[0]!.facts)).toEqual(FACT_NAMES);
      const after = (change!.snapshots as { after: string }).after;
      expect((await json(`/api/snapshots/${after}`)).status).toBe(200);
      expect((await json('/api/changes?fact=colour')).status).toBe(400);
      for (const [path, type] of [['/feed.atom', 'atom+xml'], ['/metrics', 'text/plain'], ['/', 'text/html'], ['/sources/acme-privacy', 'text/html'], [`/snapshots/${after}`, 'text/html']] as const) {
        const response = await fetch(base + path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toContain(type);
      }
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});

function tempDirFor(parent: TempDir, name: string): string {
  const path = parent.file(name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('the README\'s demo walkthrough', () => {
  let dir: TempDir;
  beforeAll(() => { dir = tempDir('policy-watch-demo-walk-'); });
  afterAll(() => dir.remove());

  it('demo --keep DIR --no-serve prints each alert\'s summary line, then commands that work as printed', async () => {
    const demo = await runCli(['demo', '--keep', 'kept', '--no-serve', '--port', '0'], { cwd: dir.path, timeoutMs: 60_000 });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/webhook ← announcement\.detected {2}LinkedIn Privacy Policy: .*2025-11-03 {2}\(signature valid\)/);
    const commands = [...demo.stdout.matchAll(/^ {2}policy-watch (.+)$/gm)].map((m) => m[1]!.split(' '));
    expect(commands.map((c) => c[0])).toEqual(['history', 'show', 'facts', 'sources']);
    for (const args of commands) {
      const result = await runCli(args, { cwd: dir.path });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout.length, args.join(' ')).toBeGreaterThan(0);
    }
  }, 90_000);

  it('demo says it ignores --db, and leaves that database alone', async () => {
    const demo = await runCli(['demo', '--no-serve', '--port', '0', '--db', 'mine.db'], { cwd: dir.path, timeoutMs: 60_000 });
    expect(demo.code).toBe(0);
    expect(demo.stderr).toMatch(/demo ignores --db: it replays into its own database/);
    expect(existsSync(dir.file('mine.db'))).toBe(false);
  }, 90_000);
});
