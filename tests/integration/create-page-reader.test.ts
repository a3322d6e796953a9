import { describe, expect, it } from 'vitest';
import { privacyPolicyPage } from '../helpers/linkedin-pages.js';
import { readSourcePage } from '../../src/pipeline/read-source-page.js';
import type { Source } from '../../src/domain/source.js';

// Worker threads run compiled code: the reader is taken from dist/ (built by the global setup).
const { createPageReader } = await import(new URL('../../dist/pipeline/create-page-reader.js', import.meta.url).href) as typeof import('../../src/pipeline/create-page-reader.js');

describe('reading stored pages on worker threads', () => {
  it('reads pages in workers exactly as in this thread', async () => {
    const source: Source = { id: 'privacy', url: 'https://www.linkedin.com/legal/privacy-policy', kind: 'privacy-policy' };
    const pages = ['November 20, 2024', 'November 3, 2025', 'March 1, 2026'].map((effective) => privacyPolicyPage({ effective }));
    const reader = createPageReader({ pages: pages.length, workers: 2, minPagesForWorkers: 0 });
    try {
      expect(reader.concurrency).toBe(2);
      const inWorkers = await Promise.all(pages.map((page) => reader.read(source, page)));
      const inline = await Promise.all(pages.map((page) => readSourcePage(source, page)));
      expect(inWorkers).toEqual(inline);
      expect(inWorkers.map((r) => (r.kind === 'read' ? r.document.facts.effectiveDate : null))).toEqual(['2024-11-20', '2025-11-03', '2026-03-01']);
    } finally {
      await reader.close();
    }
  });
});
