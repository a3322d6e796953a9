/** The real CLI as a child process the test can watch and kill -9 at a chosen moment. */
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { BIN } from './run-cli.js';

export interface WatchedProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once the combined output matches `pattern` (or rejects after `timeoutMs`). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
}

export function startCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number }): WatchedProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, POLICY_WATCH_CONFIG: '', POLICY_WATCH_DB: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: options.uid,
    gid: options.gid,
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const listener of [...listeners]) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    output: () => output,
    exited,
    waitForOutput(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => { listeners.delete(check); reject(new Error(`no ${pattern} in output:\n${output}`)); }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

/** What a crash must never leave behind, read from the database file after the process is gone. */
export function inspectDatabase(file: string): {
  integrity: string;
  /** Changes whose before or after snapshot is missing, or belongs to another source. */
  halfWrittenChanges: number;
  /** Changes whose facts changed but that have no facts.changed delivery in the outbox. */
  changesWithoutAlert: number;
  changes: { id: number; sourceId: string }[];
  deliveries: { id: string; event: string; status: string; changeId: number | null; attempts: number; nextAttemptAt: number }[];
} {
  const db = new Database(file);
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      halfWrittenChanges: one(`SELECT count(*) AS n FROM changes c
        LEFT JOIN snapshots b ON b.id = c.before_snapshot_id AND b.source_id = c.source_id
        LEFT JOIN snapshots a ON a.id = c.after_snapshot_id AND a.source_id = c.source_id
        WHERE a.id IS NULL OR b.id IS NULL`),
      changesWithoutAlert: one(`SELECT count(*) AS n FROM changes c WHERE c.fact_names <> ''
        AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.change_id = c.id AND d.event = 'facts.changed')`),
      changes: db.prepare('SELECT id, source_id AS sourceId FROM changes ORDER BY id').all() as { id: number; sourceId: string }[],
      deliveries: db.prepare('SELECT id, event, status, change_id AS changeId, attempts, next_attempt_at AS nextAttemptAt FROM deliveries ORDER BY created_at, id').all() as never,
    };
  } finally {
    db.close();
  }
}
