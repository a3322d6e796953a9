import type { WebhookConfig } from '../domain/config.js';
import { UsageError } from '../domain/errors.js';
import type { ConfigFile } from './config-schema.js';
import { resolveSecret } from './resolve-secret.js';

/**
 * The `webhooks` entries as channels. Each is identified by its `url` (for `email`: `mailto:`
 * and its recipients, never the SMTP URL, which may hold a password), one entry per identity.
 * Secrets from `env:` that are not set are left unresolved (see resolveSecret).
 */
export function loadChannels(entries: ConfigFile['webhooks'], env: NodeJS.ProcessEnv, origin: string): WebhookConfig[] {
  const channels = entries.map((hook, i): WebhookConfig => {
    const secret = resolveSecret(hook.secret, env);
    const channel: WebhookConfig = {
      url: hook.url ?? '',
      secret: secret.value,
      secretRef: secret.ref,
      events: [...new Set(hook.events)],
      format: hook.format,
    };
    if (hook.format === 'email') {
      const to = typeof hook.to === 'string' ? [hook.to] : [...new Set(hook.to)];
      const smtp = resolveSecret(hook.smtpUrl, env);
      if (smtp.value !== null && smtp.ref !== null && !isSmtpUrl(smtp.value)) {
        throw new UsageError(`invalid config ${origin}: webhooks[${i}].smtpUrl: environment variable ${smtp.ref.slice(4)} does not hold an smtp:// or smtps:// URL`);
      }
      Object.assign(channel, { url: `mailto:${[...to].sort().join(',')}`, smtpUrl: smtp.value, smtpUrlRef: smtp.ref, from: hook.from, to });
    }
    return channel;
  });
  channels.forEach((channel, i) => {
    const first = channels.findIndex((other) => other.url === channel.url);
    if (first === i) return;
    const field = channel.format === 'email' ? 'to' : 'url';
    const what = channel.format === 'email' ? 'the same recipients' : 'the same URL';
    throw new UsageError(`invalid config ${origin}: webhooks[${i}].${field}: ${what} as webhooks[${first}] (one entry per endpoint; list its events together)`);
  });
  return channels;
}

function isSmtpUrl(value: string): boolean {
  try {
    return ['smtp:', 'smtps:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
