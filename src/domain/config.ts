import type { Source } from './source.js';
import type { EventName } from './source.js';

/** Bounds on every request. Units are in the names. */
export interface FetchOptions {
  /** Per request, default 30000. */
  timeoutMs: number;
  /** Retries of a transient failure (5xx, timeout, reset), default 2. */
  maxRetries: number;
  /** A body over this is stopped and recorded as an error, default 10 MiB. */
  maxBodyBytes: number;
  /** Requests in flight at once, default 4. */
  maxConcurrency: number;
  /** For the whole crawl, all hosts together, default 30. */
  maxRequestsPerMinute: number;
  /** Skip URLs that robots.txt disallows, default false. */
  respectRobotsTxt: boolean;
}

export interface WebhookConfig {
  url: string;
  /** The resolved secret (from `env:NAME`), never logged. Null: unsigned. */
  secret: string | null;
  events: EventName[];
  format: 'json' | 'slack' | 'discord';
}

export interface ApiConfig {
  host: string;
  port: number;
  /** The resolved bearer token, or null for no auth. */
  token: string | null;
  /** Base URL used in links (webhook textDiffUrl, feed): default http://host:port. */
  publicUrl: string;
}

/** The whole, validated configuration: parsed once at the edge and passed down. */
export interface Config {
  database: string;
  schedule: string;
  timezone: string;
  userAgent: string;
  fetch: FetchOptions;
  failAfter: number;
  sources: Source[];
  webhooks: WebhookConfig[];
  api: ApiConfig;
  /** Where the config came from (a path, or `built-in`), for messages. */
  origin: string;
}
