const cache = new WeakMap<RegExp, RegExp>();

/** The same pattern with the `g` flag, for `matchAll`; built once per pattern. */
export function globalOf(re: RegExp): RegExp {
  let g = cache.get(re);
  if (g === undefined) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    cache.set(re, g);
  }
  return g;
}
