import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries the token. Both sides are hashed first so the
 * comparison takes the same time whatever the length or content of the guess.
 */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  const given = createHash('sha256').update(match?.[1] ?? '').digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && match !== null;
}
