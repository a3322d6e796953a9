import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../domain/errors.js';
import { DEFAULT_CONFIG_FILE } from '../config/load-config.js';
import type { GlobalOptions } from './cli-context.js';

/** The starter config: the shipped LinkedIn pack, and one webhook to fill in. */
export const STARTER_CONFIG = {
  database: 'policy-watch.db',
  schedule: '0 */6 * * *',
  timezone: 'UTC',
  include: ['builtin:linkedin'],
  sources: [],
  webhooks: [
    {
      url: 'https://hooks.example.com/policy-watch',
      secret: 'env:POLICY_WATCH_WEBHOOK_SECRET',
      events: ['facts.changed', 'announcement.detected', 'announcement.due', 'source.failing', 'source.recovered', 'source.discovered'],
      format: 'json',
    },
  ],
  api: { host: '127.0.0.1', port: 8787 },
};

/** `init`: writes a starter policy-watch.config.json (or `--config FILE`, or $POLICY_WATCH_CONFIG), never over an existing file. */
export function registerInitVerb(program: Command): void {
  program.command('init')
    .description(`write a starter ${DEFAULT_CONFIG_FILE} (the LinkedIn pack and a webhook to fill in); never overwrites one`)
    .action((_opts: unknown, command: Command) => {
      const flag = command.optsWithGlobals<GlobalOptions>().config;
      const target = resolve(flag || process.env.POLICY_WATCH_CONFIG || DEFAULT_CONFIG_FILE);
      // The next steps must read the file just written: a --config file is not found by default.
      const withConfig = flag && resolve(flag) !== resolve(DEFAULT_CONFIG_FILE) ? ` --config ${shellWord(flag)}` : '';
      if (existsSync(target)) {
        throw new UsageError(`${target} already exists: init never overwrites a config (edit it, or run policy-watch validate to check it)`);
      }
      try {
        writeFileSync(target, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`, { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${target} already exists: init never overwrites a config`);
        throw new UsageError(`cannot write ${target}: ${code ?? (error as Error).message}`);
      }
      console.log(`Wrote ${target}: the LinkedIn pack ("include": ["builtin:linkedin"]) and one webhook to fill in.`);
      console.log('Next:');
      console.log('  1. set webhooks[0].url to your endpoint (or remove the entry), and export POLICY_WATCH_WEBHOOK_SECRET');
      console.log(`  2. policy-watch validate${withConfig}`);
      console.log(`  3. policy-watch check${withConfig}        (the first check records a baseline; later ones report changes)`);
      console.log(`  4. policy-watch run${withConfig}          (the daemon: checks on the schedule, alerts, serves http://127.0.0.1:8787/)`);
    });
}

/** A path as one shell word (quoted when it holds anything but plain path characters). */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
