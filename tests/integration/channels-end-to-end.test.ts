import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { startLocalSite, type LocalSite } from '../helpers/local-site.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { FAST_FETCH, tempDir, type TempDir } from '../helpers/test-config.js';
import { BIN, runCli } from '../helpers/run-cli.js';
import { verifySignature } from '../../src/notify/sign.js';

/**
 * A user's config file with every kind of alert channel, run through the real CLI: two checks
 * with a page change in between, and what each channel's receiver got.
 */

const SECRET = 'e2e-json-secret-93af';
/** Links only: nothing listens there, and nothing is sent to it. */
const PUBLIC_URL = 'http://127.0.0.1:8799/watch';
/** Page text that would be a link and emphasis if a channel read it as Markdown or HTML. */
const TRICKY = '(details: [our *notice*](http://evil.invalid/x))';

interface Card {
  type: string;
  attachments: { contentType: string; content: { type: string; version: string; body: Array<{ type: string; text?: string; facts?: { title: string; value: string }[] }>; actions: unknown[] } }[];
}
interface JsonAlert {
  event: string;
  deliveryId: string;
  source: { id: string; url: string; name: string };
  summary: string;
  change: { id: string; detectedAt: string; url: string; textDiffUrl: string; facts: { fact: string; before: unknown; after: unknown; added?: string[]; removed?: string[]; evidence: string | null }[] };
}
interface DeliveryRow { id: string; event: string; webhook: string; status: string; attempts: number; lastError: string | null }

