import { z } from 'zod';
import { cronProblem } from './cron-problem.js';
import { SOURCE_KINDS } from '../domain/facts.js';
import { LANGUAGE_CHOICES } from '../domain/languages.js';
import { CHANNEL_FORMATS } from '../domain/config.js';
import { EVENT_NAMES } from '../domain/source.js';
import { ignoreField, removeField, selectField } from './filter-schema.js';

/** Every key of the config file, with its default (CONTRACT.md). Unknown keys are errors. */

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}, { message: 'expected an http(s) URL' });

/** `env:NAME` or a literal (a literal secret in a file is allowed but discouraged). */
const secretRef = z.string().min(1, { message: 'expected a secret or env:NAME' });

const SOURCE_ID = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/;

export const sourceSchema = z.strictObject({
  id: z.string().regex(SOURCE_ID, { message: 'expected lower-case letters, digits, ".", "_" or "-"' }),
  url: httpUrl,
  kind: z.enum(SOURCE_KINDS),
  name: z.string().min(1).optional(),
  language: z.enum(LANGUAGE_CHOICES).optional(),
  select: selectField.optional(),
  remove: removeField.optional(),
  ignore: ignoreField.optional(),
  follow: z.array(z.string().min(1).startsWith('/', { message: 'expected a path pattern starting with "/"' })).optional(),
  maxNewPosts: z.int().min(1).max(1000).optional(),
  maxPages: z.int().min(1).max(100).optional(),
  render: z.boolean().optional(),
});

export const fetchSchema = z.strictObject({
  timeoutMs: z.int().min(100).max(600_000).default(30_000),
  maxRetries: z.int().min(0).max(10).default(2),
  maxBodyBytes: z.int().min(1024).max(1024 * 1024 * 1024).default(10 * 1024 * 1024),
  maxConcurrency: z.int().min(1).max(64).default(16),
  maxRequestsPerMinute: z.int().min(1).max(100_000).default(30),
  respectRobotsTxt: z.boolean().default(false),
  perHost: z.strictObject({
    maxConcurrency: z.int().min(1).max(64).default(1),
    delayMs: z.int().min(0).max(3_600_000).default(1000),
  }).default(() => ({ maxConcurrency: 1, delayMs: 1000 })),
});

/** An e-mail address as written in `from`/`to` ("Name <a@b.org>" or "a@b.org"). */
const emailAddress = z.string().regex(/^(?:[^<>@\s][^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, { message: 'expected an e-mail address such as "alerts@example.com"' });

/** `smtp://user:pass@host:port`, `smtps://...`, or `env:NAME` holding one. */
const smtpUrl = z.string().min(1).refine((value) => {
  if (value.startsWith('env:')) return value.length > 4;
  try {
    const url = new URL(value);
    return url.protocol === 'smtp:' || url.protocol === 'smtps:';
  } catch {
    return false;
  }
}, { message: 'expected smtp://host:port, smtps://user:pass@host or env:NAME' });

/**
 * One alert channel. `url` is the endpoint of json/slack/discord/teams/ntfy; `email` takes
 * `smtpUrl`, `from` and `to` instead (and no `url`).
 */
export const webhookSchema = z.strictObject({
  url: httpUrl.optional(),
  secret: secretRef.optional(),
  events: z.array(z.enum(EVENT_NAMES)).min(1).default(['facts.changed', 'announcement.detected', 'announcement.due', 'source.failing', 'source.recovered', 'source.discovered']),
  format: z.enum(CHANNEL_FORMATS).default('json'),
  smtpUrl: smtpUrl.optional(),
  from: emailAddress.optional(),
  to: z.union([emailAddress, z.array(emailAddress).min(1)]).optional(),
}).superRefine((hook, ctx) => {
  const missing = (key: string, why: string) => ctx.addIssue({ code: 'custom', path: [key], message: why });
  if (hook.format === 'email') {
    if (hook.url !== undefined) missing('url', 'an "email" channel takes smtpUrl, from and to, not url');
    if (hook.smtpUrl === undefined) missing('smtpUrl', 'an "email" channel needs smtpUrl (smtp://host:port or env:NAME)');
    if (hook.from === undefined) missing('from', 'an "email" channel needs a sender address');
    if (hook.to === undefined) missing('to', 'an "email" channel needs at least one recipient');
  } else {
    if (hook.url === undefined) missing('url', `a "${hook.format}" channel needs its endpoint URL`);
    for (const key of ['smtpUrl', 'from', 'to'] as const) {
      if (hook[key] !== undefined) missing(key, `only "email" channels take ${key}`);
    }
  }
});

export const apiSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.int().min(0).max(65_535).default(8787),
  token: secretRef.optional(),
  publicUrl: httpUrl.optional(),
});

/** The browser for `render: true` sources: the machine's own Chromium. */
export const browserSchema = z.strictObject({
  executablePath: z.string().min(1, { message: 'expected the path of a Chromium executable' }).optional(),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  database: z.string().min(1).default('policy-watch.db'),
  schedule: z.string().superRefine((expr, ctx) => {
    const problem = cronProblem(expr);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).default('0 */6 * * *'),
  timezone: z.string().refine(isTimeZone, { message: 'expected an IANA time zone such as "UTC" or "Europe/Paris"' }).default('UTC'),
  userAgent: z.string().min(1).optional(),
  fetch: fetchSchema.default(() => fetchSchema.parse({})),
  failAfter: z.int().min(1).max(1000).default(3),
  include: z.array(z.string().min(1)).default([]),
  sources: z.array(sourceSchema).optional(),
  webhooks: z.array(webhookSchema).default([]),
  api: apiSchema.default(() => apiSchema.parse({})),
  browser: browserSchema.optional(),
});

export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  sources: z.array(sourceSchema),
});

export type ConfigFile = z.infer<typeof configSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
