import { describe, expect, it } from 'vitest';
import { canonicalUrl, discoverLinks, globToRegExp, postSourceId } from '../../src/crawl/discover-links.js';

const INDEX = `<html><body>
<nav><a href="/blog/member/trust-and-safety?trk=nav">Trust</a> <a href="/legal/privacy-policy">Privacy</a></nav>
<main>
  <article><a href="/blog/member/trust-and-safety/updates-to-our-terms?trk=blog_card&lipi=abc">Updates to our terms</a></article>
  <article><a href="https://www.linkedin.com/blog/member/trust-and-safety/updates-to-our-terms?trk=other">Same post, other tracking</a></article>
  <article><a href="/blog/member/trust-and-safety/ai-data-faq/">AI data FAQ</a></article>
  <article><a href="https://evil.example.com/blog/member/trust-and-safety/phish">Elsewhere</a></article>
  <article><a href="/blog/member/trust-and-safety/2025/nested/post">Nested</a></article>
</main>
<a href="/blog/member/trust-and-safety?page=2&trk=pager">Next</a>
</body></html>`;

describe('blog link discovery', () => {
  it('keeps same-host links matching the follow pattern, once each, without tracking parameters', () => {
    const { posts } = discoverLinks(INDEX, 'https://www.linkedin.com/blog/member/trust-and-safety', ['/blog/member/trust-and-safety/*']);
    expect(posts).toEqual([
      'https://www.linkedin.com/blog/member/trust-and-safety/updates-to-our-terms',
      'https://www.linkedin.com/blog/member/trust-and-safety/ai-data-faq',
    ]);
  });

  it('follows nested paths only with **', () => {
    const { posts } = discoverLinks(INDEX, 'https://www.linkedin.com/blog/member/trust-and-safety', ['/blog/member/trust-and-safety/**']);
    expect(posts).toContain('https://www.linkedin.com/blog/member/trust-and-safety/2025/nested/post');
  });

  it('finds the next page of the index', () => {
    const { next } = discoverLinks(INDEX, 'https://www.linkedin.com/blog/member/trust-and-safety', ['/x/*']);
    expect(next).toBe('https://www.linkedin.com/blog/member/trust-and-safety?page=2');
  });

  it('makes an id-safe post id from the slug', () => {
    expect(postSourceId('linkedin-blog-trust', 'https://www.linkedin.com/blog/member/trust-and-safety/Updates_To-Our%20Terms')).toBe('linkedin-blog-trust/updates_to-our-terms');
  });

  it('strips tracking parameters but keeps meaningful ones', () => {
    expect(canonicalUrl('/help?trk=a&utm_source=b&id=7#top', 'https://www.linkedin.com/')).toBe('https://www.linkedin.com/help?id=7');
    expect(canonicalUrl('javascript:alert(1)', 'https://www.linkedin.com/')).toBeNull();
  });

  it('matches * within one path segment only', () => {
    expect(globToRegExp('/blog/*').test('/blog/post')).toBe(true);
    expect(globToRegExp('/blog/*').test('/blog/a/b')).toBe(false);
  });
});
