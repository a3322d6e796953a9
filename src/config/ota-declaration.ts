import { z } from 'zod';
import type { SourceKind } from '../domain/facts.js';
import type { Selector, Source } from '../domain/source.js';
import { UsageError } from '../domain/errors.js';
import { cssSelector, rangeSelector } from './filter-schema.js';
import { parseWith } from './parse-with.js';

/**
 * Open Terms Archive service declarations (`{"name", "terms": {"<terms type>": {...}}}`, see
 * https://docs.opentermsarchive.org/terms/reference/) turned into our sources: each terms type
 * is one source, each page of a `combine` one source. The service id is the file name, as in OTA.
 */

const httpUrl = z.string().refine((value) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, { message: 'expected an http(s) URL' });

const otaSelector = z.union([cssSelector, rangeSelector], {
  error: 'expected a CSS selector or a range selector {startBefore|startAfter, endBefore|endAfter}',
});
/** OTA takes one selector or a list of them for both `select` and `remove`. */
const otaSelectors = z.union([otaSelector, z.array(otaSelector).min(1)], {
  error: 'expected a CSS selector, a range selector or a non-empty list of them',
});
/** Filter function names; newer engines also take `{ "name", "params" }`. */
const otaFilters = z.array(z.union([z.string().min(1), z.looseObject({ name: z.string().min(1) })]));

const documentFields = {
  select: otaSelectors.optional(),
  remove: otaSelectors.optional(),
  filter: otaFilters.optional(),
  executeClientScripts: z.boolean().optional(),
};
/** Loose: a key we do not know (a newer OTA feature) is a warning, not a failure of the folder. */
const pageSchema = z.looseObject({ fetch: httpUrl, ...documentFields });
const termsSchema = z.looseObject({ fetch: httpUrl.optional(), combine: z.array(pageSchema).min(1).optional(), ...documentFields })
  .superRefine((terms, ctx) => {
    if ((terms.fetch === undefined) === (terms.combine === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'expected either "fetch" (one page) or "combine" (a list of pages)' });
    }
  });
const declarationSchema = z.looseObject({
  name: z.string().min(1),
  terms: z.record(z.string().min(1), termsSchema).optional(),
  /** The name of `terms` before OTA engine v1. */
  documents: z.record(z.string().min(1), termsSchema).optional(),
}).superRefine((declaration, ctx) => {
  if (!declaration.terms && !declaration.documents) ctx.addIssue({ code: 'custom', path: ['terms'], message: 'expected the service\'s terms: {"Privacy Policy": {"fetch": ...}}' });
});

type Terms = z.infer<typeof termsSchema>;
type Page = z.infer<typeof pageSchema>;
type OtaSelectors = z.infer<typeof otaSelectors>;

const KNOWN_DECLARATION_KEYS = new Set(['name', 'terms', 'documents', '$schema']);
const KNOWN_TERMS_KEYS = new Set(['fetch', 'combine', 'select', 'remove', 'filter', 'executeClientScripts']);
const KNOWN_PAGE_KEYS = new Set(['fetch', 'select', 'remove', 'filter', 'executeClientScripts']);

/** OTA's terms types (github.com/OpenTermsArchive/terms-types) on our kinds; the rest are `other-policy`. */
const KIND_OF_TYPE: Record<string, SourceKind> = {
  'Privacy Policy': 'privacy-policy',
  'Business Privacy Policy': 'privacy-policy',
  'Trackers Policy': 'privacy-policy',
  'Data Controller Agreement': 'privacy-policy',
  'Data Processor Agreement': 'privacy-policy',
  'User Consent Policy': 'privacy-policy',
  'Terms of Service': 'user-agreement',
  'Acceptable Use Policy': 'user-agreement',
  'Restricted Use Policy': 'user-agreement',
  'Community Guidelines': 'user-agreement',
  'Commercial Terms': 'user-agreement',
  'Developer Terms': 'user-agreement',
  'In-App Purchases Policy': 'user-agreement',
  'Seller Warranty': 'user-agreement',
  'Single Sign-On Policy': 'user-agreement',
  'Live Policy': 'user-agreement',
  'Conditions of Carriage': 'user-agreement',
  'General Conditions of Sale': 'user-agreement',
  'Marketplace Buyers Conditions': 'user-agreement',
  'Marketplace Sellers Conditions': 'user-agreement',
  'Premium Partner Conditions': 'user-agreement',
};

/** The kind of an OTA terms type: from the table, else guessed from its words. */
export function otaKind(type: string): SourceKind {
  const known = KIND_OF_TYPE[type];
  if (known) return known;
  if (/privacy|cookie|tracker|personal data/i.test(type)) return 'privacy-policy';
  if (/terms|conditions|agreement|acceptable use/i.test(type)) return 'user-agreement';
  return 'other-policy';
}

