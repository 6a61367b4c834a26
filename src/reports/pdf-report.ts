import PDFDocument from 'pdfkit';
import type { ReportFigures } from '../domain/report-figures.js';
import { formatReportPeriod } from '../i18n/format.js';
import { catalogue } from '../i18n/index.js';
import type { ReportLang } from './record-tables.js';

export interface PdfOptions {
  lang: ReportLang;
  now: Date;
  timeZone: string;
}

export async function reportPdf(figures: ReportFigures, options: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: catalogue('en').report.title(formatReportPeriod(figures.period, 'en')), CreationDate: options.now } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text(catalogue('en').report.title(formatReportPeriod(figures.period, 'en')));
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
