/**
 * One CSV record (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled,
 * records end in CRLF. Text a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) is prefixed with `'`, so an exported page quote can never execute in Excel or Calc.
 */
export function toCsvRecord(fields: readonly (string | number | boolean | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
