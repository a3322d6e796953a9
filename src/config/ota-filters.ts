/**
 * What policy-watch makes of an Open Terms Archive `filter` list. OTA runs each entry as code
 * on the page (built-in filters since engine 7.2, and the collection's `<service>.filters.js`);
 * policy-watch runs none of them, so each is either harmless to skip or worth a warning.
 * An entry is a function name (`"removeSessionIds"`), a built-in filter with its parameters
 * (`{"removeQueryParams": ["utm_source"]}`), or `{"name", "params"}`.
 */

/**
 * Built-in filters whose work never reaches our text: `removeQueryParams` rewrites link and image
 * targets, and the reader keeps no link target (URLs written in the text lose their tracking
 * parameters anyway).
 */
const HARMLESS = new Set(['removeQueryParams']);

/** The names of the filters in `filter` that policy-watch does not do the work of, in order. */
export function unsupportedFilters(filter: unknown): string[] {
  if (filter === undefined) return [];
  const entries = Array.isArray(filter) ? filter : [filter];
  const names = entries.flatMap(filterNames);
  return [...new Set(names)].filter((name) => !HARMLESS.has(name));
}

function filterNames(entry: unknown): string[] {
  if (typeof entry === 'string') return entry.trim() === '' ? [] : [entry];
  if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
    const named = (entry as { name?: unknown }).name;
    if (typeof named === 'string' && named !== '') return [named];
    const keys = Object.keys(entry);
    return keys.length > 0 ? keys : ['(an empty filter)'];
  }
  return [`(a filter written as ${JSON.stringify(entry)})`];
}
