/**
 * A webhook URL fit for logs and output: scheme, host and port only. Slack and Discord webhook
 * URLs carry their token in the path, so the path and query are never shown. An e-mail channel's
 * `mailto:<recipients>` holds no secret (its SMTP URL is never in it) and is shown as it is: it
 * is the only way to tell two e-mail channels apart.
 */
export function redactUrl(url: string): string {
  if (/^mailto:[^/?#]+$/i.test(url)) return url;
  try {
    const parsed = new URL(url);
    const hidden = parsed.pathname !== '/' || parsed.search !== '' ? '/…' : '';
    return `${parsed.protocol}//${parsed.host}${hidden}`;
  } catch {
    return '(invalid url)';
  }
}
