import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tempDir, type TempDir } from '../helpers/test-config.js';
import { runCli } from '../helpers/run-cli.js';

// cli.test.ts covers --since words, unknown history sources and change ids, bad facts, unknown verbs.
describe('bad command-line arguments', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = tempDir('policy-watch-args-');
    writeFileSync(dir.file('policy-watch.config.json'), JSON.stringify({
      database: 'watch.db', sources: [{ id: 'privacy', url: 'http://127.0.0.1:9/p', kind: 'privacy-policy' }],
    }));
  });
  afterAll(() => dir.remove());

  const cases: [string[], RegExp][] = [
    [['history', '--until', '2025-02-30'], /invalid --until "2025-02-30": expected an ISO date/],
    [['history', '--since', '2025-11-03T25:00:00Z'], /invalid --since "2025-11-03T25:00:00Z"/],
    [['facts', '--at', 'tomorrow'], /invalid --at "tomorrow"/],
    [['facts', '--source', 'nope'], /unknown source "nope": run `policy-watch sources`/],
    [['check', '--source', 'nope'], /unknown source "nope"/],
    [['history', '--limit', '0'], /invalid --limit "0": expected a whole number from 1 to/],
    [['history', '--limit', 'all'], /invalid --limit "all"/],
    [['deliveries', '--limit', '-5'], /invalid --limit "-5"/],
    [['deliveries', '--status', 'lost'], /invalid --status "lost": expected pending, delivered or failed/],
    [['show', '0'], /invalid change id "0"/],
    [['show', '99999999999999999999'], /invalid change id "99999999999999999999"/],
    [['show', '1; DROP TABLE changes'], /invalid change id/],
    [['show'], /missing required argument 'changeId'/],
    [['history', '--bogus'], /unknown option '--bogus'/],
    [['extract', '/nonexistent/missing.html'], /no such file/],
    [['webhooks', 'test'], /no webhooks configured/],
  ];

  it('each give a clear message on stderr, nothing on stdout, and exit 2', async () => {
    const results = await Promise.all(cases.map(([args]) => runCli(args, { cwd: dir.path })));
    results.forEach((result, i) => {
      const [args, message] = cases[i]!;
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stdout, args.join(' ')).toBe('');
    });
  });
});