describe('a config file with email, ntfy, teams and json channels, run by check', () => {
  let site: LocalSite;
  let smtp: SmtpSink;
  let ntfy: Receiver;
  let teams: Receiver;
  let json: Receiver;
  let dir: TempDir;
  let page = privacyPolicyPage({ effective: 'November 20, 2024' });
  let changeId: string;
  let summary: string;

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli([...args, '--config', dir.file('watch.json'), '--db', dir.file('state/watch.db')], { cwd: dir.path, env: { PW_E2E_SECRET: SECRET, ...env } });
  const link = () => `${PUBLIC_URL}/changes/${changeId}`;

  beforeAll(async () => {
    site = await startLocalSite({ '/legal/privacy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page); } } });
    [smtp, ntfy, teams, json] = await Promise.all([startSmtpSink(), startReceiver(), startReceiver(), startReceiver()]);
    dir = tempDir('policy-watch-e2e-');
    writeFileSync(dir.file('watch.json'), JSON.stringify({
      fetch: FAST_FETCH,
      sources: [{ id: 'acme-privacy', name: 'Acme Privacy Policy', url: site.at('/legal/privacy'), kind: 'privacy-policy' }],
      webhooks: [
        { format: 'email', smtpUrl: smtp.url, from: 'Policy Watch <alerts@example.org>', to: ['privacy@example.org', 'legal@example.org'] },
        // ntfy's access token as URL credentials, as its docs show: sent as Basic auth, never printed.
        { format: 'ntfy', url: `${ntfy.url.replace('http://', 'http://:tk_e2etoken@')}/acme-policies` },
        { format: 'teams', url: teams.url },
        { format: 'json', url: json.url, secret: 'env:PW_E2E_SECRET' },
      ],
      // Port 0 for the serve test below; the links go to the public URL a reverse proxy exposes.
      api: { port: 0, publicUrl: PUBLIC_URL },
    }, null, 2));
  });
  afterAll(async () => {
    await Promise.all([site.close(), smtp.close(), ntfy.close(), teams.close(), json.close()]);
    dir.remove();
  });

  it('takes a baseline on the first check and alerts no channel', async () => {
    const first = await cli(['check']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/new\s+acme-privacy/);
    expect([smtp.messages.length, ntfy.requests.length, teams.requests.length, json.requests.length]).toEqual([0, 0, 0, 0]);
  });

  it('sends one facts.changed alert to each channel when the page gains a region and a new effective date', async () => {
    page = privacyPolicyPage({ effective: 'March 2, 2026', regions: `members in the United States and Canada ${TRICKY}` });
    const second = await cli(['check']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/changed\s+acme-privacy/);

    const history = JSON.parse((await cli(['history', '--json'])).stdout) as { id: string; facts: { fact: string }[] }[];
    expect(history).toHaveLength(1);
    expect(history[0]!.facts.map((f) => f.fact).sort()).toEqual(['effectiveDate', 'regions']);
    changeId = String(history[0]!.id);

    // check drains the outbox before it exits: everything has arrived by now.
    expect(smtp.messages).toHaveLength(1);
    expect(ntfy.requests).toHaveLength(1);
    expect(teams.requests).toHaveLength(1);
    expect(json.requests).toHaveLength(1);
    for (const request of [ntfy.requests[0]!, teams.requests[0]!, json.requests[0]!]) {
      expect(request.headers['x-policy-watch-event']).toBe('facts.changed');
    }
    expect(smtp.messages[0]!.headers['x-policy-watch-event']).toBe('facts.changed');
    summary = (JSON.parse(json.requests[0]!.body) as JsonAlert).summary;
  });

  it('sends the json channel the contract body, signed with the secret from the environment', () => {
    const request = json.requests[0]!;
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(verifySignature(request.body, SECRET, request.headers['x-policy-watch-signature'] as string)).toBe(true);
    const alert = JSON.parse(request.body) as JsonAlert;
    expect(alert.event).toBe('facts.changed');
    expect(alert.deliveryId).toBe(request.headers['x-policy-watch-delivery']);
    expect(alert.source).toEqual({ id: 'acme-privacy', url: site.at('/legal/privacy'), name: 'Acme Privacy Policy' });
    expect(summary).toMatch(/^Acme Privacy Policy: /);
    expect(summary).toContain('Regions covered: +Canada (wider use of data)');
    expect(summary).toContain('Effective date: 2024-11-20 → 2026-03-02');
    expect(alert.change.id).toBe(changeId);
    expect(alert.change.url).toBe(link());
    expect(alert.change.textDiffUrl).toBe(`${PUBLIC_URL}/api/changes/${changeId}`);
    const byFact = Object.fromEntries(alert.change.facts.map((f) => [f.fact, f]));
    expect(byFact.regions).toMatchObject({ before: ['US'], after: ['CA', 'US'], added: ['CA'], removed: [], direction: 'wider' });
    expect(byFact.regions!.evidence).toContain('members in the United States and Canada');
    expect(byFact.effectiveDate).toMatchObject({ before: '2024-11-20', after: '2026-03-02', direction: 'neutral', evidence: 'Effective March 2, 2026' });
  });

  it('sends the e-mail with the summary as subject, the fact table in both parts and the link to the change page', () => {
    const mail = smtp.messages[0]!;
    expect(mail.from).toBe('alerts@example.org');
    expect(mail.headers.from).toBe('Policy Watch <alerts@example.org>');
    expect(mail.to).toEqual(['privacy@example.org', 'legal@example.org']);
    expect(mail.headers.subject).toBe(summary);
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);

    expect(mail.text).toMatch(/Regions covered \(wider use of data\)\s+before:\s+United States\s+after:\s+Canada, United States\s+added:\s+\+Canada\s+direction:\s+wider/);
    expect(mail.text).toMatch(/Effective date\s+before:\s+2024-11-20\s+after:\s+2026-03-02/);
    expect(mail.text).toMatch(/evidence:\s+“Effective March 2, 2026”/);
    expect(mail.text).toContain(`View the change: ${link()}`);

    expect(mail.html).toMatch(/<td[^>]*>Regions covered<\/td><td[^>]*>United States<\/td><td[^>]*>Canada, United States<\/td><td[^>]*>\+Canada<\/td>/);
    expect(mail.html).toMatch(/<td[^>]*>Effective date<\/td><td[^>]*>2024-11-20<\/td><td[^>]*>2026-03-02<\/td>/);
    expect(mail.html).toContain(`<a href="${link()}">View the change</a>`);
    // The page's bracketed text stays text: the only link is the change page.
    expect(mail.html!.match(/<a /g)).toHaveLength(1);
    expect(mail.html).toContain('[our *notice*](http://evil.invalid/x)');
  });

  it('publishes to the ntfy topic with the summary as Title, tags and a Click to the change page', () => {
    const request = ntfy.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/hook/acme-policies');
    expect(request.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(':tk_e2etoken').toString('base64')}`);
    expect(request.headers.title).toMatch(/^=\?UTF-8\?B\?/); // the summary's arrow is not ASCII
    expect(decodeTitle(request.headers.title as string)).toBe(summary);
    expect(request.headers.tags).toBe('memo,policy-watch,facts.changed');
    expect(request.headers.click).toBe(link());
    expect(request.headers.actions).toBe(`view, Open, ${link()}`);
    expect(request.body).toContain('Regions covered: United States → Canada, United States (+Canada), wider use of data');
    expect(request.body).toContain('Effective date: 2024-11-20 → 2026-03-02');
  });

  it('posts Teams an Adaptive Card with the fact table, the page text escaped, and an OpenUrl action to the change page', () => {
    expect(teams.requests[0]!.headers['content-type']).toMatch(/^application\/json/);
    const message = JSON.parse(teams.requests[0]!.body) as Card;
    expect(message.type).toBe('message');
    const card = message.attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.content.body[0]).toMatchObject({ type: 'TextBlock', text: summary });
    const factSet = card.content.body.find((block) => block.type === 'FactSet')!;
    expect(factSet.facts).toEqual(expect.arrayContaining([
      { title: 'Regions covered', value: 'United States → Canada, United States  +Canada  (wider use of data)' },
      { title: 'Effective date', value: '2024-11-20 → 2026-03-02' },
    ]));
    const evidence = card.content.body.find((block) => block.text?.startsWith('Regions covered: “'))!;
    expect(evidence.text).toContain('(details: \\[our \\*notice\\*\\](http://evil.invalid/x))');
    expect(card.content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'View the change', url: link() }]);
  });

  it('lists the four deliveries as delivered, and sends nothing more when the page stays the same', async () => {
    const listed = await cli(['deliveries', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout + (await cli(['deliveries'])).stdout).not.toContain('tk_e2etoken');
    const rows = JSON.parse(listed.stdout) as DeliveryRow[];
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.event === 'facts.changed' && r.status === 'delivered' && r.attempts === 1 && r.lastError === null)).toBe(true);
    // Plain path words are shown (to tell endpoints apart), user info never. An e-mail channel shows its recipients.
    expect(rows.map((r) => r.webhook).sort()).toEqual([`${ntfy.url}/acme-policies`, json.url, teams.url, 'mailto:legal@example.org,privacy@example.org'].sort());
    expect(rows.map((r) => r.id).sort()).toEqual([
      smtp.messages[0]!.headers['x-policy-watch-delivery'], ntfy.requests[0]!.headers['x-policy-watch-delivery'],
      teams.requests[0]!.headers['x-policy-watch-delivery'], json.requests[0]!.headers['x-policy-watch-delivery'],
    ].sort());

    const third = await cli(['check']);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toMatch(/unchanged\s+acme-privacy/);
    expect([smtp.messages.length, ntfy.requests.length, teams.requests.length, json.requests.length]).toEqual([1, 1, 1, 1]);
  });

  it('is a config validate accepts, and webhooks test reaches every channel once, outside the outbox', async () => {
    const validate = await cli(['validate']);
    expect(validate.code, validate.stderr).toBe(0);
    const test = await cli(['webhooks', 'test']);
    expect(test.code, test.stdout + test.stderr).toBe(0);
    expect(test.stdout + test.stderr).not.toContain('tk_e2etoken');
    expect(test.stdout.trim().split('\n').filter((line) => line.startsWith('ok '))).toHaveLength(4);
    expect(test.stdout).toContain('ok     mailto:legal@example.org,privacy@example.org');
    expect(smtp.messages[1]!.headers.subject).toMatch(/^policy-watch test event: /);
    for (const receiver of [ntfy, teams, json]) {
      expect(receiver.requests).toHaveLength(2);
      expect(receiver.requests[1]!.headers['x-policy-watch-event']).toBe('test');
    }
    expect(verifySignature(json.requests[1]!.body, SECRET, json.requests[1]!.headers['x-policy-watch-signature'] as string)).toBe(true);
    const rows = JSON.parse((await cli(['deliveries', '--json'])).stdout) as DeliveryRow[];
    expect(rows).toHaveLength(4); // a test event is not an outbox delivery
  });

  it('links to a change page that serve shows, behind a proxy at the public URL\'s path', async () => {
    const server = spawn(process.execPath, [BIN, 'serve', '--config', dir.file('watch.json'), '--db', dir.file('state/watch.db')], {
      cwd: dir.path, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '' },
    });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        server.stderr!.on('data', (d: Buffer) => {
          stderr += d.toString();
          const url = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
          if (url) resolve(url);
        });
        server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
      });
      // What the proxy forwards for <publicUrl>/changes/<id>.
      const response = await fetch(`${base}${new URL(link()).pathname.replace(/^\/watch/, '')}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('Acme Privacy Policy');
      expect(html).toContain('Regions covered');
      expect(html).not.toContain('<a href="http://evil.invalid');
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('close', resolve));
    }
  });
});

