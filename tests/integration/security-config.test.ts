import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';
import { startCli } from '../helpers/fault-process.js';
import { loadConfig } from '../../src/config/load-config.js';
import { UsageError } from '../../src/domain/errors.js';

describe('an invalid config field', () => {
  let dir: TempDir;
  beforeAll(() => { dir = tempDir('policy-watch-config-'); writeFileSync(dir.file('pack.json'), JSON.stringify({ sources: [{ id: 'dup', url: 'https://example.com/a', kind: 'blog-post' }] })); });
  afterAll(() => dir.remove());

  const source = { id: 'ok', url: 'https://example.com/p', kind: 'privacy-policy' };
  const blog = { id: 'blog', url: 'https://example.com/blog', kind: 'blog', follow: ['/blog/*'] };
  const cases: [string, Record<string, unknown>, string][] = [
    ['database', { database: '' }, 'database'],
    ['schedule', { schedule: '61 * * * *' }, 'schedule'],
    ['timezone', { timezone: 'Mars/Olympus' }, 'timezone'],
    ['userAgent', { userAgent: '' }, 'userAgent'],
    ['fetch.timeoutMs', { fetch: { timeoutMs: 5 } }, 'fetch.timeoutMs'],
    ['fetch.maxRetries', { fetch: { maxRetries: -1 } }, 'fetch.maxRetries'],
    ['fetch.maxBodyBytes', { fetch: { maxBodyBytes: 'lots' } }, 'fetch.maxBodyBytes'],
    ['fetch.maxConcurrency', { fetch: { maxConcurrency: 0 } }, 'fetch.maxConcurrency'],
    ['fetch.maxRequestsPerMinute', { fetch: { maxRequestsPerMinute: 1.5 } }, 'fetch.maxRequestsPerMinute'],
    ['fetch.respectRobotsTxt', { fetch: { respectRobotsTxt: 'yes' } }, 'fetch.respectRobotsTxt'],
    ['an unknown fetch key', { fetch: { retries: 3 } }, 'fetch.retries'],
    ['failAfter', { failAfter: 0 }, 'failAfter'],
    ['include (missing file)', { include: ['nope.json'] }, 'include[0]'],
    ['sources[].id', { sources: [{ ...source, id: 'Has Spaces' }] }, 'sources[0].id'],
    ['sources[].id (duplicate)', { sources: [source, source] }, 'sources[1].id'],
    ['sources[].url', { sources: [source, { ...source, id: 'b', url: 'ftp://example.com/' }] }, 'sources[1].url'],
    ['sources[].kind', { sources: [{ ...source, kind: 'cookie-policy' }] }, 'sources[0].kind'],
    ['sources[].name', { sources: [{ ...source, name: '' }] }, 'sources[0].name'],
    ['sources[].language', { sources: [{ ...source, language: 'de' }] }, 'sources[0].language'],
    ['sources[].select', { sources: [{ ...source, select: '' }] }, 'sources[0].select'],
    ['sources[].follow', { sources: [{ ...blog, follow: ['blog/*'] }] }, 'sources[0].follow[0]'],
    ['sources[].follow (missing on a blog)', { sources: [{ ...blog, follow: undefined }] }, 'sources[0].follow'],
    ['sources[].follow (not a blog)', { sources: [{ ...source, follow: ['/x/*'] }] }, 'sources[0].follow'],
    ['sources[].maxNewPosts', { sources: [{ ...blog, maxNewPosts: 0 }] }, 'sources[0].maxNewPosts'],
    ['sources[].maxPages', { sources: [{ ...blog, maxPages: 1000 }] }, 'sources[0].maxPages'],
    ['an unknown source key', { sources: [{ ...source, colour: 'red' }] }, 'sources[0].colour'],
    ['a pack source', { include: ['pack.json'], sources: [{ ...source, id: 'dup' }] }, 'sources[0].id'],
    ['webhooks[].url', { sources: [], webhooks: [{ url: 'not a url' }] }, 'webhooks[0].url'],
    ['webhooks[].url (twice)', { sources: [], webhooks: [{ url: 'https://h.example/a' }, { url: 'https://h.example/a' }] }, 'webhooks[1].url'],
    ['webhooks[].secret', { sources: [], webhooks: [{ url: 'https://h.example/a', secret: '' }] }, 'webhooks[0].secret'],
    ['webhooks[].events', { sources: [], webhooks: [{ url: 'https://h.example/a', events: ['page.changed'] }] }, 'webhooks[0].events[0]'],
    ['webhooks[].format', { sources: [], webhooks: [{ url: 'https://h.example/a', format: 'carrier-pigeon' }] }, 'webhooks[0].format'],
    ['webhooks[].smtpUrl (email)', { sources: [], webhooks: [{ format: 'email', from: 'a@example.org', to: 'b@example.org' }] }, 'webhooks[0].smtpUrl'],
    ['webhooks[].to (email, twice)', { sources: [], webhooks: [{ format: 'email', smtpUrl: 'smtp://h', from: 'a@example.org', to: 'b@example.org' }, { format: 'email', smtpUrl: 'smtp://i', from: 'c@example.org', to: ['b@example.org'] }] }, 'webhooks[1].to'],
    ['sources[].select (bad CSS)', { sources: [source, { ...source, id: 'b', url: 'https://example.com/b', select: ['main', 'div['] }] }, 'sources[1].select[1]: invalid CSS selector'],
    ['sources[].remove (bad range)', { sources: [{ ...source, remove: [{ startBefore: '#a' }] }] }, 'sources[0].remove[0]'],
    ['sources[].ignore (bad regex)', { sources: [source, { ...source, id: 'b', url: 'https://example.com/b', ignore: ['ok', '(a'] }] }, 'sources[1].ignore[1]: invalid regular expression'],
    ['sources[].url (the same page twice)', { sources: [source, { ...source, id: 'again', url: 'https://EXAMPLE.com/p#top' }] }, '"again" watches the same page as "ok"'],
    ['api.host', { api: { host: '' } }, 'api.host'],
    ['api.port', { api: { port: 70000 } }, 'api.port'],
    ['api.publicUrl', { api: { publicUrl: 'javascript:alert(1)' } }, 'api.publicUrl'],
  ];

  it.each(cases)('%s is named in the error', (_what, config, field) => {
    const file = dir.file('bad.json');
    writeFileSync(file, JSON.stringify(config));
    let error: unknown;
    try {
      loadConfig({ configPath: file, env: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(field);
  });

  it('never echoes a literal secret back in the message', () => {
    const file = dir.file('bad.json');
    writeFileSync(file, JSON.stringify({ sources: [], webhooks: [{ url: 'https://h.example/a', secret: 'literal-s3cret-value', events: ['nope'] }], api: { token: 'literal-t0ken-value', port: -1 } }));
    expect(() => loadConfig({ configPath: file, env: {} })).toThrow(UsageError);
    try { loadConfig({ configPath: file, env: {} }); } catch (error) {
      expect((error as Error).message).not.toMatch(/literal-s3cret-value|literal-t0ken-value/);
    }
  });
});

describe('secrets given as env:NAME', () => {
  const SECRET = 'wh-secret-7f3a9c1d5e';
  const TOKEN = 'api-token-0b8e2d4f6a';
  let site: LocalSite;
  let receiver: Receiver;
  let dir: TempDir;
  const env = { PW_SEC_SECRET: SECRET, PW_SEC_TOKEN: TOKEN };

  beforeAll(async () => {
    let version = 0;
    site = await startLocalSite({ '/p': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage({ effective: version++ === 0 ? 'November 20, 2024' : 'November 3, 2025' })); } } });
    // The receiver refuses the first alert, so error paths (retries, last errors) are printed too.
    receiver = await startReceiver({ answers: [500] });
    dir = tempDir('policy-watch-secrets-');
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db',
      schedule: '* * * * * *',
      fetch: { timeoutMs: 5000, maxRetries: 0, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: 4, delayMs: 0 } },
      sources: [{ id: 'privacy', url: site.at('/p'), kind: 'privacy-policy' }],
      webhooks: [{ url: receiver.url, secret: 'env:PW_SEC_SECRET', events: ['facts.changed', 'text.changed', 'test'] }],
      api: { port: 0, token: 'env:PW_SEC_TOKEN' },
    }));
  });
  afterAll(async () => {
    await site.close();
    await receiver.close();
    dir.remove();
  });

  it('never appear in the output of check, run, deliveries, webhooks test or sources, nor in the database', async () => {
    const outputs: string[] = [];
    for (const args of [['check'], ['check'], ['deliveries'], ['deliveries', '--json'], ['deliveries', '--retry-failed'], ['webhooks', 'test'], ['sources'], ['sources', '--json'], ['history', '--json']]) {
      const result = await runCli(args, { cwd: dir.path, env });
      expect(result.code, args.join(' ')).toBe(0);
      outputs.push(result.stdout, result.stderr);
    }
    const daemon = startCli(['run', '--check-now'], { cwd: dir.path, env });
    await daemon.waitForOutput(/"msg":"cycle end"/);
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    outputs.push(daemon.output());

    const all = outputs.join('\n');
    expect(all).toMatch(/delivered/); // the verbs did talk about the webhook
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(TOKEN);
    for (const file of readdirSync(dir.path).filter((f) => f.startsWith('watch.db'))) {
      const bytes = readFileSync(dir.file(file)).toString('latin1');
      expect(bytes, file).not.toContain(SECRET);
      expect(bytes, file).not.toContain(TOKEN);
    }
    // They were used all the same: every request the receiver got is signed.
    expect(receiver.requests.length).toBeGreaterThan(0);
    for (const request of receiver.requests) expect(request.headers['x-policy-watch-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