/** Lower-case letters, digits and "-": "Open Terms Archive" → "open-terms-archive", "Société" → "societe". */
export function slugify(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Whether a parsed JSON file is an OTA declaration rather than one of our packs. */
export function isOtaDeclaration(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return !('sources' in value) && ('terms' in value || 'documents' in value);
}

export interface OtaSources {
  sources: Source[];
  /** Where each source is declared, e.g. `terms["Privacy Policy"].combine[1]` (parallel to `sources`). */
  fields: string[];
  /** One line per source about what is not supported (never silently dropped). */
  warnings: string[];
}

/**
 * The sources of one declaration. `serviceId` is OTA's service id (the file name without
 * `.json`); `origin` names the file in messages. Throws UsageError naming the file and field.
 */
export function otaDeclarationSources(value: unknown, serviceId: string, origin: string): OtaSources {
  const declaration = parseWith(declarationSchema, value, origin);
  const service = slugify(serviceId);
  if (!service) throw new UsageError(`invalid config ${origin}: the file name gives no service id (expected letters or digits, e.g. "Acme.json")`);
  const sources: Source[] = [];
  const fields: string[] = [];
  const warnings: string[] = [];
  const unknownTop = Object.keys(declaration).filter((key) => !KNOWN_DECLARATION_KEYS.has(key));
  if (unknownTop.length > 0) warnings.push(`${origin}: unknown key${unknownTop.length > 1 ? 's' : ''} ${unknownTop.map((k) => `"${k}"`).join(', ')} ignored`);

  const allTerms = { ...declaration.documents, ...declaration.terms } as Record<string, Terms>;
  const field = declaration.terms ? 'terms' : 'documents';
  for (const [type, terms] of Object.entries(allTerms)) {
    const typeSlug = slugify(type);
    if (!typeSlug) throw new UsageError(`invalid config ${origin}: ${field}["${type}"]: a terms type needs letters or digits`);
    const base = { kind: otaKind(type), name: `${declaration.name} ${type}` };
    const id = `${service}-${typeSlug}`;
    const at = `${field}["${type}"]`;
    if (terms.fetch !== undefined) {
      const source = toSource({ id, url: terms.fetch, ...base }, terms);
      sources.push(source);
      fields.push(at);
      pushWarning(warnings, origin, at, source.id, unsupported(terms, KNOWN_TERMS_KEYS));
      continue;
    }
    const pages = terms.combine!;
    const ids = pageIds(id, pages);
    pages.forEach((page, i) => {
      // Shared select/remove/filter apply to every page unless the page gives its own.
      const merged = { ...pick(terms), ...stripUndefined(page) } as Page;
      const source = toSource({ id: ids[i]!, url: page.fetch, ...base, name: `${base.name} (page ${i + 1} of ${pages.length})` }, merged);
      sources.push(source);
      fields.push(`${at}.combine[${i}]`);
      pushWarning(warnings, origin, `${at}.combine[${i}]`, source.id,
        [...unsupported(merged, KNOWN_PAGE_KEYS), ...unknownKeys(terms, KNOWN_TERMS_KEYS)]);
    });
  }
  return { sources, fields, warnings };
}

/** One id per page: `<service>-<type>-<last path segment>`, else its position when that is ambiguous. */
function pageIds(base: string, pages: readonly Page[]): string[] {
  const slugs = pages.map((page) => {
    const url = new URL(page.fetch);
    const segment = url.pathname.split('/').filter(Boolean).at(-1)?.replace(/\.[a-z0-9]+$/i, '') ?? '';
    return slugify(segment);
  });
  return slugs.map((slug, i) => (slug && slugs.indexOf(slug) === slugs.lastIndexOf(slug) ? `${base}-${slug}` : `${base}-${i + 1}`));
}

function toSource(source: Source, doc: Pick<Terms, 'select' | 'remove'>): Source {
  if (doc.select !== undefined) source.select = typeof doc.select === 'string' ? doc.select : asList(doc.select);
  if (doc.remove !== undefined) source.remove = asList(doc.remove);
  return source;
}

function asList(selectors: OtaSelectors): Selector[] {
  return Array.isArray(selectors) ? selectors : [selectors];
}

function pick(terms: Terms): Partial<Page> {
  const { select, remove, filter, executeClientScripts } = terms;
  return stripUndefined({ select, remove, filter, executeClientScripts });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What the document asks for that we do not do, as short phrases. */
function unsupported(doc: Record<string, unknown>, known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (doc.executeClientScripts === true) out.push('executeClientScripts (the page is read as served, its scripts are not run)');
  const filters = (doc.filter as (string | { name: string })[] | undefined) ?? [];
  if (filters.length > 0) {
    const names = filters.map((f) => (typeof f === 'string' ? f : f.name));
    out.push(`filter ${names.join(', ')} (OTA filter functions are not run; add "remove" or "ignore" for the noise they cleaned)`);
  }
  out.push(...unknownKeys(doc, known));
  return out;
}

function unknownKeys(doc: Record<string, unknown>, known: ReadonlySet<string>): string[] {
  const keys = Object.keys(doc).filter((key) => !known.has(key));
  return keys.length > 0 ? [`unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} ignored`] : [];
}

function pushWarning(warnings: string[], origin: string, at: string, id: string, what: string[]): void {
  if (what.length > 0) warnings.push(`${origin}: ${at} (source ${id}): not supported: ${what.join('; ')}`);
}
