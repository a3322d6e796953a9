import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFaultHarness, type FaultHarness } from '../helpers/fault-harness.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { startLocalSite } from '../helpers/local-site.js';
import { tempDir } from '../helpers/test-config.js';
import { startServer } from '../../src/api/start-server.js';
import { decompressText } from '../../src/store/compress.js';

describe('script content in a watched page', () => {
  let h: FaultHarness;
  beforeEach(async () => { h = await startFaultHarness(); });
  afterEach(async () => { await h.close(); });

  it('never runs, whatever form it takes, and never reaches the stored text or facts', async () => {
    const marker = h.dir.file('pwned');
    const payload = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
    const page = privacyPolicyPage({ effective: 'November 3, 2025' })
      .replace('</head>', `<script>${payload}</script><script type="module">${payload}</script></head>`)
      .replace('<body>', `<body onload="${payload}">`)
      .replace('<main id="main-content">', `<main id="main-content"><img src="x" onerror="${payload}"><svg><script>${payload}</script></svg><iframe srcdoc="<script>${payload}</script>"></iframe><noscript>enable scripts</noscript>`);
    h.serve({ handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); } });
    const result = await h.check();
    expect(result.status).toBe('new');
    expect(result.document?.facts.effectiveDate).toBe('2025-11-03');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(marker)).toBe(false);
    const text = decompressText((h.db.$client.prepare('SELECT text FROM snapshots').get() as { text: Buffer }).text);
    expect(text).not.toContain('writeFileSync');
    expect(JSON.stringify(result.document)).not.toContain('writeFileSync');
  });

  it('shown back by the web page, the feed and the API is escaped, never markup', async () => {
    const evil = '<script>alert("pw")</script><img src=x onerror=alert(1)>';
    const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    // The page's text itself holds markup characters (escaped in its HTML, as a page quoting code would).
    h.serve({ handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage({ title: `Privacy ${escaped(evil)}` })); } });
    expect((await h.check()).status).toBe('new');
    h.serve({ handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage({ title: `Privacy ${escaped(evil)}`, effective: 'November 3, 2025', extraParagraph: escaped(evil) })); } });
    expect((await h.check()).status).toBe('changed');

    const server = await startServer(h.db, { host: '127.0.0.1', port: 0, token: null, publicUrl: '' });
    try {
      for (const path of ['/', '/changes/1', '/feed.atom']) {
        const body = await (await fetch(`${server.url}${path}`)).text();
        expect(body, path).not.toContain('<script>alert');
        expect(body, path).not.toContain('<img src=x');
        if (path === '/changes/1') expect(body).toContain('&lt;script&gt;alert(');
      }
      const api = await (await fetch(`${server.url}/api/changes/1`)).json() as { textDiff?: string };
      expect(JSON.stringify(api)).toContain('alert'); // present as data, in JSON, which is not markup
    } finally {
      await server.close();
    }
  });
});

describe('huge and deeply nested documents', () => {
  it('are checked to the end (read, or an error with its reason) within time and memory', async () => {
    const depth = 20_000;
    const nested = privacyPolicyPage({ effective: 'November 3, 2025' }).replace('</main>', `${'<div>'.repeat(depth)}<p>deep</p>${'</div>'.repeat(depth)}</main>`);
    let big = '';
    for (let i = 0; big.length < 5 * 1024 * 1024; i++) big += `<section><h2>Section ${i}</h2><p>We collect the information you give us when you create a profile, such as your name and your work history (${i}).</p></section>`;
    const huge = privacyPolicyPage({ effective: 'November 3, 2025' }).replace('</main>', `${big}</main>`);
    const site = await startLocalSite({ '/nested': nested, '/huge': huge });
    const dir = tempDir('policy-watch-huge-');
    try {
      writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
        database: 'watch.db',
        fetch: { timeoutMs: 30_000, maxRetries: 0, maxRequestsPerMinute: 10_000, perHost: { maxConcurrency: 4, delayMs: 0 } },
        sources: [{ id: 'nested', url: site.at('/nested'), kind: 'privacy-policy' }, { id: 'huge', url: site.at('/huge'), kind: 'privacy-policy' }],
      }));
      // The real CLI in a child process that reports its own peak memory when it is done.
      const main = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
      const script = `import(${JSON.stringify(main)}).then((m) => m.main(['check'])).then((code) => { process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS + '\\n'); process.exit(code); })`;
      const started = Date.now();
      const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['-e', script], { cwd: dir.path, env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '' } });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
        child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
        child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
      });
      expect(code, stderr).toBe(0);
      expect(Date.now() - started).toBeLessThan(45_000);
      expect(stdout).toMatch(/^new\s+huge\s+\(baseline, effective 2025-11-03\)/m);
      expect(stdout).toMatch(/^(new\s+nested\s+\(baseline, effective 2025-11-03\)|error\s+nested\s+\S.*)$/m);
      const maxRssKb = Number(/maxRSS=(\d+)/.exec(stderr)?.[1]);
      expect(maxRssKb).toBeGreaterThan(0);
      expect(maxRssKb).toBeLessThan(1024 * 1024); // under 1 GB
    } finally {
      await site.close();
      dir.remove();
    }
  });
});
