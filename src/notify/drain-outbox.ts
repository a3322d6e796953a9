import { and, asc, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { WebhookConfig } from '../domain/config.js';
import type { EventName } from '../domain/source.js';
import { deliveries } from '../store/schema.js';
import type { OutboxDb } from './outbox-db.js';
import type { BackoffOptions } from './backoff.js';
import { backoffDelayMs } from './backoff.js';
import type { FetchImpl } from './post-webhook.js';
import { DEFAULT_TIMEOUT_MS } from './post-webhook.js';
import { sendDelivery } from './send-delivery.js';
import { redactUrl } from './redact-url.js';
import { isoTime } from './outbox-event.js';
import { unresolvedSecret } from './unresolved-secret.js';

/** The part of a (pino) logger the outbox uses. */
export interface NotifyLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface DrainOutboxOptions extends BackoffOptions {
  /** Send every pending delivery, whatever its backoff (what `check` does). Default false. */
  force?: boolean;
  /** The clock, epoch ms. Default Date.now. */
  now?: () => number;
  /** Default: the global fetch. */
  fetchImpl?: FetchImpl;
  /** Per request. Default 10000. */
  timeoutMs?: number;
  /** Attempts before a delivery is `failed`. Default 8. */
  maxAttempts?: number;
  /** Shutdown: no new request starts, one in flight is abandoned and stays pending, unchanged. */
  signal?: AbortSignal;
  log?: NotifyLogger;
  /** Most deliveries taken in one drain, oldest first. Default 1000. */
  limit?: number;
  /** Default `policy-watch`. */
  userAgent?: string;
}

export interface DrainResult {
  /** Answered 2xx. */
  delivered: number;
  /** Failed this time, pending again with a later `nextAttemptAt`. */
  retried: number;
  /** Failed for the `maxAttempts`-th time: now `failed`. */
  failed: number;
  /** Not attempted: webhook no longer configured, taken by another drain, shut down, or held. */
  skipped: number;
  /** Of the skipped, those held until a channel's secret is set, by reason (one entry per reason). */
  held: HeldDeliveries[];
}

/** Deliveries kept pending for one reason, e.g. `secret env:NAME is not set`. */
export interface HeldDeliveries {
  count: number;
  reason: string;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
type Row = typeof deliveries.$inferSelect;
type Outcome = 'delivered' | 'retried' | 'failed' | 'skipped';

/**
 * Sends the pending deliveries that are due (all of them with `force`), each once: one webhook's
 * deliveries in order, different webhooks side by side. A 2xx marks a delivery delivered; any
 * other answer or none schedules a retry with backoff, and the `maxAttempts`-th failure marks it
 * failed. A delivery whose webhook is not in `webhooks` is left pending and untouched (it is sent
 * again if the webhook comes back; `retryFailed` is not needed). Never throws for a receiver's sake.
 */
export async function drainOutbox(db: OutboxDb, webhooks: readonly WebhookConfig[], options: DrainOutboxOptions = {}): Promise<DrainResult> {
  const now = options.now ?? Date.now;
  const result: DrainResult = { delivered: 0, retried: 0, failed: 0, skipped: 0, held: [] };
  // Secrets live only in the config: look each row's webhook up by its URL (first one wins).
  const byUrl = new Map<string, WebhookConfig>();
  for (const webhook of webhooks) if (!byUrl.has(webhook.url)) byUrl.set(webhook.url, webhook);
  const configured = [...byUrl.keys()];

  const due = options.force
    ? eq(deliveries.status, 'pending')
    : and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now()));
  const rows = configured.length === 0 ? [] : db.select().from(deliveries)
    .where(and(due, inArray(deliveries.webhook, configured)))
    .orderBy(asc(deliveries.createdAt), asc(sql`rowid`)) // insertion order within a millisecond
    .limit(options.limit ?? 1000)
    .all();
  const orphans = db.select({ webhook: deliveries.webhook, n: sql<number>`count(*)` }).from(deliveries)
    .where(configured.length === 0 ? due : and(due, notInArray(deliveries.webhook, configured)))
    .groupBy(deliveries.webhook)
    .all();
  for (const orphan of orphans) {
    result.skipped += Number(orphan.n);
    options.log?.warn({ webhook: redactUrl(orphan.webhook), deliveries: Number(orphan.n) },
      'pending deliveries for a webhook that is no longer configured are kept, not sent');
  }

  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.webhook);
    if (group) group.push(row);
    else groups.set(row.webhook, [row]);
  }

  await Promise.all([...groups].map(async ([url, group]) => {
    const missing = unresolvedSecret(byUrl.get(url)!);
    if (missing) {
      const count = holdUntilSecret(db, group, missing, options, now);
      result.skipped += count;
      // Two channels missing the same variable make one reason.
      const same = result.held.find((h) => h.reason === missing);
      if (same) same.count += count;
      else result.held.push({ count, reason: missing });
      return;
    }
    for (const row of group) {
      if (options.signal?.aborted) { result.skipped += 1; continue; }
      const outcome = await attempt(db, row, byUrl.get(url)!, options, now);
      result[outcome] += 1;
    }
  }));
  return result;
}

