import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/** The `X-Policy-Watch-Signature` value of a raw body: `sha256=<hex HMAC-SHA256>`. */
export function signBody(body: string, secret: string): string {
  return PREFIX + createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/**
 * Whether `header` is the signature of `body` with `secret`. Receivers should call this on the
 * raw request body, before parsing it. Compares in constant time.
 */
export function verifySignature(body: string, secret: string, header: string | null | undefined): boolean {
  if (typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const given = header.slice(PREFIX.length).trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = signBody(body, secret).slice(PREFIX.length);
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'));
}
