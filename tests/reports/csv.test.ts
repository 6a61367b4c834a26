import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../src/reports/csv.js';

/** Reads CSV back as RFC 4180 says, to check that what is written reads as what was meant. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 1);
    else field += c;
  }
  return rows;
}

describe('CSV', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and leaves plain text alone', () => {
    expect(csvField('Université de Sherbrooke')).toBe('Université de Sherbrooke');
    expect(csvField('Technum Québec, AmCham')).toBe('"Technum Québec, AmCham"');
    expect(csvField('the “MOU” and "the plan"')).toBe('"the “MOU” and ""the plan"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('keeps a text that opens like a formula as text', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+1 555')).toBe("'+1 555");
  });

  it('writes a BOM, a header row and CRLF rows that read back as the values given', () => {
    const rows = [
      ['c2mi', 'C2MI, Bromont', 'Le « centre », dit-il\n"collaboratif"'],
      ['main-d-oeuvre', 'Main-d’œuvre', ''],
    ];
    const text = csvText(['id', 'name', 'note'], rows);
    expect(text.startsWith('\uFEFFid,name,note\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([['id', 'name', 'note'], ...rows]);
  });
});