describe('an email channel whose smtpUrl comes from an unset variable', () => {
  let site: LocalSite;
  let smtp: SmtpSink;
  let dir: TempDir;
  let effective = 'November 20, 2024';

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli([...args, '--config', dir.file('watch.json'), '--db', dir.file('watch.db')], { cwd: dir.path, env: { PW_E2E_UNSET_SMTP: '', ...env } });

  beforeAll(async () => {
    site = await startLocalSite({ '/privacy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage({ effective })); } } });
    smtp = await startSmtpSink();
    dir = tempDir('policy-watch-e2e-unset-');
    writeFileSync(dir.file('watch.json'), JSON.stringify({
      fetch: FAST_FETCH,
      sources: [{ id: 'acme-privacy', url: site.at('/privacy'), kind: 'privacy-policy' }],
      webhooks: [{ format: 'email', smtpUrl: 'env:PW_E2E_UNSET_SMTP', from: 'alerts@example.org', to: 'privacy@example.org' }],
    }));
  });
  afterAll(async () => {
    await Promise.all([site.close(), smtp.close()]);
    dir.remove();
  });

  it('lets check record the change and holds the e-mail pending, naming the variable', async () => {
    expect((await cli(['check'])).code).toBe(0);
    effective = 'March 2, 2026';
    const second = await cli(['check']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/changed\s+acme-privacy/);
    const rows = JSON.parse((await cli(['deliveries', '--json'])).stdout) as DeliveryRow[];
    expect(rows).toEqual([expect.objectContaining({
      event: 'facts.changed', status: 'pending', attempts: 0, lastError: 'smtpUrl env:PW_E2E_UNSET_SMTP is not set',
    })]);
    expect(smtp.messages).toHaveLength(0);
  });

  it('never stops history, facts or sources', async () => {
    for (const args of [['history'], ['history', '--json'], ['facts', '--json'], ['sources'], ['sources', '--json']]) {
      const result = await cli(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.stderr, args.join(' ')).toBe('');
    }
  });

  it('is valid config, with a warning naming the variable', async () => {
    const validate = await cli(['validate']);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toContain('webhooks[0].smtpUrl: environment variable PW_E2E_UNSET_SMTP is not set');
  });

  it('makes webhooks test exit 2 naming the field and the variable', async () => {
    const test = await cli(['webhooks', 'test']);
    expect(test.code).toBe(2);
    expect(test.stderr).toMatch(/webhooks\[0\]\.smtpUrl: environment variable PW_E2E_UNSET_SMTP is not set/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('sends the held e-mail once the variable is set', async () => {
    const third = await cli(['check'], { PW_E2E_UNSET_SMTP: smtp.url });
    expect(third.code, third.stderr).toBe(0);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.headers['x-policy-watch-event']).toBe('facts.changed');
    expect(mail!.text).toMatch(/Effective date\s+before:\s+2024-11-20\s+after:\s+2026-03-02/);
    const rows = JSON.parse((await cli(['deliveries', '--json'])).stdout) as DeliveryRow[];
    expect(rows).toEqual([expect.objectContaining({ status: 'delivered', lastError: null })]);
  });
});

describe('email, ntfy and teams channels whose receivers fail once', () => {
  let site: LocalSite;
  let smtp: SmtpSink;
  let ntfy: Receiver;
  let teams: Receiver;
  let dir: TempDir;
  let effective = 'November 20, 2024';

  const cli = (args: string[]) => runCli([...args, '--config', dir.file('watch.json'), '--db', dir.file('watch.db')], { cwd: dir.path });
  const deliveries = async () => JSON.parse((await cli(['deliveries', '--json'])).stdout) as (DeliveryRow & { lastHttpStatus: number | null })[];

  beforeAll(async () => {
    site = await startLocalSite({ '/privacy': { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(privacyPolicyPage({ effective })); } } });
    [smtp, ntfy, teams] = await Promise.all([startSmtpSink(), startReceiver(), startReceiver()]);
    dir = tempDir('policy-watch-e2e-retry-');
    writeFileSync(dir.file('watch.json'), JSON.stringify({
      fetch: FAST_FETCH,
      sources: [{ id: 'acme-privacy', url: site.at('/privacy'), kind: 'privacy-policy' }],
      webhooks: [
        { format: 'email', smtpUrl: smtp.url, from: 'alerts@example.org', to: 'privacy@example.org', events: ['facts.changed'] },
        { format: 'ntfy', url: `${ntfy.url}/topic`, events: ['facts.changed'] },
        { format: 'teams', url: teams.url, events: ['facts.changed'] },
      ],
    }));
  });
  afterAll(async () => {
    await Promise.all([site.close(), smtp.close(), ntfy.close(), teams.close()]);
    dir.remove();
  });

  it('keeps each failed alert pending with the receiver\'s answer as its last error', async () => {
    expect((await cli(['check'])).code).toBe(0);
    effective = 'March 2, 2026';
    smtp.refuseNext(1, 451);
    ntfy.answerNext(500);
    teams.answerNext(429);
    const second = await cli(['check']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/changed\s+acme-privacy/);
    const rows = await deliveries();
    const byChannel = Object.fromEntries(rows.map((r) => [r.webhook.startsWith('mailto:') ? 'email' : new URL(r.webhook).port === new URL(ntfy.url).port ? 'ntfy' : 'teams', r]));
    expect(byChannel.email).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/^SMTP 451: /) });
    expect(byChannel.ntfy).toMatchObject({ status: 'pending', attempts: 1, lastHttpStatus: 500, lastError: expect.stringMatching(/^HTTP 500/) });
    expect(byChannel.teams).toMatchObject({ status: 'pending', attempts: 1, lastHttpStatus: 429, lastError: expect.stringMatching(/^HTTP 429/) });
    expect(smtp.messages).toHaveLength(0);
  });

  it('delivers them on the next check with the same delivery ids, once each', async () => {
    const third = await cli(['check']);
    expect(third.code, third.stderr).toBe(0);
    const rows = await deliveries();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['delivered', 2], ['delivered', 2], ['delivered', 2]]);
    for (const receiver of [ntfy, teams]) {
      expect(receiver.requests).toHaveLength(2);
      expect(receiver.requests[1]!.headers['x-policy-watch-delivery']).toBe(receiver.requests[0]!.headers['x-policy-watch-delivery']);
      expect(receiver.requests[1]!.body).toBe(receiver.requests[0]!.body);
    }
    expect(smtp.messages).toHaveLength(1);
    const emailRow = rows.find((r) => r.webhook === 'mailto:privacy@example.org')!;
    expect(smtp.messages[0]!.headers['message-id']).toBe(`<${emailRow.id}@policy-watch>`);
    expect(smtp.messages[0]!.headers.subject).toContain('Effective date: 2024-11-20 → 2026-03-02');
  });
});

