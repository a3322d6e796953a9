import type { CheerioAPI } from 'cheerio';
import type { Block } from './page-blocks.js';
import { normalizeSpace } from './dom.js';

/** Host labels that name no operator ("www.", "policies.", country suffixes). */
const GENERIC_LABELS = new Set([
  'www', 'm', 'help', 'support', 'legal', 'policies', 'policy', 'privacy', 'about', 'docs', 'en', 'fr',
  'com', 'org', 'net', 'io', 'co', 'uk', 'de', 'eu', 'app', 'blog', 'news', 'terms', 'static',
]);
const TITLE_SEPARATOR = /\s+[|–—-]\s+|\s*[|–—]\s*/;
// `Acme Inc. ("Acme", "we", "us")`: the short name a page defines for itself.
const SELF_DEFINITION = /["“]([\p{Lu}][\p{L}\p{N}.&+' -]{0,30})["”]\s*,?\s*(?:or\s+)?["“](?:we|us|our|nous)["”]/gu;
const TOP_BLOCKS = 40;

function hostNames(url: string | null): string[] {
  if (url === null) return [];
  try {
    return new URL(url).hostname.split('.').filter((label) => label.length > 1 && !GENERIC_LABELS.has(label));
  } catch {
    return [];
  }
}

/**
 * The names the page's own operator goes by: the configured service name, the site name and
 * the last part of `<title>`, the host's labels, and the short name the page defines for itself.
 * A party by one of these names is the service, never a third party.
 */
export function selfNames($: CheerioAPI, blocks: readonly Block[], url: string | null, serviceName?: string | null): string[] {
  const names = new Set<string>();
  const add = (name: string | undefined | null): void => {
    const n = normalizeSpace(name ?? '').toLowerCase();
    if (n.length >= 2 && n.length <= 40) names.add(n);
  };
  add(serviceName);
  add($('meta[property="og:site_name"]').attr('content'));
  add($('meta[name="application-name"]').attr('content'));
  const title = normalizeSpace($('title').first().text());
  const parts = title.split(TITLE_SEPARATOR).filter((p) => p !== '');
  if (parts.length > 1) add(parts.at(-1));
  for (const label of hostNames(url)) add(label);
  for (const block of blocks.slice(0, TOP_BLOCKS)) {
    for (const m of block.text.matchAll(SELF_DEFINITION)) add(m[1]);
  }
  return [...names];
}

/** Whether a provider (its id and the words it was named with) is one of the page's own names. */
export function isSelf(provider: string, namedAs: string, names: readonly string[]): boolean {
  const said = namedAs.toLowerCase();
  return names.some((name) => {
    const first = name.split(/[\s.]+/)[0]!;
    return provider === name || provider === first || said.includes(name) || (first.length >= 3 && said.startsWith(first));
  });
}
