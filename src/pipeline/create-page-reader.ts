import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Source } from '../domain/source.js';
import { readSourcePage, type SourcePageReading } from './read-source-page.js';

export interface PageJob { id: number; source: Source; raw: string | Uint8Array }
export type PageJobResult = { id: number; reading: SourcePageReading } | { id: number; error: string };

/** Reads stored pages with the source's filters, in this thread or spread over worker threads. */
export interface PageReader {
  read(source: Source, raw: string | Uint8Array): Promise<SourcePageReading>;
  /** How many pages it reads at once. */
  readonly concurrency: number;
  close(): Promise<void>;
}

export interface PageReaderOptions {
  /** Pages to be read: below `minPagesForWorkers` (default 16), workers cost more than they save. */
  pages: number;
  /** Worker threads, default the available cores (at most 4); 1 or fewer: read in this thread. */
  workers?: number;
  minPagesForWorkers?: number;
}

// Workers run the compiled worker file; from sources (tests under vitest) pages are read inline.
const WORKER_FILE = new URL('./read-page-worker.js', import.meta.url);
const COMPILED = import.meta.url.endsWith('.js');

/**
 * Re-extracting hundreds of pages is CPU-bound parsing: on several cores, worker threads read them
 * side by side (the database writes stay in the calling thread). Few pages are read inline.
 */
export function createPageReader(options: PageReaderOptions): PageReader {
  const workers = Math.min(options.workers ?? Math.min(4, availableParallelism()), options.pages);
  if (!COMPILED || workers <= 1 || options.pages < (options.minPagesForWorkers ?? 16)) {
    return { read: (source, raw) => readSourcePage(source, raw), concurrency: 1, close: async () => undefined };
  }
  const pool = Array.from({ length: workers }, () => new Worker(WORKER_FILE));
  const idle: Worker[] = [...pool];
  const waiting: (() => void)[] = [];
  const pending = new Map<number, { resolve: (r: SourcePageReading) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  // A worker that dies (out of memory, say) fails its page; the rest are read in this thread.
  let broken = false;
  for (const worker of pool) {
    worker.on('message', (result: PageJobResult) => {
      const job = pending.get(result.id);
      pending.delete(result.id);
      idle.push(worker);
      waiting.shift()?.();
      if ('error' in result) job?.reject(new Error(result.error));
      else job?.resolve(result.reading);
    });
    worker.on('error', (error) => {
      broken = true;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      for (const wake of waiting.splice(0)) wake();
    });
  }
  const read = async (source: Source, raw: string | Uint8Array): Promise<SourcePageReading> => {
    while (idle.length === 0 && !broken) await new Promise<void>((resolve) => waiting.push(resolve));
    if (broken) return readSourcePage(source, raw);
    const worker = idle.pop()!;
    const id = nextId++;
    return new Promise<SourcePageReading>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      // A plain copy: a configured Source is JSON-like, and a worker receives clones.
      worker.postMessage({ id, source: JSON.parse(JSON.stringify(source)) as Source, raw } satisfies PageJob);
    });
  };
  return { read, concurrency: workers, close: async () => { await Promise.all(pool.map((w) => w.terminate())); } };
}
