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
  /** Requests in flight at once over all hosts, default 16. */
  maxConcurrency: number;
  /** A rolling budget per host (hostname), default 30. */
  maxRequestsPerMinute: number;
  /** Skip URLs that robots.txt disallows, and honour its Crawl-delay, default false. */
  respectRobotsTxt: boolean;
  /** Politeness towards one hostname. */
  perHost: PerHostOptions;
}

/** Limits per hostname (`new URL(url).hostname`), enforced by a per-host queue in front of crawlee. */
export interface PerHostOptions {
  /** Requests in flight at once on one host, default 1. */
  maxConcurrency: number;
  /** The least time between two request starts on one host, default 1000. */
  delayMs: number;
}

/** The browser that reads `render: true` sources (the machine's own; never a downloaded one). */
export interface BrowserOptions {
  /**
   * Chromium's executable, resolved against the config's folder; a bare name is looked up on the
   * PATH. Default: `chromium`, `chromium-browser` or `google-chrome` on the PATH.
   */
  executablePath?: string;
}

export const CHANNEL_FORMATS = ['json', 'slack', 'discord', 'teams', 'ntfy', 'email'] as const;
export type ChannelFormat = (typeof CHANNEL_FORMATS)[number];

/**
 * One alert channel (a `webhooks` entry). `url` identifies it (for `email`, the SMTP URL with any
 * password removed is used as the identity when `url` is absent from the file).
 */
export interface WebhookConfig {
  url: string;
  /**
   * The resolved secret (from `env:NAME`), never logged. Null: unsigned. Resolved lazily:
   * `secretRef` keeps the `env:NAME` reference when the variable was not set at load time.
   */
  secret: string | null;
  /** The `env:NAME` reference as written, when the secret came from the environment. */
  secretRef?: string | null;
  events: EventName[];
  format: ChannelFormat;
  /** `email`: the SMTP server, `smtp://user:pass@host:port` (may be `env:NAME`), resolved. */
  smtpUrl?: string | null;
  /** `email`: the `env:NAME` reference of `smtpUrl` as written (null for a literal). */
  smtpUrlRef?: string | null;
  /** `email`: the sender address. */
  from?: string | null;
  /** `email`: the recipients. */
  to?: string[] | null;
}

export interface ApiConfig {
  host: string;
  port: number;
  /** The resolved bearer token, or null for no auth. */
  token: string | null;
  /**
   * The `env:NAME` reference of `token` as written. With `token` null, the variable was not set:
   * `serve` and `run` refuse to start (never without the auth that was asked for).
   */
  tokenRef?: string | null;
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
  /** For `render: true` sources; absent: looked up on the PATH. */
  browser?: BrowserOptions;
  sources: Source[];
  webhooks: WebhookConfig[];
  api: ApiConfig;
  /** Where the config came from (a path, or `built-in`), for messages. */
  origin: string;
  /** What the config asks for that is not supported (e.g. OTA `filter` functions): one line each. */
  warnings?: string[];
  /** What `include` read from Open Terms Archive declarations; null or absent when none. */
  declarations?: DeclarationSummary | null;
}

/** What was loaded from Open Terms Archive declarations, and what was skipped. */
export interface DeclarationSummary {
  /** Declarations that gave at least one source. */
  loaded: number;
  /** Sources from declarations. */
  sources: number;
  skipped: SkippedTerms[];
}

/** A terms type of a declaration (or the whole declaration, `terms` null) that was not used. */
export interface SkippedTerms {
  /** The declaration file, relative to the config's folder. */
  file: string;
  terms: string | null;
  reason: string;
}
