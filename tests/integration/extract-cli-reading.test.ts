import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { runCli } from '../helpers/run-cli.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { makePdf } from '../helpers/make-pdf.js';
import { errorPage } from '../helpers/reading-pages.js';
import { startLocalSite } from '../helpers/local-site.js';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
  writeFileSync(dir.file('notice.pdf'), makePdf([[
    'Quillpost Privacy Notice', 'Effective date: March 3, 2026',
    'We use the posts and comments of our users to train the generative AI models behind our writing assistant, unless you opt out.',
  ]]));
  writeFileSync(dir.file('terms.html'), `<html><body><main><section id="b"><p>Effective date: March 3, 2026</p><p>Section B says that fees are listed on the pricing page.</p></section>
    <section id="a"><p>Section A says that Quillpost accounts are personal.</p></section><p class="views">Viewed 1,002 times</p></main></body></html>`);
  writeFileSync(dir.file('missing.html'), errorPage('not found (en)'));
  mkdirSync(dir.file('pages'));
});
afterAll(() => dir.remove());

describe('extract on the command line', () => {
  it('reads a PDF file', async () => {
    const { code, stdout } = await runCli(['extract', dir.file('notice.pdf'), '--json', '--kind', 'privacy-policy']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { title: string; facts: { effectiveDate: string; includedData: string[] } };
    expect(doc.title).toBe('Quillpost Privacy Notice');
    expect(doc.facts.effectiveDate).toBe('2026-03-03');
    expect(doc.facts.includedData).toEqual(['comments', 'posts']);
  });

  it('reads a PDF URL, and names an unsupported content type', async () => {
    const site = await startLocalSite({
      '/notice.pdf': { headers: { 'content-type': 'application/pdf' }, body: makePdf([['Quillpost Privacy Notice', 'Effective date: March 3, 2026', 'We keep your drafts while your account is open.']]) },
      '/api/policy': { headers: { 'content-type': 'application/json' }, body: '{"terms": true}' },
    });
    try {
      const pdf = await runCli(['extract', site.at('/notice.pdf'), '--json']);
      expect(pdf.code).toBe(0);
      expect((JSON.parse(pdf.stdout) as { facts: { effectiveDate: string } }).facts.effectiveDate).toBe('2026-03-03');
      const json = await runCli(['extract', site.at('/api/policy')]);
      expect(json.code).toBe(1);
      expect(json.stderr).toContain('unsupported content type application/json');
    } finally {
      await site.close();
    }
  });

  it('refuses a folder as a usage error naming it', async () => {
    const { code, stderr } = await runCli(['extract', dir.file('pages')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${dir.file('pages')} is a folder`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reads every repeated --select, and drops --ignore matches', async () => {
    const effective = async (...args: string[]) => {
      const { code, stdout } = await runCli(['extract', dir.file('terms.html'), '--json', ...args]);
      expect(code).toBe(0);
      return (JSON.parse(stdout) as { facts: { effectiveDate: string | null } }).facts.effectiveDate;
    };
    expect(await effective('--select', '#a')).toBeNull();
    expect(await effective('--select', '#a', '--select', '#b')).toBe('2026-03-03');
    expect(await effective('--select', '#a', '--select', '#b', '--ignore', 'effective date: [a-z]+ [0-9]+, [0-9]+')).toBeNull();
  });

  it('refuses a bad selector or regular expression with exit 2 naming the option', async () => {
    const bad = await runCli(['extract', dir.file('terms.html'), '--select', '[oops']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--select: invalid CSS selector "\[oops"/);
    const regex = await runCli(['extract', dir.file('terms.html'), '--ignore', 'a(']);
    expect(regex.code).toBe(2);
    expect(regex.stderr).toMatch(/--ignore: invalid regular expression "a\("/);
  });

  it('says when a file is an error page', async () => {
    const { code, stdout } = await runCli(['extract', dir.file('missing.html')]);
    expect(code).toBe(0);
    expect(stdout).toContain('this is an error page: "Page not found", not the document');
  });
});
