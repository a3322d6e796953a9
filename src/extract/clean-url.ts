import { TRACKING_PARAM } from '../domain/tracking-params.js';

/** Removes tracking parameters from one URL, keeping everything else byte for byte. */
export function stripTrackingParams(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hashAt = url.indexOf('#', q);
  const base = url.slice(0, q);
  const query = url.slice(q + 1, hashAt < 0 ? undefined : hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const kept = query
    .split(/&(?:amp;)?/)
    .filter((pair) => pair !== '' && !TRACKING_PARAM.test(pair.split('=')[0] ?? ''));
  return kept.length > 0 ? `${base}?${kept.join('&')}${hash}` : `${base}${hash}`;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'()]+/g;

/** Cleans every URL written out in a text. */
export function cleanUrlsInText(text: string): string {
  return text.includes('?') ? text.replace(URL_IN_TEXT, stripTrackingParams) : text;
}
