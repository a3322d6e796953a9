import { createRequire } from 'node:module';

type SelectFn = (selector: string, root: unknown) => unknown;
interface SelectorParser { select: SelectFn; root: unknown }

let parser: SelectorParser | null = null;

/**
 * Loads cheerio's own selector engine (cheerio-select, ~20 ms) the first time a selector is
 * checked, so a config without selectors costs nothing. It is resolved from cheerio's folder
 * (cheerio is our dependency, cheerio-select only its dependency) so it is found in any install.
 */
function load(): SelectorParser {
  if (parser) return parser;
  const fromHere = createRequire(import.meta.url);
  const fromCheerio = createRequire(fromHere.resolve('cheerio'));
  const { select } = fromCheerio('cheerio-select') as { select: SelectFn };
  const { parseDocument } = fromCheerio('htmlparser2') as { parseDocument: (html: string) => unknown };
  parser = { select, root: parseDocument('') };
  return parser;
}

/**
 * Why `selector` is not a CSS selector cheerio can apply (including its `:contains`, `:first`,
 * `:eq()` extensions), or null when it is one.
 */
export function cssSelectorError(selector: string): string | null {
  if (selector.trim() === '') return 'empty selector';
  const { select, root } = load();
  try {
    select(selector, root);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
