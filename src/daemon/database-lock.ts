import { openSync, writeSync, closeSync, readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { PolicyWatchError } from '../domain/errors.js';

export interface DatabaseLock {
  file: string;
  release(): void;
}

interface LockInfo { pid: number; host: string; startedAt: string }

/**
 * One daemon per database: an exclusively created `<db>.lock` holding the owner's pid. A lock
 * whose process is gone (a crash, kill -9) is taken over, so it never stays stuck.
 */
export function acquireDatabaseLock(database: string): DatabaseLock {
  const file = `${database}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            const owner = readLock(file);
            if (owner?.pid === process.pid) unlinkSync(file);
          } catch {
            // Already gone.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new PolicyWatchError('lock', `cannot create lock file ${file}: ${(error as Error).message}`, { cause: error });
      }
      const owner = readLock(file);
      if (owner && owner.host === hostname() && isAlive(owner.pid)) {
        throw new PolicyWatchError('locked', `database ${database} is in use by another policy-watch daemon (pid ${owner.pid}, started ${owner.startedAt}); stop it first, or use another --db`);
      }
      // The owner is gone (or the file is unreadable garbage): take the lock over.
      try {
        unlinkSync(file);
      } catch {
        // Someone else removed it first; try again.
      }
    }
  }
  throw new PolicyWatchError('locked', `cannot take the lock ${file}: another process keeps taking it`);
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
