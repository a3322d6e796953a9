import { sqliteTable, text, integer, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Every watched source, configured or discovered, with its running state. */
export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  kind: text('kind').notNull(),
  name: text('name'),
  parentId: text('parent_id'),
  origin: text('origin').notNull().default('config'), // config | discovered
  createdAt: integer('created_at').notNull(),
  lastCheckedAt: integer('last_checked_at'),
  lastStatus: text('last_status'),
  lastSuccessAt: integer('last_success_at'),
  /** Blocked or erroring checks in a row. */
  failures: integer('failures').notNull().default(0),
  /** Whether `source.failing` has fired and `source.recovered` has not yet. */
  failing: integer('failing', { mode: 'boolean' }).notNull().default(false),
  etag: text('etag'),
  lastModified: text('last_modified'),
  /** Hash of the last fetched body with per-load noise removed: equal means unchanged, unparsed. */
  bodyHash: text('body_hash'),
  currentSnapshotId: integer('current_snapshot_id'),
  /** A post found after its blog's baseline: `source.discovered` is owed on its first snapshot. */
  pendingDiscovery: integer('pending_discovery', { mode: 'boolean' }).notNull().default(false),
  /** No longer in the config or its packs: kept with its history, not checked. */
  retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
  /** When the source was last marked retired (null while configured). */
  retiredAt: integer('retired_at'),
});

/** Raw HTML, gzip-compressed, stored once per distinct body. */
export const contents = sqliteTable('contents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  hash: text('hash').notNull(),
  html: blob('html', { mode: 'buffer' }).notNull(),
  size: integer('size').notNull(),
}, (t) => [uniqueIndex('contents_hash').on(t.hash)]);

/** One distinct version of a source: its normalized text and the facts read from it. Immutable. */
export const snapshots = sqliteTable('snapshots', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sourceId: text('source_id').notNull().references(() => sources.id),
  contentId: integer('content_id').notNull().references(() => contents.id),
  createdAt: integer('created_at').notNull(),
  textHash: text('text_hash').notNull(),
  /** Normalized text, gzip-compressed. */
  text: blob('text', { mode: 'buffer' }).notNull(),
  title: text('title'),
  language: text('language').notNull(),
  facts: text('facts', { mode: 'json' }).notNull(),
  evidence: text('evidence', { mode: 'json' }).notNull(),
  finalUrl: text('final_url'),
  /** EXTRACTOR_VERSION of the extractor that read these facts; 0 for snapshots written before versions. */
  extractorVersion: integer('extractor_version').notNull().default(0),
  /** A technical revision: the same stored page re-read by a newer extractor; the snapshot it re-reads. */
  revisionOf: integer('revision_of'),
}, (t) => [index('snapshots_source').on(t.sourceId, t.createdAt)]);

/** Every attempt to check a source. Kept small: an unchanged check is one of these rows. */
export const checks = sqliteTable('checks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sourceId: text('source_id').notNull(),
  at: integer('at').notNull(),
  durationMs: integer('duration_ms').notNull(),
  status: text('status').notNull(),
  httpStatus: integer('http_status'),
  reason: text('reason'),
  snapshotId: integer('snapshot_id'),
}, (t) => [index('checks_source_at').on(t.sourceId, t.at), index('checks_status').on(t.status)]);

/** A change between two snapshots of a source: the fact diff and the text diff. */
export const changes = sqliteTable('changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sourceId: text('source_id').notNull().references(() => sources.id),
  detectedAt: integer('detected_at').notNull(),
  /** Null for the first snapshot of a post discovered after its blog's baseline (announcement.detected). */
  beforeSnapshotId: integer('before_snapshot_id').references(() => snapshots.id),
  afterSnapshotId: integer('after_snapshot_id').notNull().references(() => snapshots.id),
  /** FactChange[] as JSON. */
  facts: text('facts', { mode: 'json' }).notNull(),
  /** Space-separated fact names, for filtering by fact. */
  factNames: text('fact_names').notNull(),
  textChanged: integer('text_changed', { mode: 'boolean' }).notNull(),
  /** Unified text diff, gzip-compressed. */
  textDiff: blob('text_diff', { mode: 'buffer' }),
  /** A technical revision (re-extraction by a newer extractor): never alerted, hidden by default. */
  technical: integer('technical', { mode: 'boolean' }).notNull().default(false),
}, (t) => [
  index('changes_detected').on(t.detectedAt),
  index('changes_source_detected').on(t.sourceId, t.detectedAt),
]);

/** The durable webhook outbox: one row per (event, webhook), pending until a 2xx. */
export const deliveries = sqliteTable('deliveries', {
  id: text('id').primaryKey(), // the X-Policy-Watch-Delivery id, stable across retries
  webhook: text('webhook').notNull(), // the webhook's url
  event: text('event').notNull(),
  sourceId: text('source_id'),
  changeId: integer('change_id'),
  body: text('body').notNull(), // the exact JSON body that is signed and sent
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: integer('next_attempt_at').notNull(),
  lastError: text('last_error'),
  lastHttpStatus: integer('last_http_status'),
  createdAt: integer('created_at').notNull(),
  deliveredAt: integer('delivered_at'),
}, (t) => [index('deliveries_status_next').on(t.status, t.nextAttemptAt)]);

/** Announced effective dates per source: when each was first seen and when `announcement.due` was sent. */
export const announcements = sqliteTable('announcements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sourceId: text('source_id').notNull(),
  /** The announced upcomingEffectiveDate, YYYY-MM-DD. */
  date: text('date').notNull(),
  firstSeenAt: integer('first_seen_at').notNull(),
  /** The snapshot the announcement was first read from. */
  snapshotId: integer('snapshot_id'),
  /** When `announcement.due` was enqueued (null: not yet due). */
  dueSentAt: integer('due_sent_at'),
}, (t) => [uniqueIndex('announcements_source_date').on(t.sourceId, t.date)]);

/** Hosts that asked us to wait (429/503 with a long Retry-After): skipped until `until`. */
export const hostBackoffs = sqliteTable('host_backoffs', {
  host: text('host').primaryKey(),
  until: integer('until').notNull(),
  reason: text('reason').notNull(),
  setAt: integer('set_at').notNull(),
});
