import type ExcelJS from 'exceljs';
import { catalogue } from '../i18n/index.js';
import { RECORD_KINDS, recordTable, say, type RecordKind, type RecordTable, type ReportLang, type TableRecords } from './record-tables.js';
import type { Audience } from '../domain/permissions.js';

/** Excel's limit on a sheet's name. */
const SHEET_NAME_MAX = 31;

/** `corridor.xlsx`: one sheet per record kind, the same columns and rows as its CSV file, the header frozen. */
export async function workbookBytes(records: TableRecords, lang: ReportLang, audience: Audience): Promise<Buffer> {
  // ExcelJS is large: loaded when a workbook is made, not when the bot starts.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'corridor-bot';
  for (const kind of RECORD_KINDS) addSheet(workbook, kind, recordTable(kind, records, lang, audience), lang);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, kind: RecordKind, { header, rows }: RecordTable, lang: ReportLang): void {
  // Excel refuses / in a sheet's name, and more than 31 characters: the French name alone then.
  const joined = say(lang, (t) => t.report.sheets[kind], ' – ');
  const name = joined.length <= SHEET_NAME_MAX ? joined : catalogue(lang === 'en' ? 'en' : 'fr').report.sheets[kind];
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((value) => value ?? null));
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(header[index]?.length ?? 0, ...rows.map((row) => String(row[index] ?? '').length));
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
}
