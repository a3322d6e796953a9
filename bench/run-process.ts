import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, process start included. */
  ms: number;
  /** Peak RSS in bytes, from /usr/bin/time -v; null when not measured. */
  peakRssBytes: number | null;
}

const TIME = '/usr/bin/time';

/** Runs a command to its end; with `measureRss`, under /usr/bin/time -v for the peak RSS. */
export function runProcess(command: string, args: string[], options: { measureRss?: boolean; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessResult> {
  const wrapped = options.measureRss && existsSync(TIME);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = wrapped
      ? spawn(TIME, ['-v', command, ...args], { cwd: options.cwd, env: options.env ?? process.env })
      : spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let stderr = Buffer.concat(err).toString('utf8');
      let peakRssBytes: number | null = null;
      if (wrapped) {
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        peakRssBytes = match ? Number(match[1]) * 1024 : null;
        // Keep only the command's own stderr.
        stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
      }
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr, ms, peakRssBytes });
    });
  });
}

/** Starts a long-running process and resolves once `ready` matches its stderr (or stdout). */
export function startProcess(command: string, args: string[], ready: RegExp, timeoutMs = 15_000): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${command} ${args.join(' ')} did not become ready: ${seen.slice(-500)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = ready.exec(seen);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ child, match });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready: ${seen.slice(-500)}`));
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
