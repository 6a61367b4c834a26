/**
 * CSV as RFC 4180 writes it and Excel reads it: UTF-8 with a byte-order mark (without one, Excel
 * opens UTF-8 as the machine's code page and "Université" reads "UniversitÃ©"), CRLF line ends,
 * and a field quoted when it holds a comma, a quote, a line break or leading or trailing spaces,
 * its quotes doubled. A text that opens like a formula gets a leading apostrophe, as Excel's own text prefix.
 */

export type CsvValue = string | number | null | undefined;

const BOM = '\uFEFF';

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // A text a spreadsheet would run as a formula (=, +, -, @ first: "CSV injection") is kept as text.
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row, then one row per record. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `${BOM}${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
