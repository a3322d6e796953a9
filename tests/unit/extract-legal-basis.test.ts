import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract-facts.js';
import { gdprArticleBases } from '../../src/extract/legal-basis/gdpr-article-bases.js';
import { LEGAL_BASIS_WORDS } from '../../src/extract/legal-basis/legal-basis-words.js';
import { basisColumns } from '../../src/extract/legal-basis/basis-columns.js';
import { basisTags } from '../../src/extract/legal-basis/basis-tags.js';
import { tableRuns } from '../../src/extract/table-runs.js';
import type { Block } from '../../src/extract/page-blocks.js';

const points = (text: string, lang: 'en' | 'fr' = 'en') => gdprArticleBases(text, LEGAL_BASIS_WORDS[lang].gdprArticle).map((b) => b.basis);

describe('GDPR Art. 6(1) points', () => {
  it('reads each cited point as its basis, whichever way the article is written', () => {
    expect(points('We rely on Article 6(1)(b) GDPR.')).toEqual(['contract']);
    expect(points('See Art. 6.1.f of the GDPR.')).toEqual(['legitimate-interests']);
    expect(points('Processing under Art. 6 para. 1 sentence 1 lit. a GDPR.')).toEqual(['consent']);
    expect(points('Based on Art. 6 (1) b GDPR.')).toEqual(['contract']);
    expect(points('This rests on point (c) of Article 6(1).')).toEqual(['legal-obligation']);
  });

  it('reads every point of a list of points', () => {
    expect(points('We rely on Article 6(1)(a), (b) and (f) GDPR.')).toEqual(['consent', 'contract', 'legitimate-interests']);
  });

  it('reads the French ways of citing a point', () => {
    expect(points("conformément à l'article 6, paragraphe 1, point b) du RGPD", 'fr')).toEqual(['contract']);
    expect(points("sur le fondement de l'article 6, paragraphe 1, alinéa (f) du RGPD", 'fr')).toEqual(['legitimate-interests']);
    expect(points('art. 6.1.c RGPD', 'fr')).toEqual(['legal-obligation']);
    expect(points("le point a) de l'article 6, paragraphe 1", 'fr')).toEqual(['consent']);
  });

  it('gives nothing for vital interests, a public task, another article or an English article after the number', () => {
    expect(points('Article 6(1)(d) and (e) GDPR may apply.')).toEqual([]);
    expect(points('Article 9(2)(a) GDPR applies to health data.')).toEqual([]);
    expect(points('Under Article 6(1) a controller must have a basis.')).toEqual([]);
  });
});

const row = (text: string, leadIn: number | null): Block => ({ kind: 'row', text, level: 0, area: 'main', listId: 1, leadIn });
const item = (text: string, leadIn: number): Block => ({ kind: 'item', text, level: 1, area: 'main', listId: 2, leadIn });
const heading = (text: string): Block => ({ kind: 'heading', text, level: 2, area: 'main', listId: null, leadIn: null });

describe('basis columns', () => {
  const en = [LEGAL_BASIS_WORDS.en];

  it('reads only the column whose header asks for the basis, and marks its rows as read through it', () => {
    const blocks = [heading('Uses'), row('Purpose | Data | Legal basis', 0), row('Renewals | Contract number | Legitimate interests', 0), row('Offers | E-mail | Consent', 0)];
    const { cells, headedRows } = basisColumns(blocks, tableRuns(blocks), en);
    expect([...cells.entries()]).toEqual([[2, ['Legitimate interests']], [3, ['Consent']]]);
    expect([...headedRows].sort()).toEqual([1, 2, 3]);
  });

  it('takes a column with no header for one only when every row names a basis and it names two different ones', () => {
    const blocks = [heading('Uses'), row('Billing | Performance of a contract', 0), row('Security | Legitimate interests', 0)];
    expect([...basisColumns(blocks, tableRuns(blocks), en).cells.keys()]).toEqual([1, 2]);
  });

  it('does not take a retention column for a basis column', () => {
    const blocks = [heading('Retention'), row('Information | How long we keep it', 0), row('Orders | Until the end of your contract', 0), row('Invoices | As long as legal obligations require', 0)];
    expect(basisColumns(blocks, tableRuns(blocks), en).cells.size).toBe(0);
  });
});

describe('bases tagged in parentheses', () => {
  const words = LEGAL_BASIS_WORDS.en;
  const basesIn = (text: string) => words.legalBases.flatMap(([re, basis]) => {
    const m = re.exec(text);
    return m ? [{ basis, index: m.index }] : [];
  });
  const rights = (text: string) => words.rightsCue.test(text);

  it('reads the tags of a list whose items name at least two different bases', () => {
    const blocks = [heading('Why we use your data'), item('To run your account (performance of a contract)', 0), item('To stop fraud (legitimate interests)', 0)];
    const tags = basisTags(blocks, tableRuns(blocks), basesIn, rights);
    expect([...tags.values()].flat().map((t) => t.basis)).toEqual(['contract', 'legitimate-interests']);
  });

  it('does not read a lone "(with your consent)" as a statement of bases', () => {
    const blocks = [heading('How we use it'), item('To send delivery updates', 0), item('To tell you about offers (with your consent)', 0)];
    expect(basisTags(blocks, tableRuns(blocks), basesIn, rights).size).toBe(0);
  });
});

const page = (main: string, lang = 'en') =>
  `<html lang="${lang}"><head><title>Privacy Policy | Acme</title></head><body><main><h1>Privacy Policy</h1>${main}</main></body></html>`;
const bases = (main: string, lang = 'en') => extractFacts(page(main, lang)).document.facts.legalBasis;

describe('lawful bases by meaning', () => {
  it('reads a list under a heading about the grounds of processing, contract said as a need to provide the service', () => {
    expect(bases('<h2>Grounds for processing</h2><p>We process your information where:</p><ul><li>we need it to provide the service you signed up for;</li><li>you have given your consent.</li></ul>'))
      .toEqual(['consent', 'contract']);
  });

  it('reads "Why we can do this:" lines as statements of bases', () => {
    expect(bases('<h2>Bookings</h2><p>Why we can do this: we have to use it to deliver the order you placed.</p>')).toEqual(['contract']);
  });

  it('does not read a need to provide the service outside a section of bases', () => {
    expect(bases('<p>We need your address to deliver your order.</p><p>We have reasonable grounds to suspect fraud in some cases.</p>')).toBeNull();
  });

  it('does not read a point cited in a sentence about a right', () => {
    expect(bases('<p>You have the right to data portability where we rely on Article 6(1)(b) GDPR.</p>')).toBeNull();
  });

  it('reads a French list under "Sur quels fondements"', () => {
    expect(bases("<h2>Sur quels fondements traitons-nous vos données ?</h2><ul><li>C'est nécessaire pour fournir le service que vous avez commandé ;</li><li>Nous devons respecter une obligation légale.</li></ul>", 'fr'))
      .toEqual(['contract', 'legal-obligation']);
  });
});
