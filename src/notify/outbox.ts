import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { WebhookConfig } from '../domain/config.js';
import type { DeliveryStatus } from '../domain/source.js';
import { DELIVERY_STATUSES } from '../domain/source.js';
import { deliveries } from '../store/schema.js';
import type { OutboxDb } from './outbox-db.js';
import type { OutboxEvent } from './outbox-event.js';
import { isoTime } from './outbox-event.js';
import { renderBody } from './formats.js';

export { drainOutbox } from './drain-outbox.js';
export type { DrainOutboxOptions, DrainResult, HeldDeliveries, NotifyLogger } from './drain-outbox.js';

/**
 * Writes one pending delivery per webhook subscribed to the event, each with a fresh delivery id
 * and its final body, due at `now`. Synchronous on purpose: call it inside the transaction that
 * records the change, so the change and its alerts commit (or roll back) together.
 * Returns the delivery ids, in the order of `webhooks`.
 */
export function enqueueEvent(db: OutboxDb, event: OutboxEvent, webhooks: readonly WebhookConfig[], now: number = Date.now()): string[] {
  // Render every body before writing anything: an unknown format then writes nothing.
  const rows = webhooks
    .filter((webhook) => webhook.events.includes(event.event))
    .map((webhook) => {
      const id = randomUUID();
      return {
        id, webhook: webhook.url, event: event.event, sourceId: event.source.id,
        changeId: changeIdOf(event), body: renderBody(webhook.format, event, id),
        status: 'pending' as const, attempts: 0, nextAttemptAt: now, createdAt: now,
      };
    });
  for (const row of rows) db.insert(deliveries).values(row).run();
  return rows.map((row) => row.id);
}

function changeIdOf(event: OutboxEvent): number | null {
  if (!('change' in event)) return null;
  const id = Number(event.change.id);
  return Number.isSafeInteger(id) ? id : null;
}

export interface RetryFailedOptions {
  /** Only this delivery; default every failed one. */
  id?: string;
  /** Default Date.now(). */
  now?: number;
}

/**
 * Puts failed deliveries back to pending, due now, with a fresh set of attempts (the last error
 * is kept until the next attempt). Returns how many were reset.
 */
export function retryFailed(db: OutboxDb, options: RetryFailedOptions = {}): number {
  const where = options.id === undefined
    ? eq(deliveries.status, 'failed')
    : and(eq(deliveries.status, 'failed'), eq(deliveries.id, options.id));
  const result = db.update(deliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: options.now ?? Date.now() })
    .where(where)
    .run();
  return result.changes;
}

/** A delivery as the `deliveries` verb and the API show it. Times are ISO date-times. */
export interface DeliveryRecord {
  id: string;
  /** The webhook's URL as configured; pass it through `redactUrl()` before printing. */
  webhook: string;
  event: string;
  sourceId: string | null;
  changeId: string | null;
  status: DeliveryStatus;
  attempts: number;
  /** Only for pending deliveries. */
  nextAttemptAt: string | null;
  lastError: string | null;
  lastHttpStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
  /** Only with `includeBody`. */
  body?: string;
}

export interface ListDeliveriesOptions {
  status?: DeliveryStatus;
  /** Default 100. */
  limit?: number;
  includeBody?: boolean;
}

/** The delivery log, newest first. */
export function listDeliveries(db: OutboxDb, options: ListDeliveriesOptions = {}): DeliveryRecord[] {
  const rows = db.select().from(deliveries)
    .where(options.status ? eq(deliveries.status, options.status) : undefined)
    .orderBy(desc(deliveries.createdAt), desc(sql`rowid`))
    .limit(options.limit ?? 100)
    .all();
  return rows.map((row) => {
    const status = DELIVERY_STATUSES.includes(row.status as DeliveryStatus) ? row.status as DeliveryStatus : 'pending';
    const record: DeliveryRecord = {
      id: row.id, webhook: row.webhook, event: row.event, sourceId: row.sourceId,
      changeId: row.changeId === null ? null : String(row.changeId), status, attempts: row.attempts,
      nextAttemptAt: status === 'pending' ? isoTime(row.nextAttemptAt) : null,
      lastError: row.lastError, lastHttpStatus: row.lastHttpStatus,
      createdAt: isoTime(row.createdAt), deliveredAt: isoTime(row.deliveredAt),
    };
    if (options.includeBody) record.body = row.body;
    return record;
  });
}

/** How many deliveries are in each status (for `/metrics` and summaries). */
export function countDeliveries(db: OutboxDb): Record<DeliveryStatus, number> {
  const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, failed: 0 };
  const rows = db.select({ status: deliveries.status, n: sql<number>`count(*)` })
    .from(deliveries).groupBy(deliveries.status).all();
  for (const row of rows) {
    if (row.status in counts) counts[row.status as DeliveryStatus] = Number(row.n);
  }
  return counts;
}

/**
 * When the earliest pending delivery is due (epoch ms; possibly in the past), or null if none.
 * Pass the configured webhooks so that deliveries of a webhook no longer configured, which
 * `drainOutbox` leaves alone, do not keep a scheduler awake.
 */
export function nextDueAt(db: OutboxDb, webhooks?: readonly WebhookConfig[]): number | null {
  const pending = eq(deliveries.status, 'pending');
  let where = pending;
  if (webhooks) {
    if (webhooks.length === 0) return null;
    where = and(pending, inArray(deliveries.webhook, [...new Set(webhooks.map((w) => w.url))]))!;
  }
  const row = db.select({ at: deliveries.nextAttemptAt }).from(deliveries)
    .where(where).orderBy(asc(deliveries.nextAttemptAt)).limit(1).get();
  return row ? row.at : null;
}
