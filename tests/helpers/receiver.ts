import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver got it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent (what a signature is computed over). */
  body: string;
  /** The status the receiver answered. */
  answeredWith: number | 'hang';
}

/** An answer: an HTTP status, or `hang` to never answer (until `close()`). */
export type Answer = number | 'hang';

export interface Receiver {
  /** `http://127.0.0.1:<port>/hook`. */
  url: string;
  /** Everything received so far, in order. */
  requests: ReceivedRequest[];
  /** The next requests get these answers, one each, then the default answer again. */
  answerNext(...answers: Answer[]): void;
  /** The answer once the scripted ones are used up (initially 200). */
  answerAlways(answer: Answer): void;
  /** Resolves with the first `n` requests once that many have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A local webhook receiver on 127.0.0.1, on a port of the system's choosing. */
export async function startReceiver(options: { answers?: Answer[]; defaultAnswer?: Answer } = {}): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const script: Answer[] = [...(options.answers ?? [])];
  let fallback: Answer = options.defaultAnswer ?? 200;
  const waiters: Array<{ n: number; resolve: (r: ReceivedRequest[]) => void }> = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answer = script.length > 0 ? script.shift()! : fallback;
      requests.push({
        method: req.method ?? '', path: req.url ?? '', headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'), answeredWith: answer,
      });
      for (const waiter of [...waiters]) {
        if (requests.length >= waiter.n) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(requests.slice(0, waiter.n));
        }
      }
      if (answer === 'hang') return;
      res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer < 300 ? 'ok' : 'try again later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    answerNext: (...answers) => { script.push(...answers); },
    answerAlways: (answer) => { fallback = answer; },
    waitFor(n, timeoutMs = 10_000) {
      if (requests.length >= n) return Promise.resolve(requests.slice(0, n));
      return new Promise((resolve, reject) => {
        // A safety net so a missing request fails with a message instead of the test timeout.
        const timer = setTimeout(() => reject(new Error(`receiver got ${requests.length} of ${n} requests`)), timeoutMs);
        waiters.push({ n, resolve: (r) => { clearTimeout(timer); resolve(r); } });
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
