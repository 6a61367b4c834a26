import type { Audience } from '../domain/permissions.js';
import { reportFigures } from '../domain/report-figures.js';
import type { ReportPeriod } from '../domain/report-period.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { csvText } from './csv.js';
import { gatherReportRecords } from './gather-report.js';
import { reportPdf } from './pdf-report.js';
import { RECORD_KINDS, recordTable, type RecordKind, type ReportLang, type TableRecords } from './record-tables.js';
import { reportSummary } from './report-summary.js';
import { workbookBytes } from './workbook.js';

export { RECORD_KINDS, type RecordKind, type ReportLang } from './record-tables.js';

export interface ReportOptions {
  period: ReportPeriod;
  lang: ReportLang;
  /** `public` leaves out everything the public view hides (owners, notes, contact log, lateness). */
  audience: Audience;
  now: Date;
  timeZone: string;
}

export interface ReportFile {
  name: string;
  bytes: Buffer;
}

export interface ReportFiles {
  pdf: ReportFile;
  workbook: { name: 'corridor.xlsx'; bytes: Buffer };
  csv: Record<RecordKind, ReportFile>;
  /** The period in one paragraph, in each language (plain text), for the monthly post. */
  summary: { fr: string; en: string };
}

/** `corridor-report-2026-11.pdf` */
export function reportPdfName(period: Pick<ReportPeriod, 'key'>): string {
  return `corridor-report-${period.key}.pdf`;
}

/** `partners.csv`, `people.csv`, `events.csv`, `action-items.csv` */
export function csvName(kind: RecordKind): string {
  return `${kind}.csv`;
}

/** Every file of a period's report, from the store as it stands (read through CorridorStore only). */
export async function buildReport(store: CorridorStore, options: ReportOptions): Promise<ReportFiles> {
  const records = await gatherReportRecords(store);
  const figures = reportFigures({ ...records, period: options.period, audience: options.audience, now: options.now, timeZone: options.timeZone });
  const csv = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, csvFile(kind, records, options.lang, options.audience)])) as Record<RecordKind, ReportFile>;
  return {
    pdf: { name: reportPdfName(options.period), bytes: await reportPdf(figures, { lang: options.lang, now: options.now, timeZone: options.timeZone }) },
    workbook: { name: 'corridor.xlsx', bytes: await workbookBytes(records, options.lang, options.audience) },
    csv,
    summary: { fr: reportSummary(figures, 'fr'), en: reportSummary(figures, 'en') },
  };
}

/** One record kind as a CSV file, for `/corridor export`: the records as they stand now. */
export async function buildCsv(store: CorridorStore, kind: RecordKind, options: Pick<ReportOptions, 'lang' | 'audience'>): Promise<ReportFile> {
  return csvFile(kind, await gatherReportRecords(store), options.lang, options.audience);
}

function csvFile(kind: RecordKind, records: TableRecords, lang: ReportLang, audience: Audience): ReportFile {
  const { header, rows } = recordTable(kind, records, lang, audience);
  return { name: csvName(kind), bytes: Buffer.from(csvText(header, rows), 'utf8') };
}
