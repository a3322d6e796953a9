import type { SourceKind } from '../domain/facts.js';

const BY_PATH: Array<[RegExp, SourceKind]> = [
  [/\/legal\/(?:[a-z-]+\/)*privacy-policy\b/i, 'privacy-policy'],
  [/\/legal\/(?:[a-z-]+\/)*user-agreement\b/i, 'user-agreement'],
  [/\/legal\/(?:[a-z-]+\/)*(?:regional-privacy-notice|l\/[a-z-]*notice|[a-z-]*-regional-[a-z-]*)/i, 'regional-notice'],
  [/\/help\/[a-z-]+\/answer\//i, 'help-article'],
  [/\/(?:psettings|mypreferences)\b/i, 'settings-page'],
  [/\/blog\/(?:[a-z0-9-]+\/){2,}[a-z0-9-]+\/?(?:[?#].*)?$/i, 'blog-post'],
  [/\/blog\b/i, 'blog'],
];

/** A LinkedIn URL's source kind when the caller did not say; null when the path is unknown. */
export function inferKind(url: string | null | undefined): SourceKind | null {
  if (!url) return null;
  for (const [re, kind] of BY_PATH) if (re.test(url)) return kind;
  return null;
}
