import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { SOURCE_KINDS, FACT_NAMES, type SourceKind, type FactsDocument } from '../domain/facts.js';
import { UsageError } from '../domain/errors.js';
import { configOf, printJson } from './cli-context.js';
import { formatFactValue } from '../notify/summarize-fact-changes.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';

interface ExtractOpts { url?: string; kind?: string; lang: string; json?: boolean; select?: string }

/** `extract`: facts of files or URLs, without the database; all inputs in one process. */
export function registerExtractVerb(program: Command): void {
  program.command('extract')
    .description('extract the policy facts of pages (files or URLs) without touching the database')
    .argument('<file-or-url...>', 'HTML files or http(s) URLs')
    .option('--url <url>', 'the URL to report for file inputs')
    .option('--kind <kind>', `the page kind (${SOURCE_KINDS.join(', ')})`)
    .option('--lang <lang>', 'en, fr or auto', 'auto')
    .option('--select <css>', 'CSS selector of the main content')
    .option('--json', 'print one Facts document per input, one per line, in input order')
    .action(async (inputs: string[], opts: ExtractOpts, command: Command) => {
      if (opts.kind && !SOURCE_KINDS.includes(opts.kind as SourceKind)) {
        throw new UsageError(`invalid --kind "${opts.kind}": expected one of ${SOURCE_KINDS.join(', ')}`);
      }
      if (!['en', 'fr', 'auto'].includes(opts.lang)) throw new UsageError(`invalid --lang "${opts.lang}": expected en, fr or auto`);
      const isUrl = (input: string) => /^https?:\/\//i.test(input);
      for (const input of inputs) {
        if (!isUrl(input) && !existsSync(input)) throw new UsageError(`no such file: ${input}`);
      }
      const bodies = new Map<string, string>();
      const failures = new Map<string, string>();
      const urls = inputs.filter(isUrl);
      if (urls.length > 0) {
        const config = configOf(command);
        const { fetchPages } = await import('../crawl/fetch-pages.js');
        await fetchPages([...new Set(urls)].map((url) => ({ key: url, url })), {
          ...config.fetch, userAgent: config.userAgent,
          onPage: (page) => {
            if (page.outcome === 'ok' && page.body !== null) bodies.set(page.key, page.body);
            else failures.set(page.key, page.reason ?? page.outcome);
          },
        });
      }
      const { extractFacts } = await import('../extract/extract-facts.js');
      let failed = 0;
      for (const input of inputs) {
        const body = isUrl(input) ? bodies.get(input) : await readFile(input, 'utf8');
        if (body === undefined) {
          failed++;
          process.stderr.write(`policy-watch: cannot fetch ${input}: ${failures.get(input) ?? 'no answer'}\n`);
          if (opts.json) printJson({ url: input, error: failures.get(input) ?? 'no answer' });
          continue;
        }
        const { document, page } = extractFacts(body, {
          url: isUrl(input) ? input : opts.url ?? null,
          kind: (opts.kind as SourceKind | undefined) ?? null,
          language: opts.lang as 'en' | 'fr' | 'auto',
          select: opts.select,
        });
        if (opts.json) printJson({ ...document, extractorVersion: EXTRACTOR_VERSION });
        else printSummary(input, document, page.signInWall);
      }
      if (failed > 0) process.exitCode = 1;
    });
}

function printSummary(input: string, doc: FactsDocument, signInWall: boolean): void {
  console.log(`${input}: ${doc.title ?? '(no title)'} [${doc.language}${doc.kind ? `, ${doc.kind}` : ''}]`);
  if (signInWall) console.log('  this is a sign-in wall, not the page');
  const stated = FACT_NAMES.filter((name) => doc.facts[name] !== null);
  if (stated.length === 0) console.log('  (no fact stated)');
  for (const name of stated) {
    const evidence = doc.evidence[name];
    console.log(`  ${name.padEnd(22)} ${formatFactValue(doc.facts[name], name)}${evidence ? `   ← "${evidence.length > 90 ? `${evidence.slice(0, 87)}…` : evidence}"` : ''}`);
  }
  console.log('');
}
