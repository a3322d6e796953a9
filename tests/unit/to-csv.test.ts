import { describe, expect, it } from 'vitest';
import { csvField, toCsvRecord } from '../../src/store/to-csv.js';

describe('toCsvRecord()', () => {
  it('ends a record in CRLF and leaves plain fields bare', () => {
    expect(toCsvRecord(['a', 1, true, null])).toBe('a,1,true,\r\n');
  });

  it('quotes fields holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('prefixes text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+33 1 23')).toBe("'+33 1 23");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
  });
});
