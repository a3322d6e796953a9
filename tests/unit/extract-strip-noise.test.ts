import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripNoise } from '../../src/extract/strip-noise.js';

const load = (n: number): string => `<!DOCTYPE html><html><head>
<meta name="csrf-token" content="ajax:${n}1234"><meta name="treeID" content="tree${n}">
<script nonce="n${n}">window.data = {"requestId":"r-${n}","ts":${1758200000000 + n}};</script>
<style nonce="n${n}">.a{}</style></head>
<body><!-- served by host-${n} at ${n} -->
<a href="https://www.linkedin.com/legal/privacy-policy?trk=nav_${n}&amp;lipi=urn%3Ali%3A${n}">Privacy</a>
<a href="https://www.linkedin.com/help?lang=en&trackingId=${n}abc">Help</a>
<div id="ember${n}" class="ember-view" data-request-id="${n}" data-timestamp="${n}">
<form><input type="hidden" name="csrfToken" value="${n}"></form>
<p>Effective November 3, 2025</p></div>
<code style="display: none" id="bpr-guid-${n}">{"x":${n}}</code></body></html>`;

describe('stripNoise()', () => {
  it('gives identical output for two loads that differ only in nonces, tokens, tracking and scripts', () => {
    expect(stripNoise(load(1))).toBe(stripNoise(load(2)));
  });

  it('keeps the content and the URLs without their tracking parameters', () => {
    const out = stripNoise(load(1));
    expect(out).toContain('Effective November 3, 2025');
    expect(out).toContain('href="https://www.linkedin.com/legal/privacy-policy"');
    expect(out).toContain('href="https://www.linkedin.com/help?lang=en"');
    expect(out).not.toMatch(/nonce|csrf|trk=|lipi=|trackingId|requestId|ember1/i);
  });

  it('gives different output when the content changes', () => {
    expect(stripNoise(load(1))).not.toBe(stripNoise(load(1).replace('November 3, 2025', 'November 4, 2025')));
  });

  it('treats a real fixture reloaded with new nonces and tracking ids as unchanged', () => {
    const html = readFileSync(join(import.meta.dirname, '../fixtures/pages/linkedin-privacy-policy/2025-11-03.html'), 'utf8');
    const reloaded = html
      .replace(/nonce="[^"]*"/g, 'nonce="zz99"')
      .replace(/trk=[^&"]*/g, 'trk=other')
      .replace(/"requestId":"[^"]*"/g, '"requestId":"other"')
      .replace(/content="ajax:[^"]*"/g, 'content="ajax:other"');
    expect(stripNoise(reloaded)).toBe(stripNoise(html));
  });
});
