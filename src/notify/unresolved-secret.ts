import type { WebhookConfig } from '../domain/config.js';

/**
 * Why a channel cannot be used yet: its `env:` secret (or e-mail SMTP URL) was not set when the
 * config was loaded. Null when it has all it needs. Sending unsigned instead would be wrong.
 */
export function unresolvedSecret(webhook: WebhookConfig): string | null {
  if (webhook.secret === null && webhook.secretRef) return `secret ${webhook.secretRef} is not set`;
  if (webhook.format === 'email' && !webhook.smtpUrl && webhook.smtpUrlRef) return `smtpUrl ${webhook.smtpUrlRef} is not set`;
  return null;
}
