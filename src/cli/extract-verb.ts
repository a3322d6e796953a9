import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { SOURCE_KINDS, FACT_NAMES, type SourceKind, type FactsDocument } from '../domain/facts.js';
import { UsageError } from '../domain/errors.js';
import { factsNotReadNote, LANGUAGE_CHOICES, type LanguageChoice } from '../domain/languages.js';
import { configOf, printJson } from './cli-context.js';
import { formatFactValue } from '../notify/summarize-fact-changes.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';

interface ExtractOpts { url?: string; kind?: string; lang: string; json?: boolean; select: string[]; remove: string[]; ignore: string[] }

const repeat = (value: string, previous: string[]) => [...previous, value];

/** `extract`: facts of files or URLs, without the database; all inputs in one process. */
export function registerExtractVerb(program: Command): void {
  program.command('extract')
    .description('extract the policy facts of pages (files or URLs) without touching the database')
    .argument('<file-or-url...>', 'HTML or PDF files, or http(s) URLs')
    .option('--url <url>', 'the URL to report for file inputs')
    .option('--kind <kind>', `the page kind (${SOURCE_KINDS.join(', ')})`)
    .option('--lang <lang>', LANGUAGE_CHOICES.join(', ').replace(/, (?=[^,]*$)/, ' or '), 'auto')
    .option('--select <css>', 'CSS selector of the main content (repeat: joined in order)', repeat, [])
    .option('--remove <css>', 'CSS selector of content to drop before reading (repeatable)', repeat, [])
    .option('--ignore <regex>', 'regular expression of text to drop from every line (repeatable)', repeat, [])
    .option('--json', 'print one Facts document per input, one per line, in input order')
    .action(async (inputs: string[], opts: ExtractOpts, command: Command) => {
      if (opts.kind && !SOURCE_KINDS.includes(opts.kind as SourceKind)) {
        throw new UsageError(`invalid --kind "${opts.kind}": expected one of ${SOURCE_KINDS.join(', ')}`);
      }
      if (!(LANGUAGE_CHOICES as readonly string[]).includes(opts.lang)) {
        throw new UsageError(`invalid --lang "${opts.lang}": expected ${LANGUAGE_CHOICES.join(', ').replace(/, (?=[^,]*$)/, ' or ')}`);
      }
      const isUrl = (input: string) => /^https?:\/\//i.test(input);
      for (const input of inputs) {
        if (isUrl(input)) continue;
        if (!existsSync(input)) throw new UsageError(`no such file: ${input}`);
        if (statSync(input).isDirectory()) throw new UsageError(`${input} is a folder: give the files in it (e.g. ${input}/*.html)`);
      }
      const { compileFilters, FilterError } = await import('../extract/compile-filters.js');
      const filterOptions = {
        ...(opts.select.length > 0 ? { select: opts.select } : {}), remove: opts.remove, ignore: opts.ignore,
      };
      let filters;
      try {
        filters = compileFilters(filterOptions, '--');
      } catch (error) {
        if (error instanceof FilterError) throw new UsageError(error.message.replace(/^--(\w+)\[\d+\]/, '--$1'));
        throw error;
      }
      const bodies = new Map<string, string | Buffer>();
      const failures = new Map<string, string>();
      const urls = inputs.filter(isUrl);
      if (urls.length > 0) {
        const config = configOf(command);
        const { fetchPages } = await import('../crawl/fetch-pages.js');
        await fetchPages([...new Set(urls)].map((url) => ({ key: url, url })), {
          ...config.fetch, userAgent: config.userAgent,
          onPage: (page) => {
            const body = page.pdf ?? page.body;
            if (page.outcome === 'ok' && body != null) bodies.set(page.key, body);
            else failures.set(page.key, page.reason ?? page.outcome);
          },
        });
      }
      const { extractFacts } = await import('../extract/extract-facts.js');
      const { readBody } = await import('../extract/read-pdf.js');
      let failed = 0;
      for (const input of inputs) {
        const bytes = isUrl(input) ? bodies.get(input) : await readFile(input);
        if (bytes === undefined) {
          failed++;
          process.stderr.write(`policy-watch: cannot fetch ${input}: ${failures.get(input) ?? 'no answer'}\n`);
          if (opts.json) printJson({ url: input, error: failures.get(input) ?? 'no answer' });
          continue;
        }
        let body: string;
        try {
          body = await readBody(bytes);
        } catch (error) {
          failed++;
          process.stderr.write(`policy-watch: cannot read ${input}: ${(error as Error).message}\n`);
          if (opts.json) printJson({ url: input, error: (error as Error).message });
          continue;
        }
        const { document, page } = extractFacts(body, {
          url: isUrl(input) ? input : opts.url ?? null,
          kind: (opts.kind as SourceKind | undefined) ?? null,
          language: opts.lang as LanguageChoice,
          filters,
        });
        if (opts.json) printJson({ ...document, extractorVersion: EXTRACTOR_VERSION });
        else printSummary(input, document, page.signInWall, page.errorPage);
      }
      if (failed > 0) process.exitCode = 1;
    });
}

function printSummary(input: string, doc: FactsDocument, signInWall: boolean, errorPage: string | null): void {
  console.log(`${input}: ${doc.title ?? '(no title)'} [${doc.language}${doc.kind ? `, ${doc.kind}` : ''}]`);
  if (signInWall) console.log('  this is a sign-in wall, not the page');
  if (errorPage !== null) console.log(`  this is an ${errorPage}, not the document`);
  const notRead = factsNotReadNote(doc.language);
  if (notRead !== null) console.log(`  ${notRead}`);
  const stated = FACT_NAMES.filter((name) => doc.facts[name] !== null);
  if (stated.length === 0) console.log('  (no fact stated)');
  for (const name of stated) {
    const evidence = doc.evidence[name];
    console.log(`  ${name.padEnd(22)} ${formatFactValue(doc.facts[name], name)}${evidence ? `   ← "${evidence.length > 90 ? `${evidence.slice(0, 87)}…` : evidence}"` : ''}`);
  }
  console.log('');
}
