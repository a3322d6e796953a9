import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, runCli } from '../helpers/run-cli.js';

describe('policy-watch demo', () => {
  it('replays the bundled LinkedIn timeline and prints the fact changes and the alerts as they are found', async () => {
    const result = await runCli(['demo', '--no-serve'], { timeoutMs: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/new\s+linkedin-privacy-policy\s+\(baseline, effective 2024-11-20\)/);
    expect(out).toMatch(/unchanged linkedin-privacy-policy/);
    expect(out).toMatch(/changed\s+linkedin-privacy-policy\s+change 1: upcomingEffectiveDate \(not stated\) → 2025-11-03/);
    expect(out).toMatch(/blocked\s+linkedin-privacy-policy\s+HTTP 999/);
    expect(out).toMatch(/change 2: effectiveDate 2024-11-20 → 2025-11-03/);
    expect(out).toMatch(/regions \(not stated\) → CA, CH, EEA, EU, GB, HK/);
    expect(out).toMatch(/webhook ← announcement\.detected .*\(signature valid\)/);
    expect(out).toMatch(/webhook ← announcement\.due\s+LinkedIn Privacy Policy: the update announced for 2025-11-03 is now in force\s+\(signature valid\)/);
    expect(out).not.toMatch(/INVALID/);
  });

  it('then serves the web page on the result until stopped', async () => {
    const child = spawn(process.execPath, [BIN, 'demo', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 45_000);
      child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
      child.on('exit', (code) => reject(new Error(`demo exited with ${code} before serving:\n${out}`)));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    const page = await (await fetch(`${url}/`)).text();
    expect(page).toContain('linkedin-privacy-policy');
    const changes = await (await fetch(`${url}/api/changes`)).json() as { changes: unknown[] };
    expect(changes.changes).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
