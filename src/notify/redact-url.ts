/**
 * A webhook URL fit for logs and output: scheme, host, port and the path's plain words, enough to
 * tell two endpoints on one host apart (`https://hooks.example.com/legal`, `.../press`). Slack,
 * Discord and Teams URLs carry their token in the path: a segment that could be a token (one with
 * a digit, beyond a short `v2`, or a long one) is shown as `…`, and a query as `?…`; user info is
 * never shown. An e-mail channel's `mailto:<recipients>` holds no secret (its SMTP URL is never in
 * it) and is shown as it is: it is the only way to tell two e-mail channels apart.
 */
export function redactUrl(url: string): string {
  if (/^mailto:[^/?#]+$/i.test(url)) return url;
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname.split('/').map(redactSegment).join('/');
    return `${parsed.protocol}//${parsed.host}${path}${parsed.search === '' ? '' : '?…'}`;
  } catch {
    return '(invalid url)';
  }
}

/** Longest segment shown: Slack's token is 24 characters, Discord's far longer. */
const MAX_SHOWN_LENGTH = 20;

function redactSegment(segment: string): string {
  if (segment === '') return segment;
  const wordy = /^[A-Za-z][A-Za-z._~-]*$/.test(segment) && segment.length <= MAX_SHOWN_LENGTH;
  const shortVersion = /^v\d{1,2}$/i.test(segment);
  return wordy || shortVersion ? segment : '…';
}
