import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { DeclarationSummary } from '../domain/config.js';
import type { Source } from '../domain/source.js';
import { UsageError } from '../domain/errors.js';
import { packSchema, type ConfigFile } from './config-schema.js';
import { BUILT_IN_PREFIX, builtInPackNames, builtInPackPath, builtInSources } from './built-in-sources.js';
import { isOtaDeclaration, otaDeclarationSources, skipWarning } from './ota-declaration.js';
import { parseWith, readJson, tryReadJson } from './parse-with.js';

export interface CollectedSources {
  sources: Source[];
  warnings: string[];
  /** What `include` read from OTA declarations (null when it read none). */
  declarations: DeclarationSummary | null;
}

/**
 * A source and where it was declared (`sources[2]`, `packs/x.json: sources[0]`, an OTA terms type).
 * `declared`: it comes from an OTA declaration, so a clash skips it instead of failing the config.
 */
interface Placed { source: Source; where: string; urlKey?: string; declared?: { file: string; origin: string; terms: string } }

/**
 * Every configured source: those of `include` (packs, OTA declarations, folders of
 * declarations) in order, then the config's own `sources` (else the built-in ones when nothing
 * is included). Ids are unique, except that a config's own source may refine an included source
 * of the same id and page; two sources on the same page are an error naming both.
 */
export function collectSources(parsed: ConfigFile, baseDir: string, origin: string): CollectedSources {
  const placed: Placed[] = [];
  const warnings: string[] = [];
  const skipped: DeclarationSummary['skipped'] = [];
  let declarationFilesRead = 0;
  parsed.include.forEach((entry, i) => {
    const path = includePath(entry, baseDir, `invalid config ${origin}: include[${i}]`);
    if (!existsSync(path)) throw new UsageError(`invalid config ${origin}: include[${i}]: no such file or folder ${path}`);
    const inFolder = statSync(path).isDirectory();
    const files = inFolder ? declarationFiles(path) : [path];
    if (files.length === 0) throw new UsageError(`invalid config ${origin}: include[${i}]: the folder ${path} holds no .json declarations`);
    for (const file of files) {
      const shown = entry.startsWith(BUILT_IN_PREFIX) ? entry : relative(baseDir, file) || file;
      // A file named in `include` may be the user's own pack: it stays strict. In a folder of
      // someone else's declarations, a file that does not read is skipped.
      const read = inFolder ? tryReadJson(file) : { ok: true as const, data: readJson(file) };
      if (!read.ok) {
        const skip = { terms: null, reason: read.problems };
        skipped.push({ ...skip, file: shown });
        warnings.push(skipWarning(file, skip));
        declarationFilesRead += 1;
        continue;
      }
      const value = read.data;
      if (isOtaDeclaration(value) || (inFolder && !isPack(value))) {
        declarationFilesRead += 1;
        const ota = otaDeclarationSources(value, basename(file, '.json'), file);
        warnings.push(...ota.warnings);
        skipped.push(...ota.skipped.map((skip) => ({ ...skip, file: shown })));
        ota.sources.forEach((source, j) => placed.push({
          source, where: `${shown}: ${ota.fields[j]}`, urlKey: 'fetch', declared: { file: shown, origin: file, terms: ota.types[j]! },
        }));
      } else {
        const pack = parseWith(packSchema, value, file);
        pack.sources.forEach((source, j) => placed.push({ source, where: `${shown}: sources[${j}]` }));
      }
    }
  });
  const own = parsed.sources ?? (parsed.include.length > 0 ? [] : builtInSources());
  const included = placed.length;
  own.forEach((source, i) => {
    // A config's own source with the id and the page of an included one refines it (the
    // contract's example adds filters to packs/linkedin.json's linkedin-privacy-policy): the keys
    // it gives win. The same id on another page is still a duplicate.
    const at = placed.slice(0, included).findIndex((p) => p.source.id === source.id && pageKey(p.source.url) === pageKey(source.url));
    const base = at >= 0 ? placed[at]! : undefined;
    if (!base) {
      placed.push({ source, where: `sources[${i}]` });
      return;
    }
    const merged = base.source.kind === source.kind ? { ...base.source, ...source } : source;
    placed[at] = { source: merged, where: `sources[${i}] (over ${base.where})` };
  });
  const kept = checkSources(placed, origin, (p, reason) => {
    const skip = { terms: p.declared!.terms, reason };
    skipped.push({ ...skip, file: p.declared!.file });
    warnings.push(skipWarning(p.declared!.origin, skip));
  });
  const fromDeclarations = kept.filter((p) => p.declared);
  const declarations = declarationFilesRead === 0 ? null : {
    loaded: new Set(fromDeclarations.map((p) => p.declared!.file)).size,
    sources: fromDeclarations.length,
    skipped,
  };
  return { sources: kept.map((p) => p.source), warnings, declarations };
}

