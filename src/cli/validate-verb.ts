import type { Command } from 'commander';
import type { DeclarationSummary } from '../domain/config.js';
import { configOf } from './cli-context.js';
import { findBrowser } from '../crawl/find-browser.js';

/** Hosts of documentation examples: a channel still pointing there was never filled in. */
const PLACEHOLDER_HOST = /(^|\.)example\.(com|org|net)$/i;

/**
 * `validate`: loads the config and everything it includes as every verb does (exit 2 naming the
 * field on the first error), lists all warnings, and what would stop a delivery or the API.
 */
export function registerValidateVerb(program: Command): void {
  program.command('validate')
    .description('check the config and its packs and declarations: exit 0, or 2 naming the bad field')
    .action((_opts: unknown, command: Command) => {
      const config = configOf(command, { allWarnings: true });
      const notes: string[] = [];
      config.webhooks.forEach((hook, i) => {
        if (hook.secret === null && hook.secretRef) notes.push(`webhooks[${i}].secret: environment variable ${hook.secretRef.slice(4)} is not set (deliveries to this channel wait until it is)`);
        if (hook.format === 'email' && !hook.smtpUrl && hook.smtpUrlRef) notes.push(`webhooks[${i}].smtpUrl: environment variable ${hook.smtpUrlRef.slice(4)} is not set (e-mails wait until it is)`);
        if (hook.format !== 'email' && isPlaceholder(hook.url)) notes.push(`webhooks[${i}].url: ${new URL(hook.url).host} is a placeholder: put your endpoint there, or remove the entry`);
      });
      if (config.api.token === null && config.api.tokenRef) notes.push(`api.token: environment variable ${config.api.tokenRef.slice(4)} is not set (serve and run refuse to start without it)`);
      const rendered = config.sources.filter((source) => source.render === true);
      const browser = rendered.length > 0 ? findBrowser({ executablePath: config.browser?.executablePath }) : null;
      if (browser && !browser.found) notes.push(`${rendered.length} source${rendered.length === 1 ? '' : 's'} with render: true (first: ${rendered[0]!.id}) will be errors: ${browser.reason}`);
      for (const note of notes) process.stderr.write(`policy-watch: warning: ${note}\n`);
      const warnings = (config.warnings?.length ?? 0) + notes.length;
      const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
      console.log(`${config.origin}: ok, ${n(config.sources.length, 'source')}, ${n(config.webhooks.length, 'channel')}, ${n(warnings, 'warning')}${declarationSummary(config.declarations ?? null)}`);
    });
}

/** "; 12 sources from 5 declarations; 2 terms skipped: Acme.json "Privacy Policy", Bad.json (whole declaration)". */
function declarationSummary(summary: DeclarationSummary | null): string {
  if (summary === null) return '';
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  let out = `; ${n(summary.sources, 'source')} from ${n(summary.loaded, 'declaration')}`;
  if (summary.skipped.length > 0) {
    const names = summary.skipped.map((s) => (s.terms === null ? `${s.file} (whole declaration)` : `${s.file} "${s.terms}"`));
    out += `; ${n(summary.skipped.length, 'term')} skipped: ${names.join(', ')}`;
  } else {
    out += '; none skipped';
  }
  return out;
}

function isPlaceholder(url: string): boolean {
  try {
    return PLACEHOLDER_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}
