import { describe, expect, it } from 'vitest';
import { bodyFormat } from '../../src/crawl/fetch-pages.js';

describe('bodyFormat()', () => {
  const html = Buffer.from('<html><body>Terms</body></html>');
  const pdf = Buffer.from('%PDF-1.4\n...');

  it('reads HTML, XHTML, XML and plain text as pages', () => {
    for (const type of ['text/html; charset=utf-8', 'application/xhtml+xml', 'text/plain', 'application/xml', 'TEXT/HTML']) {
      expect(bodyFormat(type, html)).toBe('html');
    }
  });

  it('reads application/pdf as a PDF, and PDF bytes sent without a type or as octet-stream', () => {
    expect(bodyFormat('application/pdf', pdf)).toBe('pdf');
    expect(bodyFormat(null, pdf)).toBe('pdf');
    expect(bodyFormat('application/octet-stream', pdf)).toBe('pdf');
    expect(bodyFormat(null, html)).toBe('html');
  });

  it('refuses other types, and binary bytes sent without a type', () => {
    expect(bodyFormat('application/json', Buffer.from('{}'))).toBe('unsupported');
    expect(bodyFormat('image/png', Buffer.from([0x89, 0x50]))).toBe('unsupported');
    expect(bodyFormat('application/octet-stream', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe('unsupported');
  });
});
