import type { Command } from 'commander';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../domain/source.js';
import { UsageError } from '../domain/errors.js';
import { configOf, openDb, printJson } from './cli-context.js';
import { formatTable, shortTime } from './format-table.js';
import { parsePositiveInt } from './parse-args.js';

/** `deliveries` (the webhook log, and retrying failed ones) and `webhooks test`. */
export function registerDeliveryVerbs(program: Command): void {
  program.command('deliveries')
    .description('the webhook delivery log, newest first')
    .option('--status <status>', 'pending, delivered or failed')
    .option('--limit <n>', 'at most this many', '100')
    .option('--retry-failed', 'put every failed delivery back in the outbox, then try them now')
    .option('--json', 'print a JSON array of deliveries')
    .action(async (opts: { status?: string; limit: string; retryFailed?: boolean; json?: boolean }, command: Command) => {
      if (opts.status && !DELIVERY_STATUSES.includes(opts.status as DeliveryStatus)) {
        throw new UsageError(`invalid --status "${opts.status}": expected pending, delivered or failed`);
      }
      const limit = parsePositiveInt(opts.limit, '--limit', 100_000);
      const config = configOf(command);
      const db = await openDb(config);
      try {
        const { listDeliveries, retryFailed, drainOutbox } = await import('../notify/outbox.js');
        const { redactUrl } = await import('../notify/redact-url.js');
        if (opts.retryFailed) {
          const reset = retryFailed(db);
          const result = await drainOutbox(db, config.webhooks, { force: true, userAgent: config.userAgent });
          process.stderr.write(`${reset} failed deliveries retried: ${result.delivered} delivered, ${result.retried} to retry, ${result.failed} failed\n`);
        }
        const rows = listDeliveries(db, { status: opts.status as DeliveryStatus | undefined, limit })
          .map((row) => ({ ...row, webhook: redactUrl(row.webhook) }));
        if (opts.json) return printJson(rows);
        if (rows.length === 0) return console.log('No deliveries.');
        console.log(formatTable(['ID', 'CREATED (UTC)', 'EVENT', 'SOURCE', 'STATUS', 'TRIES', 'WEBHOOK', 'LAST ERROR'], rows.map((r) => [
          r.id, shortTime(r.createdAt), r.event, r.sourceId ?? '-', r.status, String(r.attempts), r.webhook, r.lastError ?? '',
        ])));
      } finally {
        db.$client.close();
      }
    });

  const webhooks = program.command('webhooks').description('webhook tools');
  webhooks.command('test')
    .description('send a signed test event to every configured webhook (or to --url)')
    .option('--url <url>', 'only this webhook (or an unconfigured URL, unsigned)')
    .action(async (opts: { url?: string }, command: Command) => {
      const config = configOf(command);
      if (!opts.url && config.webhooks.length === 0) {
        throw new UsageError('no webhooks configured: add one under "webhooks" in the config, or pass --url');
      }
      const { requireChannelSecrets } = await import('../config/require-secrets.js');
      if (opts.url && !config.webhooks.some((w) => w.url === opts.url) && !isHttpUrl(opts.url)) {
        throw new UsageError(`invalid --url "${opts.url}": expected an http(s) URL or the url of a configured channel`);
      }
      requireChannelSecrets(config, opts.url ? [opts.url] : config.webhooks.map((w) => w.url));
      const { sendTestEvent, testEventSource } = await import('../notify/send-test-event.js');
      const results = await sendTestEvent(config.webhooks, { url: opts.url, userAgent: config.userAgent, source: testEventSource(config.api.publicUrl) });
      for (const r of results) {
        console.log(`${r.ok ? 'ok    ' : 'FAILED'} ${r.webhook}  ${r.httpStatus ?? ''} ${r.error ?? ''} (${r.signed ? 'signed' : 'unsigned'}, delivery ${r.deliveryId}, ${r.durationMs} ms)`);
      }
      if (results.some((r) => !r.ok)) process.exitCode = 1;
    });
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