describe('a source that fails and recovers, on the email, ntfy and teams channels', () => {
  let site: LocalSite;
  let smtp: SmtpSink;
  let ntfy: Receiver;
  let teams: Receiver;
  let dir: TempDir;
  let status = 200;
  const sourcePage = `${PUBLIC_URL}/sources/acme-privacy`;

  const cli = (args: string[]) => runCli([...args, '--config', dir.file('watch.json'), '--db', dir.file('watch.db')], { cwd: dir.path });
  const cardOf = (body: string) => (JSON.parse(body) as Card).attachments[0]!.content;

  beforeAll(async () => {
    site = await startLocalSite({ '/privacy': { handle: (_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(status === 200 ? privacyPolicyPage() : '<html><body><h1>Internal error</h1></body></html>');
    } } });
    [smtp, ntfy, teams] = await Promise.all([startSmtpSink(), startReceiver(), startReceiver()]);
    dir = tempDir('policy-watch-e2e-failing-');
    writeFileSync(dir.file('watch.json'), JSON.stringify({
      fetch: FAST_FETCH,
      failAfter: 1,
      sources: [{ id: 'acme-privacy', name: 'Acme Privacy Policy', url: site.at('/privacy'), kind: 'privacy-policy' }],
      webhooks: [
        { format: 'email', smtpUrl: smtp.url, from: 'alerts@example.org', to: 'privacy@example.org' },
        { format: 'ntfy', url: `${ntfy.url}/topic` },
        { format: 'teams', url: teams.url },
      ],
      api: { publicUrl: PUBLIC_URL },
    }));
  });
  afterAll(async () => {
    await Promise.all([site.close(), smtp.close(), ntfy.close(), teams.close()]);
    dir.remove();
  });

  it('sends source.failing with the reason, linking to the source\'s web page as the chat formats do', async () => {
    expect((await cli(['check'])).code).toBe(0);
    status = 500;
    const failing = await cli(['check']);
    expect(failing.code).toBe(1); // no source could be read
    expect(failing.stdout).toMatch(/error\s+acme-privacy/);

    const [mail] = await smtp.waitFor(1);
    expect(mail!.headers['x-policy-watch-event']).toBe('source.failing');
    expect(mail!.headers.subject).toBe('Acme Privacy Policy: error for 1 check in a row');
    expect(mail!.text).toContain('500');
    expect(mail!.text).toContain(sourcePage);

    const note = ntfy.requests[0]!;
    expect(note.headers['x-policy-watch-event']).toBe('source.failing');
    expect(note.headers.click).toBe(sourcePage);
    expect(note.headers.priority).toBe('4');
    expect(note.headers.tags).toBe('warning,policy-watch,source.failing');

    const card = cardOf(teams.requests[0]!.body);
    expect(card.body[0]!.text).toBe('Acme Privacy Policy: error for 1 check in a row');
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', url: sourcePage })]);
  });

  it('sends source.recovered once the page answers again', async () => {
    status = 200;
    const recovered = await cli(['check']);
    expect(recovered.code, recovered.stderr).toBe(0);
    const [, mail] = await smtp.waitFor(2);
    expect(mail!.headers.subject).toBe('Acme Privacy Policy: recovered after 1 failed check');
    expect(ntfy.requests[1]!.headers.click).toBe(sourcePage);
    expect(cardOf(teams.requests[1]!.body).actions).toEqual([expect.objectContaining({ url: sourcePage })]);
    const rows = JSON.parse((await cli(['deliveries', '--json'])).stdout) as DeliveryRow[];
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
  });
});

