import { parentPort } from 'node:worker_threads';
import { readSourcePage } from './read-source-page.js';
import type { PageJob, PageJobResult } from './create-page-reader.js';

// One page at a time per worker: the pool hands out jobs as workers answer.
parentPort?.on('message', (job: PageJob) => {
  readSourcePage(job.source, job.raw)
    .then((reading): PageJobResult => ({ id: job.id, reading }))
    .catch((error: unknown): PageJobResult => ({ id: job.id, error: String((error as Error)?.message ?? error) }))
    .then((result) => parentPort?.postMessage(result));
});
