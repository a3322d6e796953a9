import * as cheerio from 'cheerio';
import { TRACKING_PARAM } from '../domain/tracking-params.js';

/** A URL without tracking parameters or fragment; other parameters are kept, sorted. */
export function canonicalUrl(href: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAM.test(key)).sort(([a], [b]) => a.localeCompare(b));
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key, value);
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}

/** `*` matches within one path segment, `**` across segments, `[0-9]` one character of a class; matched against the path. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
      } else {
        out += '[^/]+';
      }
    } else if (ch === '[' && glob.indexOf(']', i + 2) > i) {
      const end = glob.indexOf(']', i + 2);
      out += `[${glob.slice(i + 1, end).replace(/[\\\]^]/g, '\\$&').replace(/^\\\^|^!/, '^')}]`;
      i = end;
    } else if (ch === '?') {
      out += '[^/]';
    } else {
      out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}/?$`);
}

export interface DiscoveredLinks {
  /** Same-host links whose path matches a `follow` pattern, canonical, in page order, unique. */
  posts: string[];
  /** The index's next page, if it has one (rel=next, or a link reading "Next"/"Suivant"/"Older posts"). */
  next: string | null;
}

/** Reads an index page's links: the posts to track and the next page of the index. */
export function discoverLinks(html: string, pageUrl: string, follow: readonly string[]): DiscoveredLinks {
  const $ = cheerio.load(html);
  const host = new URL(pageUrl).host;
  const patterns = follow.map(globToRegExp);
  const posts: string[] = [];
  const seen = new Set<string>();
  $('a[href]').each((_, el) => {
    const url = canonicalUrl($(el).attr('href') ?? '', pageUrl);
    if (!url || seen.has(url)) return;
    const parsed = new URL(url);
    if (parsed.host !== host) return;
    if (!patterns.some((re) => re.test(parsed.pathname))) return;
    seen.add(url);
    posts.push(url);
  });
  let next: string | null = null;
  const relNext = $('link[rel~="next"][href], a[rel~="next"][href]').first().attr('href');
  if (relNext) next = canonicalUrl(relNext, pageUrl);
  if (!next) {
    $('a[href]').each((_, el) => {
      const text = $(el).text().replace(/\s+/g, ' ').trim().toLowerCase();
      const label = ($(el).attr('aria-label') ?? '').toLowerCase();
      if (/^(next|next page|older posts|suivant|page suivante|articles plus anciens)\b/.test(text) || /^next page|^page suivante/.test(label)) {
        next = canonicalUrl($(el).attr('href') ?? '', pageUrl);
        return false;
      }
      return undefined;
    });
  }
  if (next && (new URL(next).host !== host || next === canonicalUrl(pageUrl, pageUrl))) next = null;
  return { posts, next };
}

/** `<blog id>/<slug>`: the slug is the post path's last segment, lower-cased and made id-safe. */
export function postSourceId(blogId: string, postUrl: string): string {
  const path = new URL(postUrl).pathname.replace(/\/+$/, '');
  const last = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1) || 'index');
  const slug = last.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|-+$/g, '').slice(0, 120) || 'post';
  return `${blogId}/${slug}`;
}
