import { PolicyWatchError } from '../domain/errors.js';
import type { OutboxEvent } from './outbox-event.js';
import type { FormatName, PayloadFormat } from './payload-format.js';
import { jsonFormat } from './format-json.js';
import { slackFormat } from './format-slack.js';
import { discordFormat } from './format-discord.js';
import { teamsFormat } from './format-teams.js';
import { ntfyFormat } from './format-ntfy.js';
import { emailFormat } from './format-email.js';

/** A table of payload formats by name; registering a name twice is a programming error. */
export class FormatRegistry {
  readonly #formats = new Map<string, PayloadFormat>();

  constructor(formats: readonly PayloadFormat[] = []) {
    for (const format of formats) this.register(format);
  }

  register(format: PayloadFormat): void {
    if (this.#formats.has(format.name)) {
      throw new PolicyWatchError('format-duplicate', `payload format "${format.name}" is registered twice`);
    }
    this.#formats.set(format.name, format);
  }

  get(name: string): PayloadFormat {
    const format = this.#formats.get(name);
    if (!format) {
      const known = [...this.#formats.keys()].join(', ');
      throw new PolicyWatchError('format-unknown', `unknown webhook format "${name}" (known: ${known})`);
    }
    return format;
  }

  names(): string[] {
    return [...this.#formats.keys()];
  }
}

/** Every format a webhook's `format` may name. */
export const FORMATS = new FormatRegistry([
  jsonFormat, slackFormat, discordFormat,
  teamsFormat, ntfyFormat, emailFormat,
]);

/** The exact body string that is stored, signed and sent for one webhook. */
export function renderBody(format: FormatName, event: OutboxEvent, deliveryId: string): string {
  return JSON.stringify(FORMATS.get(format).render(event, deliveryId));
}
