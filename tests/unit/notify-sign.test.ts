import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/notify/sign.js';

const body = '{"event":"test","deliveryId":"d-1"}';

describe('signBody()', () => {
  it('returns sha256= and the hex HMAC-SHA256 of the raw body', () => {
    const expected = createHmac('sha256', 's3cret').update(body).digest('hex');
    expect(signBody(body, 's3cret')).toBe(`sha256=${expected}`);
  });

  it('signs UTF-8 bodies by their bytes', () => {
    const text = '{"summary":"effectiveDate 2024-09-18 → 2025-11-03"}';
    const expected = createHmac('sha256', 'k').update(Buffer.from(text, 'utf8')).digest('hex');
    expect(signBody(text, 'k')).toBe(`sha256=${expected}`);
  });
});

describe('verifySignature()', () => {
  it('accepts the signature of the same body and secret', () => {
    expect(verifySignature(body, 's3cret', signBody(body, 's3cret'))).toBe(true);
  });

  it('accepts an upper-case hex signature', () => {
    const header = signBody(body, 's3cret');
    expect(verifySignature(body, 's3cret', `sha256=${header.slice(7).toUpperCase()}`)).toBe(true);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifySignature(body, 's3cret', signBody(body, 'other'))).toBe(false);
  });

  it('rejects a body changed by one character', () => {
    expect(verifySignature(`${body} `, 's3cret', signBody(body, 's3cret'))).toBe(false);
  });

  it('rejects a missing, unprefixed, short or non-hex header without throwing', () => {
    const hex = signBody(body, 's3cret').slice(7);
    for (const header of [undefined, null, '', hex, 'sha256=abc', `sha1=${hex}`, `sha256=${'z'.repeat(64)}`]) {
      expect(verifySignature(body, 's3cret', header)).toBe(false);
    }
  });
});
