import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/read-page.js';
import { extractFacts } from '../../src/extract/extract-facts.js';
import { FACT_NAMES } from '../../src/domain/facts.js';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../fixtures/pages', `${name}.html`), 'utf8');

describe('sign-in wall detection', () => {
  it('recognises the authwall "Sign Up | LinkedIn" page', () => {
    expect(readPage(fixture('signin-wall/authwall')).signInWall).toBe(true);
  });

  it('recognises the "LinkedIn Login, Sign in" page with a form posting to /checkpoint', () => {
    expect(readPage(fixture('signin-wall/login')).signInWall).toBe(true);
  });

  it('recognises a French sign-in page by its title', () => {
    const html = '<html lang="fr"><head><title>S’identifier | LinkedIn</title></head><body><main><h1>S’identifier</h1></main></body></html>';
    expect(readPage(html).signInWall).toBe(true);
  });

  it('recognises a thin page whose only content is a login form', () => {
    const html = `<html><head><title>LinkedIn</title></head><body><main><p>Join now to see this page.</p>
      <form action="https://www.linkedin.com/uas/login-submit"><input name="session_key"><input type="password"></form></main></body></html>`;
    expect(readPage(html).signInWall).toBe(true);
  });

  it('does not fire on a policy page that has "Sign in" and "Join now" in its navigation', () => {
    for (const name of ['linkedin-privacy-policy/2025-11-03', 'linkedin-help-genai-faq/2025-10-06', 'linkedin-blog/2025-09-18-terms-update', 'plain-html/privacy-policy-2025-11-03']) {
      expect(readPage(fixture(name)).signInWall, name).toBe(false);
    }
  });

  it('does not fire on a long page that also carries a sign-in modal', () => {
    const policy = fixture('linkedin-privacy-policy/2025-11-03').replace(
      '</main>',
      '</main><div class="modal"><form action="https://www.linkedin.com/uas/login-submit"><input type="password"></form></div>',
    );
    expect(readPage(policy).signInWall).toBe(false);
  });

  it('makes every fact null, with no evidence, on a sign-in wall', () => {
    const { document } = extractFacts(fixture('signin-wall/authwall'));
    for (const fact of FACT_NAMES) expect(document.facts[fact], fact).toBeNull();
    expect(document.evidence).toEqual({});
  });
});
