import type { Db } from '../store/open-database.js';
import type { Config } from '../domain/config.js';
import type { Source } from '../domain/source.js';
import type { FactChange, FactsDocument } from '../domain/facts.js';
import { enqueueEvent } from '../notify/outbox.js';
import { changePageUrl, changeUrl, sourcePageUrl, type EventChange, type EventSource, type OutboxEvent } from '../notify/outbox-event.js';

/** Where a check's alerts go: the webhooks, and the public address their links point at. */
export type AlertConfig = Pick<Config, 'webhooks' | 'api'>;

export function eventSource(ctx: { config: Pick<Config, 'api'> }, source: Pick<Source, 'id' | 'url'> & { name?: string | null }): EventSource {
  return { id: source.id, url: source.url, name: source.name ?? null, pageUrl: sourcePageUrl(ctx.config.api.publicUrl, source.id) };
}

/** Adds an event to the outbox, in the caller's transaction; nothing when no webhook is configured. */
export function enqueue(ctx: { db: Db; config: Pick<Config, 'webhooks'> }, event: OutboxEvent, at: number): void {
  if (ctx.config.webhooks.length > 0) enqueueEvent(ctx.db, event, ctx.config.webhooks, at);
}

/** A change as alerts carry it: links to its web page and its JSON, and the after snapshot's evidence. */
export function eventChange(ctx: { config: Pick<Config, 'api'> }, changeId: number, at: number, facts: FactChange[], evidence: FactsDocument['evidence']): EventChange {
  const { publicUrl } = ctx.config.api;
  return { id: String(changeId), detectedAt: at, facts, url: changePageUrl(publicUrl, changeId), textDiffUrl: changeUrl(publicUrl, changeId), evidence };
}
