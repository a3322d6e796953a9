import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/read-page.js';
import { compileFilters, FilterError } from '../../src/extract/compile-filters.js';

const page = `<!DOCTYPE html><html lang="en"><head><title>Terms | Quillpost</title></head><body>
<main>
  <div class="intro"><h1>Quillpost Terms</h1><p>Written by the Quillpost legal team</p><p class="views">Viewed 1,002 times</p></div>
  <section id="part-a"><h2>A. Accounts</h2><p>You keep your password secret and tell us when someone else uses your account.</p></section>
  <div class="promo"><p>Try Quillpost Premium free for a month!</p></div>
  <section id="part-b"><h2>B. Content</h2><p>Your posts stay yours; you give us the licence we need to show them to readers.</p></section>
  <h2 id="annex">Annex</h2><p>Fees are listed on the pricing page and may change with thirty days' notice.</p><p>Taxes are added where the law requires them.</p>
  <h2 id="end">Contact</h2><p>Write to legal@quillpost.example.</p>
</main></body></html>`;

describe('select', () => {
  it('joins the matches of a list of selectors in the order given', () => {
    const { text, mainFound } = readPage(page, { select: ['#part-b', '#part-a'] });
    expect(mainFound).toBe(true);
    expect(text).toBe('B. Content\nYour posts stay yours; you give us the licence we need to show them to readers.\nA. Accounts\nYou keep your password secret and tell us when someone else uses your account.');
  });

  it('reads every match of one selector', () => {
    expect(readPage(page, { select: 'section' }).text.split('\n').filter((l) => /^[AB]\./.test(l))).toEqual(['A. Accounts', 'B. Content']);
  });

  it('reads an Open Terms Archive range from startBefore to endBefore', () => {
    const { text } = readPage(page, { select: [{ startBefore: '#annex', endBefore: '#end' }] });
    expect(text).toBe("Annex\nFees are listed on the pricing page and may change with thirty days' notice.\nTaxes are added where the law requires them.");
  });

  it('reads a range from startAfter to endAfter, and a range joined with a selector', () => {
    const { text } = readPage(page, { select: ['.intro h1', { startAfter: '#annex', endAfter: '#end' }] });
    expect(text).toBe("Quillpost Terms\nFees are listed on the pricing page and may change with thirty days' notice.\nTaxes are added where the law requires them.\nContact");
  });

  it('reads a range that starts inside one section and ends inside another, without the parts outside it', () => {
    const { text } = readPage(page, { select: [{ startAfter: '#part-a h2', endBefore: '#part-b p' }] });
    expect(text).toBe('You keep your password secret and tell us when someone else uses your account.\nTry Quillpost Premium free for a month!\nB. Content');
  });

  it('reports mainFound false when a range end is missing', () => {
    expect(readPage(page, { select: [{ startBefore: '#annex', endBefore: '#nowhere' }] }).mainFound).toBe(false);
  });
});

describe('select and announcements', () => {
  it('still puts an announcement banner found outside the selection first', () => {
    const announced = page.replace('<main>', "<div class=\"notice\">We're updating our Terms on June 1, 2026.</div><main>");
    expect(readPage(announced, { select: ['#part-a'] }).text.split('\n')[0]).toBe("We're updating our Terms on June 1, 2026.");
  });
});

describe('remove', () => {
  it('drops the matches of selectors and ranges before reading', () => {
    const { text } = readPage(page, { remove: ['.promo', { startBefore: '#annex', endBefore: '#end' }] });
    expect(text).not.toContain('Premium');
    expect(text).not.toContain('Fees are listed');
    expect(text).toContain('Write to legal@quillpost.example.');
    expect(text).toContain('B. Content');
  });

  it('applies before select', () => {
    const { text } = readPage(page, { select: 'main', remove: ['.views', '#part-a'] });
    expect(text).not.toContain('Viewed');
    expect(text).not.toContain('A. Accounts');
  });
});

describe('ignore', () => {
  it('drops the matching text from the lines, so a view counter is no text change', () => {
    const read = (views: string) => readPage(page.replace('Viewed 1,002 times', `Viewed ${views} times`), { ignore: ['viewed [0-9,]+ times'] }).text;
    expect(read('1,002')).toBe(read('48,311'));
    expect(read('1,002')).not.toMatch(/viewed/i);
  });

  it('keeps the rest of a line that only partly matches', () => {
    const { text } = readPage(page, { ignore: ['^Written by '] });
    expect(text).toContain('\nthe Quillpost legal team\n');
  });
});

describe('compileFilters()', () => {
  it.each([
    [{ select: '[broken' }, 'select'],
    [{ select: ['main', 'p:nonsense(1)'] }, 'select[1]'],
    [{ select: [{ startBefore: '#a' }] }, 'select[0]'],
    [{ select: [{ startBefore: '#a', startAfter: '#b', endBefore: '#c' }] }, 'select[0]'],
    [{ remove: [{ startBefore: '#a', endAfter: '((' }] }, 'remove[0].endAfter'],
    [{ ignore: ['viewed (['] }, 'ignore[0]'],
    [{ ignore: ['.*'] }, 'ignore[0]'],
  ])('refuses %j naming %s', (filters, field) => {
    let error: unknown;
    try {
      compileFilters(filters as never, 'sources[3].');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FilterError);
    expect((error as FilterError).field).toBe(`sources[3].${field}`);
    expect((error as FilterError).message).toMatch(new RegExp(`^sources\\[3\\]\\.${field.replace(/[[\].]/g, '\\$&')}: `));
  });

  it('accepts a selector, a list with ranges, selectors to remove and patterns to ignore', () => {
    const filters = compileFilters({ select: ['main', { startBefore: 'h2', endBefore: 'footer' }], remove: ['.promo'], ignore: ['viewed \\d+ times'] });
    expect(filters.select).toHaveLength(2);
    expect(filters.ignore[0]!.test('Viewed 12 times')).toBe(true);
  });
});