describe('a new blog post on the teams and ntfy channels', () => {
  let site: LocalSite;
  let ntfy: Receiver;
  let teams: Receiver;
  let dir: TempDir;
  let slugs = ['hello'];
  const BLOG = '/blog/news';

  const cli = (args: string[]) => runCli([...args, '--config', dir.file('watch.json'), '--db', dir.file('watch.db')], { cwd: dir.path });
  const index = () => `<!DOCTYPE html><html lang="en"><head><title>News</title></head><body><main><h1>News</h1>
    ${slugs.map((slug) => `<article><h2><a href="${BLOG}/${slug}">${slug}</a></h2><p>About ${slug}.</p></article>`).join('\n')}</main></body></html>`;
  const post = (title: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main><article>
    <h1>${title}</h1><p>A short post about our plans for the spring, with nothing else in it.</p></article></main></body></html>`;

  beforeAll(async () => {
    site = await startLocalSite({
      [BLOG]: { handle: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(index()); } },
      [`${BLOG}/hello`]: post('Hello'),
      [`${BLOG}/spring_update`]: post('Our **spring** update, [read more](http://evil.invalid/)'),
    });
    [ntfy, teams] = await Promise.all([startReceiver(), startReceiver()]);
    dir = tempDir('policy-watch-e2e-blog-');
    writeFileSync(dir.file('watch.json'), JSON.stringify({
      fetch: FAST_FETCH,
      sources: [{ id: 'news', name: 'Acme News', url: site.at(BLOG), kind: 'blog', follow: [`${BLOG}/*`] }],
      webhooks: [{ format: 'ntfy', url: `${ntfy.url}/topic` }, { format: 'teams', url: teams.url }],
      api: { publicUrl: PUBLIC_URL },
    }));
  });
  afterAll(async () => {
    await Promise.all([site.close(), ntfy.close(), teams.close()]);
    dir.remove();
  });

  it('announces the post with its title escaped for Teams, linking to the post\'s web page', async () => {
    expect((await cli(['check'])).code).toBe(0);
    expect(ntfy.requests).toHaveLength(0); // the blog's baseline announces nothing
    slugs = ['spring_update', 'hello'];
    const second = await cli(['check']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('news/spring_update');

    const postPage = `${PUBLIC_URL}/sources/news/spring_update`;
    const note = ntfy.requests.find((r) => r.headers['x-policy-watch-event'] === 'source.discovered')!;
    expect(note.headers.click).toBe(postPage);
    expect(note.body).toBe(site.at(`${BLOG}/spring_update`));

    const request = teams.requests.find((r) => r.headers['x-policy-watch-event'] === 'source.discovered')!;
    const card = (JSON.parse(request.body) as Card).attachments[0]!.content;
    expect(card.body[0]!.text).toContain('Our \\*\\*spring\\*\\* update, \\[read more\\](http://evil.invalid/): new post discovered');
    // The post's own URL stays a plain, linkable URL (its underscore unescaped).
    expect(card.body.map((b) => b.text)).toContain(site.at(`${BLOG}/spring_update`));
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', url: postPage })]);
  });
});

/** ntfy's Title header: ASCII as is, else one RFC 2047 base64 word. */
function decodeTitle(value: string): string {
  const word = /^=\?UTF-8\?B\?([^?]*)\?=$/.exec(value);
  return word ? Buffer.from(word[1]!, 'base64').toString('utf8') : value;
}
