import { z } from 'zod';
import type { SourceKind } from '../domain/facts.js';
import type { Selector, Source } from '../domain/source.js';
import { cssSelector, rangeSelector } from './filter-schema.js';
import { unsupportedFilters } from './ota-filters.js';
import { tryParse } from './parse-with.js';

/**
 * Open Terms Archive service declarations (`{"name", "terms": {"<terms type>": {...}}}`, see
 * https://docs.opentermsarchive.org/terms/reference/) turned into our sources: each terms type
 * is one source, each page of a `combine` one source. The service id is the file name, as in OTA.
 * A declaration is someone else's file: what cannot be used (a terms type, or the whole
 * declaration) is skipped with its reason, never a failure of the config.
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

const documentFields = {
  select: otaSelectors.optional(),
  remove: otaSelectors.optional(),
  /** Never run (see ota-filters.ts): any shape is read, for its names. */
  filter: z.unknown().optional(),
  executeClientScripts: z.boolean().optional(),
};
/** Loose: a key we do not know (a newer OTA feature) is a warning, not a skip. */
const pageSchema = z.looseObject({ fetch: httpUrl, ...documentFields });
const termsSchema = z.looseObject({ fetch: httpUrl.optional(), combine: z.array(pageSchema).min(1).optional(), ...documentFields })
  .superRefine((terms, ctx) => {
    if ((terms.fetch === undefined) === (terms.combine === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'expected either "fetch" (one page) or "combine" (a list of pages)' });
    }
  });
/** The declaration's frame; each terms type is checked on its own so that one bad type skips only itself. */
const termsRecord = z.record(z.string(), z.unknown(), { error: 'expected an object of terms types' });
const declarationSchema = z.looseObject({
  name: z.string({ error: 'expected the service name' }).min(1, { error: 'expected the service name' }),
  terms: termsRecord.optional(),
  /** The name of `terms` before OTA engine v1. */
  documents: termsRecord.optional(),
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

/** What of a declaration was not used: one terms type, or the whole declaration (`terms` null). */
export interface OtaSkip {
  terms: string | null;
  reason: string;
}

export interface OtaSources {
  sources: Source[];
  /** Where each source is declared, e.g. `terms["Privacy Policy"].combine[1]` (parallel to `sources`). */
  fields: string[];
  /** The terms type of each source (parallel to `sources`). */
  types: string[];
  /** One line per source about what is not supported (never silently dropped), and one per skip. */
  warnings: string[];
  skipped: OtaSkip[];
}

/** The warning of a skipped terms type (or of the whole declaration when `terms` is null). */
export function skipWarning(origin: string, skip: OtaSkip): string {
  return skip.terms === null
    ? `${origin}: declaration skipped: ${skip.reason}`
    : `${origin}: terms type "${skip.terms}" skipped: ${skip.reason}`;
}

/**
 * The sources of one declaration. `serviceId` is OTA's service id (the file name without
 * `.json`); `origin` names the file in messages. Never throws: what cannot be used is skipped.
 */
export function otaDeclarationSources(value: unknown, serviceId: string, origin: string): OtaSources {
  const out: OtaSources = { sources: [], fields: [], types: [], warnings: [], skipped: [] };
  const skip = (terms: string | null, reason: string) => {
    out.skipped.push({ terms, reason });
    out.warnings.push(skipWarning(origin, { terms, reason }));
  };
  const parsed = tryParse(declarationSchema, value, '', 'not a declaration: ');
  if (!parsed.ok) {
    skip(null, parsed.problems);
    return out;
  }
  const declaration = parsed.data;
  const service = slugify(serviceId);
  if (!service) {
    skip(null, 'the file name gives no service id (expected letters or digits, e.g. "Acme.json")');
    return out;
  }
  const unknownTop = Object.keys(declaration).filter((key) => !KNOWN_DECLARATION_KEYS.has(key));
  if (unknownTop.length > 0) out.warnings.push(`${origin}: unknown key${unknownTop.length > 1 ? 's' : ''} ${unknownTop.map((k) => `"${k}"`).join(', ')} ignored`);

  const allTerms = { ...declaration.documents, ...declaration.terms };
  const field = declaration.terms ? 'terms' : 'documents';
  if (Object.keys(allTerms).length === 0) skip(null, `no terms types in "${field}"`);
  for (const [type, raw] of Object.entries(allTerms)) {
    const typeSlug = slugify(type);
    if (!typeSlug) {
      skip(type, 'a terms type needs letters or digits');
      continue;
    }
    const checked = tryParse(termsSchema, raw);
    if (!checked.ok) {
      skip(type, checked.problems);
      continue;
    }
    const terms = checked.data;
    const base = { kind: otaKind(type), name: `${declaration.name} ${type}` };
    const id = `${service}-${typeSlug}`;
    const at = `${field}[${JSON.stringify(type)}]`;
    const add = (source: Source, where: string, what: string[]) => {
      out.sources.push(source);
      out.fields.push(where);
      out.types.push(type);
      pushWarning(out.warnings, origin, where, source.id, what);
    };
    if (terms.fetch !== undefined) {
      add(toSource({ id, url: terms.fetch, ...base }, terms), at, unsupported(terms, KNOWN_TERMS_KEYS));
      continue;
    }
    const pages = terms.combine!;
    const ids = pageIds(id, pages);
    pages.forEach((page, i) => {
      // Shared select/remove/filter apply to every page unless the page gives its own.
      const merged = { ...pick(terms), ...stripUndefined(page) } as Page;
      const source = toSource({ id: ids[i]!, url: page.fetch, ...base, name: `${base.name} (page ${i + 1} of ${pages.length})` }, merged);
      add(source, `${at}.combine[${i}]`, [...unsupported(merged, KNOWN_PAGE_KEYS), ...unknownKeys(terms, KNOWN_TERMS_KEYS)]);
    });
  }
  return out;
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

function toSource(source: Source, doc: Pick<Terms, 'select' | 'remove' | 'executeClientScripts'>): Source {
  // OTA runs a page's scripts in a browser when asked; so do we, with `render`.
  if (doc.executeClientScripts === true) source.render = true;
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
  const filters = unsupportedFilters(doc.filter);
  if (filters.length > 0) {
    out.push(`filter ${filters.join(', ')} (OTA filter functions are not run; add "remove" or "ignore" for the noise they cleaned)`);
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
