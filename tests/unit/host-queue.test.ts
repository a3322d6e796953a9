import { afterEach, describe, expect, it } from 'vitest';
import { Request } from '@crawlee/core';
import { HostQueue, hostOf, type HostQueueOptions } from '../../src/crawl/host-queue.js';

let clock = 0;
let queue: HostQueue | undefined;
afterEach(() => queue?.dispose());

function makeQueue(options: Partial<HostQueueOptions> = {}): HostQueue {
  clock = 1_000_000;
  queue = new HostQueue({ maxConcurrency: 1, delayMs: 0, maxRequestsPerMinute: 1000, onReady: () => {}, now: () => clock, ...options });
  return queue;
}

const request = (url: string) => new Request({ url, uniqueKey: url });

/** Hands out a request and starts it at once, as crawlee's pool and navigation hook do. */
async function take(q: HostQueue): Promise<string | null> {
  const next = await q.fetchNextRequest();
  if (next) q.started(next);
  return next?.url ?? null;
}

describe('HostQueue', () => {
  it('once closed, hands out nothing more, returns what waited, drops a retry and is finished when the requests in flight are', async () => {
    const dropped: string[] = [];
    const q = makeQueue({ maxConcurrency: 2, onReclaimedAfterClose: (r) => dropped.push(r.url) });
    for (const url of ['http://a.test/1', 'http://a.test/2', 'http://a.test/3', 'http://b.test/1']) q.add(request(url));
    // Hosts take turns: a.test/1 and b.test/1 are in flight.
    const inFlight = [(await q.fetchNextRequest())!, (await q.fetchNextRequest())!];
    expect(inFlight.map((r) => r.url)).toEqual(['http://a.test/1', 'http://b.test/1']);
    expect(q.close().map((r) => r.url)).toEqual(['http://a.test/2', 'http://a.test/3']);
    expect(await q.fetchNextRequest()).toBeNull();
    expect(await q.isFinished()).toBe(false);
    await q.markRequestHandled(inFlight[0]!);
    await q.reclaimRequest(inFlight[1]!);
    expect(dropped).toEqual([inFlight[1]!.url]);
    expect(await q.fetchNextRequest()).toBeNull();
    expect(await q.isFinished()).toBe(true);
  });

  it('takes hosts in turn rather than in the order the requests were added', async () => {
    const q = makeQueue({ maxConcurrency: 5 });
    for (const url of ['http://a.test/1', 'http://a.test/2', 'http://a.test/3', 'http://b.test/1', 'http://c.test/1']) q.add(request(url));
    const order: string[] = [];
    for (let i = 0; i < 5; i++) order.push((await take(q))!);
    expect(order).toEqual(['http://a.test/1', 'http://b.test/1', 'http://c.test/1', 'http://a.test/2', 'http://a.test/3']);
  });

  it('hands out no more than maxConcurrency requests of one host until one is handled', async () => {
    const q = makeQueue({ maxConcurrency: 2 });
    for (let n = 0; n < 4; n++) q.add(request(`http://a.test/${n}`));
    const first = await q.fetchNextRequest();
    expect(await q.fetchNextRequest()).not.toBeNull();
    expect(await q.fetchNextRequest()).toBeNull();
    expect(await q.isEmpty()).toBe(true);
    await q.markRequestHandled(first!);
    expect((await q.fetchNextRequest())?.url).toBe('http://a.test/2');
  });

  it('starts two requests of one host at least delayMs apart, and other hosts meanwhile', async () => {
    const q = makeQueue({ maxConcurrency: 3, delayMs: 1000 });
    for (const url of ['http://a.test/1', 'http://a.test/2', 'http://b.test/1']) q.add(request(url));
    expect(await take(q)).toBe('http://a.test/1');
    expect(await take(q)).toBe('http://b.test/1');
    expect(await take(q)).toBeNull();
    clock += 999;
    expect(await take(q)).toBeNull();
    clock += 10;
    expect(await take(q)).toBe('http://a.test/2');
  });

  it('counts the delay from the answer when it arrives after the start', async () => {
    const q = makeQueue({ delayMs: 500 });
    q.add(request('http://a.test/1'));
    q.add(request('http://a.test/2'));
    const first = await q.fetchNextRequest();
    q.started(first!);
    clock += 300;
    q.answered(first!);
    await q.markRequestHandled(first!);
    clock += 400;
    expect(await take(q)).toBeNull();
    clock += 110;
    expect(await take(q)).toBe('http://a.test/2');
  });

  it('keeps to maxRequestsPerMinute per host: a third start waits until the first leaves the minute', async () => {
    const q = makeQueue({ maxConcurrency: 5, maxRequestsPerMinute: 2 });
    for (let n = 0; n < 3; n++) q.add(request(`http://a.test/${n}`));
    q.add(request('http://b.test/0'));
    expect(await take(q)).toBe('http://a.test/0');
    clock += 10_000;
    expect(await take(q)).toBe('http://b.test/0');
    expect(await take(q)).toBe('http://a.test/1');
    expect(await take(q)).toBeNull();
    clock += 49_000;
    expect(await take(q)).toBeNull();
    clock += 1_001;
    expect(await take(q)).toBe('http://a.test/2');
  });

  it('holds a paused host until the pause ends, and puts a retried request first among its own', async () => {
    const q = makeQueue();
    q.add(request('http://a.test/1'));
    q.add(request('http://a.test/2'));
    const first = await q.fetchNextRequest();
    q.started(first!);
    q.pause('a.test', clock + 2000);
    await q.reclaimRequest(first!);
    expect(await take(q)).toBeNull();
    clock += 2000;
    expect(await take(q)).toBe('http://a.test/1');
  });

  it('is finished only when nothing waits and nothing is in flight; drain() takes a host\'s waiting requests out', async () => {
    const q = makeQueue();
    q.add(request('http://a.test/1'));
    q.add(request('http://a.test/2'));
    const first = await q.fetchNextRequest();
    expect(q.drain('a.test').map((r) => r.url)).toEqual(['http://a.test/2']);
    expect(await q.isFinished()).toBe(false);
    await q.markRequestHandled(first!);
    expect(await q.isFinished()).toBe(true);
  });

  it('waits for a host\'s own delay (robots.txt Crawl-delay) when it is longer than delayMs', async () => {
    let ready: (ms: number | null) => void = () => {};
    const q = makeQueue({ delayMs: 100, hostDelayMs: () => new Promise((resolve) => { ready = resolve; }) });
    q.add(request('http://a.test/1'));
    q.add(request('http://a.test/2'));
    expect(await take(q)).toBeNull();
    ready(3000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(q.delayOf('a.test')).toBe(3000);
    const first = await q.fetchNextRequest();
    expect(first?.url).toBe('http://a.test/1');
    q.started(first!);
    await q.markRequestHandled(first!);
    clock += 2000;
    expect(await take(q)).toBeNull();
    clock += 1010;
    expect(await take(q)).toBe('http://a.test/2');
  });

  it('keys on the hostname: www. and fr. are two hosts, the port does not matter', () => {
    expect(hostOf('https://www.linkedin.com/legal')).toBe('www.linkedin.com');
    expect(hostOf('https://fr.linkedin.com/legal')).toBe('fr.linkedin.com');
    expect(hostOf('http://127.0.0.2:8080/p/1')).toBe('127.0.0.2');
  });
});
