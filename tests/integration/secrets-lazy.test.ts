import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { BIN, runCli } from '../helpers/run-cli.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { verifySignature } from '../../src/notify/sign.js';
import { sendTestEvent } from '../../src/notify/send-test-event.js';

/** An `env:` secret is read only by what uses it: deliveries, `webhooks test`, the API. */
describe('a webhook secret and an API token whose variables are not set', () => {
  const SECRET = 'lazy-secret-4d1c';
  let site: LocalSite;
  let receiver: Receiver;
  let dir: TempDir;
  let effective = 'November 20, 2024';

  beforeAll(async () => {
    site = await startLocalSite({ '/p': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage({ effective })); } } });
    receiver = await startReceiver();
    dir = tempDir('policy-watch-lazy-');
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      fetch: { timeoutMs: 5000, maxRetries: 0, maxRequestsPerMinute: 10_000 },
      sources: [{ id: 'privacy', url: site.at('/p'), kind: 'privacy-policy' }],
      webhooks: [{ url: receiver.url, secret: 'env:PW_LAZY_SECRET', events: ['facts.changed', 'test'] }],
      api: { port: 0, token: 'env:PW_LAZY_TOKEN' },
    }));
    writeFileSync(dir.file('page.html'), privacyPolicyPage({ effective: 'March 1, 2026' }));
  });
  afterAll(async () => {
    await site.close();
    await receiver.close();
    dir.remove();
  });

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir.path, env: { PW_LAZY_SECRET: '', PW_LAZY_TOKEN: '', ...env } });

  it('let check record changes and hold their alerts pending, saying which variable is missing', async () => {
    expect((await cli(['check'])).code).toBe(0);
    effective = 'November 3, 2025';
    const second = await cli(['check']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/changed\s+privacy/);
    const deliveries = JSON.parse((await cli(['deliveries', '--json'])).stdout) as { status: string; attempts: number; lastError: string | null }[];
    expect(deliveries).toEqual([expect.objectContaining({ status: 'pending', attempts: 0, lastError: 'secret env:PW_LAZY_SECRET is not set' })]);
    expect(receiver.requests).toHaveLength(0); // never sent unsigned
  });

  it('make check say how many alerts are held and which variable they wait for', async () => {
    const human = await cli(['check']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('1 alert held: secret env:PW_LAZY_SECRET is not set');
    const json = await cli(['check', '--json']);
    const summary = JSON.parse(json.stdout.trim().split('\n').at(-1)!) as { summary: { webhooks: unknown } };
    expect(summary.summary.webhooks).toEqual({
      delivered: 0, retried: 0, failed: 0, held: [{ count: 1, reason: 'secret env:PW_LAZY_SECRET is not set' }],
    });
  });

  it('make the daemon warn at start about the channel whose secret is unset', async () => {
    const daemon = spawn(process.execPath, [BIN, 'run', '--no-api'], {
      cwd: dir.path, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '', PW_LAZY_SECRET: '', PW_LAZY_TOKEN: '' },
    });
    try {
      const warning = await firstLineMatching(daemon, /alerts to this channel are held/);
      expect(JSON.parse(warning)).toMatchObject({ level: 40, error: 'secret env:PW_LAZY_SECRET is not set', webhook: `${new URL(receiver.url).origin}/hook` });
    } finally {
      daemon.kill('SIGTERM');
      await once(daemon, 'close');
    }
  });

  it('never stop the query verbs nor extract', async () => {
    for (const args of [['history'], ['history', '--json'], ['show', '1'], ['facts', '--json'], ['sources'], ['deliveries'], ['extract', 'page.html', '--json']]) {
      const result = await cli(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.stderr, args.join(' ')).toBe('');
    }
  });

  it('make webhooks test and serve exit 2 naming the variable', async () => {
    const test = await cli(['webhooks', 'test']);
    expect(test.code).toBe(2);
    expect(test.stderr).toMatch(/webhooks\[0\]\.secret: environment variable PW_LAZY_SECRET is not set/);
    const serve = await cli(['serve']);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/api\.token: environment variable PW_LAZY_TOKEN is not set/);
    const run = await cli(['run']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PW_LAZY_TOKEN/);
  });

  it('keep a test event from going out unsigned when called without the CLI', async () => {
    const [result] = await sendTestEvent([{ url: receiver.url, secret: null, secretRef: 'env:PW_LAZY_SECRET', events: ['test'], format: 'json' }]);
    expect(result).toMatchObject({ ok: false, signed: false, error: 'secret env:PW_LAZY_SECRET is not set' });
    expect(receiver.requests).toHaveLength(0);
  });

  it('send the held alert, signed, once the variable is set', async () => {
    const result = await cli(['check'], { PW_LAZY_SECRET: SECRET });
    expect(result.code).toBe(0);
    const [request] = await receiver.waitFor(1);
    expect(request!.headers['x-policy-watch-event']).toBe('facts.changed');
    expect(verifySignature(request!.body, SECRET, request!.headers['x-policy-watch-signature'] as string)).toBe(true);
    const deliveries = JSON.parse((await cli(['deliveries', '--json'])).stdout) as { status: string; lastError: string | null }[];
    expect(deliveries).toEqual([expect.objectContaining({ status: 'delivered', lastError: null })]);
    expect((await cli(['webhooks', 'test'], { PW_LAZY_SECRET: SECRET })).code).toBe(0);
    const [, test] = await receiver.waitFor(2);
    // The test event names this policy-watch instance (api.publicUrl), not a watched service.
    expect(JSON.parse(test!.body)).toMatchObject({ event: 'test', source: { url: 'http://127.0.0.1:0' } });
  });
});

/** The first line of a child's stdout that matches, or a rejection when it exits first. */
function firstLineMatching(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => pattern.test(l));
      if (line) resolve(line);
    });
    child.once('close', (code) => reject(new Error(`exited ${code} before a line matched ${pattern}: ${buffered}`)));
  });
}
