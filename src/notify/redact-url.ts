/**
 * A webhook URL fit for logs and output: scheme, host and port only. Slack and Discord webhook
 * URLs carry their token in the path, so the path and query are never shown.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const hidden = parsed.pathname !== '/' || parsed.search !== '' ? '/…' : '';
    return `${parsed.protocol}//${parsed.host}${hidden}`;
  } catch {
    return '(invalid url)';
  }
}