/** Whether a parsed JSON file is one of our packs (`{"sources": [...]}`). */
function isPack(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'sources' in value;
}

/** An `include` entry's path: relative to the config's folder, or a shipped pack (`builtin:linkedin`). */
function includePath(entry: string, baseDir: string, at: string): string {
  if (!entry.startsWith(BUILT_IN_PREFIX)) return resolve(baseDir, entry);
  const name = entry.slice(BUILT_IN_PREFIX.length);
  const path = builtInPackPath(name);
  if (!path) throw new UsageError(`${at}: no built-in pack "${name}" (built-in: ${builtInPackNames().map((n) => BUILT_IN_PREFIX + n).join(', ')})`);
  return path;
}

/**
 * The declarations of a folder: its `*.json` files, sorted, leaving out OTA's
 * `<service>.history.json` (past versions of a declaration) and anything hidden. OTA's
 * `<service>.filters.js` files are code, never run: a declaration naming them gets a warning.
 */
function declarationFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.history.json') && !name.startsWith('.') && name !== 'package.json' && name !== 'package-lock.json')
    .sort()
    .map((name) => join(folder, name))
    .filter((file) => statSync(file).isFile());
}

/**
 * The sources that can be watched together: ids unique, one source per page and filters. A clash
 * is an error naming both, except that a source of an OTA declaration is skipped (`skip` says
 * why) so that someone else's folder always loads. The config's own sources and packs are placed
 * first, so a declaration that clashes with one of them is the one skipped, whatever the order of
 * `include`: a collection pulled later that adds a page the user already watches must not stop
 * the config from loading. The sources keep their order.
 */
function checkSources(placed: readonly Placed[], origin: string, skip: (p: Placed, reason: string) => void): Placed[] {
  const kept = new Set<Placed>();
  const ids = new Map<string, string>();
  const pages = new Map<string, Placed>();
  const ownFirst = [...placed.filter((p) => !p.declared), ...placed.filter((p) => p.declared)];
  for (const p of ownFirst) {
    const { source, where, urlKey = 'url' } = p;
    const first = ids.get(source.id);
    if (first) {
      if (p.declared) {
        skip(p, `its source id "${source.id}" is taken (by ${first})`);
        continue;
      }
      throw new UsageError(`invalid config ${origin}: ${where}.id: duplicate source id "${source.id}" (first at ${first})`);
    }
    if (source.kind === 'blog-post' && source.id.includes('/')) {
      // Ids with a slash are reserved for discovered posts (<blog id>/<slug>).
      throw new UsageError(`invalid config ${origin}: ${where}.id: "/" is reserved for discovered blog posts`);
    }
    for (const key of ['follow', 'maxNewPosts', 'maxPages'] as const) {
      if (source.kind !== 'blog' && source[key] !== undefined) {
        throw new UsageError(`invalid config ${origin}: ${where}.${key}: only "blog" sources follow links`);
      }
    }
    if (source.kind === 'blog' && !source.follow?.length) {
      throw new UsageError(`invalid config ${origin}: ${where}.follow: a "blog" source needs at least one pattern of the posts to follow`);
    }
    // The same page twice alerts twice; the same page read through different filters (OTA
    // declares e.g. a privacy policy and a cookie policy as two ranges of one page) is two documents.
    const page = `${pageKey(source.url)} ${JSON.stringify([source.select ?? null, source.remove ?? null])}`;
    const other = pages.get(page);
    if (other) {
      if (p.declared) {
        skip(p, `same page and filters as "${other.source.id}" (${other.where})`);
        continue;
      }
      throw new UsageError(`invalid config ${origin}: ${where}.${urlKey}: "${source.id}" watches the same page as "${other.source.id}" (${other.where}); keep one of them`);
    }
    ids.set(source.id, where);
    pages.set(page, p);
    kept.add(p);
  }
  return placed.filter((p) => kept.has(p));
}

/** A URL as a page: host case, default port and fragment do not make another page. */
function pageKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
