import type { Config } from '../domain/config.js';
import { UsageError } from '../domain/errors.js';

/** `serve` and `run`: an `api.token` from an unset variable would serve without the auth asked for. */
export function requireApiToken(config: Config): void {
  const ref = config.api.tokenRef;
  if (config.api.token === null && ref) {
    throw new UsageError(`invalid config ${config.origin}: api.token: environment variable ${ref.slice(4)} is not set (the API needs it; set it, or remove api.token to serve without auth)`);
  }
}

/** `webhooks test`: each channel tried must have the secrets it signs or sends with. */
export function requireChannelSecrets(config: Config, urls: readonly string[]): void {
  config.webhooks.forEach((hook, i) => {
    if (!urls.includes(hook.url)) return;
    if (hook.secret === null && hook.secretRef) {
      throw new UsageError(`invalid config ${config.origin}: webhooks[${i}].secret: environment variable ${hook.secretRef.slice(4)} is not set`);
    }
    if (hook.format === 'email' && !hook.smtpUrl && hook.smtpUrlRef) {
      throw new UsageError(`invalid config ${config.origin}: webhooks[${i}].smtpUrl: environment variable ${hook.smtpUrlRef.slice(4)} is not set`);
    }
  });
}
