import { TRACKING_PARAM } from '../domain/tracking-params.js';

/** Attribute names whose values change on every load (ids of the request, tokens, clocks). */
const VOLATILE_ATTR =
  /\s(?:nonce|integrity|data-[\w-]*?(?:nonce|csrf|token|request|req-id|trace|tracking|trk|impression|instance|session|timestamp|time|rid|uuid|view-id|page-key|li-page-instance)[\w-]*)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;
const VOLATILE_META =
  /<meta\b[^>]*\b(?:name|property|http-equiv)\s*=\s*["']?(?:[\w:.-]*(?:csrf|token|request|instance|trace|treeid|tracking|session|nonce|clientsideingraphs|lnkd-track)[\w:.-]*)["']?[^>]*>/gi;
const URL_ATTR = /(\s(?:href|src|action|content|data-[\w-]+|value)\s*=\s*)("[^"]*"|'[^']*')/gi;
const TRACKING_PAIR = /([?&]|&amp;)([\w.-]+)=[^&"'#\s<>]*/g;

function cleanQuery(value: string): string {
  if (!value.includes('?')) return value;
  let out = value.replace(TRACKING_PAIR, (pair, sep: string, name: string) => (TRACKING_PARAM.test(name) ? sep : pair));
  // Tidy the separators the removals left behind.
  out = out.replace(/\?(?:&(?:amp;)?|(?:&amp;))+/g, '?').replace(/(?:&amp;|&){2,}/g, '&');
  out = out.replace(/(?:&amp;|&)+(?=["'#]|$)/g, '').replace(/\?(?=["'#]|$)/g, '');
  return out;
}

/**
 * The page with per-load noise removed, for a cheap "did the bytes change" hash without a DOM
 * parse: scripts, styles, comments, nonces, CSRF tokens, request ids, timestamps in data
 * attributes, hidden inputs, Ember view ids and tracking query parameters. Two loads of the same
 * page that differ only in such noise give identical output.
 */
export function stripNoise(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<noscript\b[\s\S]*?<\/noscript\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<code\b[^>]*style\s*=\s*["']?\s*display\s*:\s*none[^>]*>[\s\S]*?<\/code\s*>/gi, '')
    .replace(/<input\b[^>]*type\s*=\s*["']?hidden[^>]*>/gi, '')
    .replace(VOLATILE_META, '')
    .replace(/<link\b[^>]*rel\s*=\s*["']?(?:preload|modulepreload|prefetch|dns-prefetch|preconnect)[^>]*>/gi, '')
    .replace(VOLATILE_ATTR, '')
    .replace(/\sid\s*=\s*["']?ember\d+["']?/gi, '')
    .replace(URL_ATTR, (_all, name: string, quoted: string) => `${name}${quoted[0]}${cleanQuery(quoted.slice(1, -1))}${quoted[0]}`)
    .replace(/(?! )\s+| \s+/g, ' ') // same as /\s+/g → ' ', without rewriting lone spaces
    .replace(/>\s+</g, '><')
    .trim();
}