/**
 * A channel whose secret is not set: its deliveries stay pending with the reason as their last
 * error, no attempt spent (they go out once the variable is set), and are looked at again later.
 */
function holdUntilSecret(db: OutboxDb, group: readonly Row[], missing: string, options: DrainOutboxOptions, now: () => number): number {
  for (const row of group) {
    db.update(deliveries).set({ lastError: missing, nextAttemptAt: now() + backoffDelayMs(row.attempts + 1, options) })
      .where(and(eq(deliveries.id, row.id), eq(deliveries.status, 'pending'))).run();
  }
  options.log?.warn({ webhook: redactUrl(group[0]!.webhook), deliveries: group.length, error: missing },
    'deliveries held: set the variable and restart; they are sent then');
  return group.length;
}

/** One attempt of one delivery, from claiming the row to recording what the receiver said. */
async function attempt(db: OutboxDb, row: Row, webhook: WebhookConfig, options: DrainOutboxOptions, now: () => number): Promise<Outcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Claim the row by pushing it past the request's lifetime: another drain skips it, and a crash
  // mid-request leaves it pending, due again once the claim runs out (at-least-once).
  const claimedUntil = now() + timeoutMs + 60_000;
  const claim = db.update(deliveries).set({ nextAttemptAt: claimedUntil })
    .where(and(eq(deliveries.id, row.id), eq(deliveries.status, 'pending'),
      eq(deliveries.nextAttemptAt, row.nextAttemptAt), eq(deliveries.attempts, row.attempts)))
    .run();
  if (claim.changes !== 1) return 'skipped';

  const sent = await sendDelivery({ id: row.id, event: row.event as EventName, body: row.body }, webhook, {
    timeoutMs, signal: options.signal, fetchImpl: options.fetchImpl, userAgent: options.userAgent,
  });
  const where = eq(deliveries.id, row.id);
  const logFields = { deliveryId: row.id, event: row.event, webhook: redactUrl(row.webhook), attempt: row.attempts + 1 };

  if (sent.aborted) {
    db.update(deliveries).set({ nextAttemptAt: row.nextAttemptAt }).where(where).run();
    return 'skipped';
  }
  const attempts = row.attempts + 1;
  if (sent.ok) {
    db.update(deliveries).set({
      status: 'delivered', attempts, deliveredAt: now(), lastHttpStatus: sent.httpStatus, lastError: null,
    }).where(where).run();
    options.log?.info({ ...logFields, httpStatus: sent.httpStatus, durationMs: sent.durationMs }, 'webhook delivered');
    return 'delivered';
  }
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (attempts >= maxAttempts) {
    db.update(deliveries).set({
      status: 'failed', attempts, nextAttemptAt: now(), lastHttpStatus: sent.httpStatus, lastError: sent.error,
    }).where(where).run();
    options.log?.warn({ ...logFields, httpStatus: sent.httpStatus, error: sent.error }, `webhook delivery failed after ${attempts} attempts; \`deliveries\` lists it and it can be retried`);
    return 'failed';
  }
  const nextAttemptAt = now() + backoffDelayMs(attempts, options);
  db.update(deliveries).set({
    attempts, nextAttemptAt, lastHttpStatus: sent.httpStatus, lastError: sent.error,
  }).where(where).run();
  options.log?.warn({ ...logFields, httpStatus: sent.httpStatus, error: sent.error, nextAttemptAt: isoTime(nextAttemptAt) }, 'webhook delivery will be retried');
  return 'retried';
}
