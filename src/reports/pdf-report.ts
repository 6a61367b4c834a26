import { createRequire } from 'node:module';
import { localIsoDate } from '../domain/dates.js';
import type { ReportFigures } from '../domain/report-figures.js';
import { changeGroupLines } from '../i18n/change-words.js';
import { formatDate, formatNumber, formatReportPeriod } from '../i18n/format.js';
import { catalogue, type Lang } from '../i18n/index.js';
import { CHART_FONT, CHART_HEIGHT, CHART_WIDTH, reportCharts } from './charts.js';
import { pdfContactRows, pdfOpenItemRows, pdfPartnerRows, type TableCells } from './pdf-tables.js';
import type { ReportLang } from './record-tables.js';

export interface PdfOptions {
  lang: ReportLang;
  now: Date;
  timeZone: string;
}

/**
 * The report as a PDF of A4 pages: for each language (French, then English, for `both`), a page
 * of headline figures, what changed, the tracks and the sector's figures; a page of charts; the
 * partners table; and in internal copies, the open action items with their owners and the period's contacts. DejaVu Sans is embedded: PDF's standard fonts stop at Latin-1 and would drop
 * « », œ and the non-breaking spaces of French typography.
 */
export async function reportPdf(figures: ReportFigures, options: PdfOptions): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const langs: Lang[] = options.lang === 'both' ? ['fr', 'en'] : [options.lang];
  const title = langs.map((lang) => catalogue(lang).report.title(formatReportPeriod(figures.period, lang))).join(' / ');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: title, Author: 'corridor-bot', CreationDate: options.now, ModDate: options.now },
    lang: langs[0] === 'fr' ? 'fr-CA' : 'en-CA',
  });
  doc.registerFont(BODY, fontFile('DejaVuSans.ttf'));
  doc.registerFont(BOLD, fontFile('DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const pageLangs: Lang[] = [];
  for (const lang of langs) {
    const page = new ReportPage(doc, figures, lang, options);
    const charts = await reportCharts(figures, lang, (text, size, bold) => doc.font(bold ? BOLD : BODY).fontSize(size).widthOfString(text));
    page.overview();
    page.charts(charts);
    page.partners();
    page.coordinators();
    while (pageLangs.length < doc.bufferedPageRange().count) pageLangs.push(lang);
  }
  footers(doc, figures, pageLangs);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const require = createRequire(import.meta.url);
function fontFile(name: string): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${name}`);
}

const MARGIN = 50;
const BODY = 'body';
const BOLD = 'bold';
const INK = '#222222';
const GREY = '#666666';
const ACCENT = '#1f3d6b';
const RULE = '#d5d9e0';
const HEADER_FILL = '#eef2f8';

/** One language's pages. */
class ReportPage {
  private readonly t;
  private readonly width: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly figures: ReportFigures,
    private readonly lang: Lang,
    private readonly options: PdfOptions,
  ) {
    this.t = catalogue(lang);
    this.width = 595.28 - 2 * MARGIN;
  }

  /** Headline figures, what changed, the sector's figures. */
  overview(): void {
    const { doc, t, figures, lang } = this;
    doc.addPage();
    doc.rect(0, 0, doc.page.width, 118).fill(ACCENT);
    doc.fillColor('#ffffff').font(BOLD).fontSize(22).text(t.report.title(formatReportPeriod(figures.period, lang)), MARGIN, 34, { width: this.width });
    doc.font(BODY).fontSize(11).text(t.report.corridor, { width: this.width });
    doc.fontSize(10).fillColor('#dbe4f3').text(t.report.edition[figures.audience], { width: this.width });
    doc.y = 136;
    doc.fillColor(INK).font(BODY).fontSize(10).text(t.report.span(formatDate(figures.period.from, lang), formatDate(figures.period.to, lang)), MARGIN);
    doc.fillColor(GREY).fontSize(8.5).text(t.report.prepared(formatDate(localIsoDate(this.options.now, this.options.timeZone), lang), formatDate(figures.asOf, lang)));
    this.heading(t.report.headlineTitle);
    this.tiles();
    this.heading(t.report.changesTitle(formatDate(figures.period.from, lang), formatDate(figures.period.to, lang)));
    const lines = changeGroupLines(figures.changes, lang, t, figures.audience, { text: (text) => text, person: (id) => id, cap: 15 });
    if (lines.length === 0) this.paragraph(t.digest.changesNone, GREY);
    for (const line of lines) this.paragraph(`•  ${line}`);
    this.tracks();
    this.sector();
  }

  private tiles(): void {
    const { doc, t, figures } = this;
    const { headline } = figures;
    const inside = figures.audience === 'internal';
    const tiles: [string, number][] = [
      [t.report.headline.signatories, headline.signatories],
      [t.report.headline.pending, headline.pending],
      [t.report.headline.signedInPeriod, headline.signedInPeriod],
      [t.report.headline.eventsInPeriod, headline.eventsInPeriod],
      [t.report.headline.openActions, headline.openActions],
      ...(inside ? ([[t.report.headline.overdueActions, headline.overdueActions]] as [string, number][]) : []),
      [t.report.headline.completedInPeriod, headline.completedInPeriod],
      ...(inside ? ([[t.report.headline.contactsInPeriod, headline.contactsInPeriod]] as [string, number][]) : []),
    ];
    const columns = tiles.length > 6 ? 4 : 3;
    const gap = 10;
    const tileWidth = (this.width - gap * (columns - 1)) / columns;
    const tileHeight = 72;
    const top = doc.y;
    tiles.forEach(([label, value], index) => {
      const x = MARGIN + (index % columns) * (tileWidth + gap);
      const y = top + Math.floor(index / columns) * (tileHeight + gap);
      doc.roundedRect(x, y, tileWidth, tileHeight, 4).fill(HEADER_FILL);
      doc.fillColor(ACCENT).font(BOLD).fontSize(20).text(formatNumber(value, this.lang, 'count'), x + 10, y + 8, { width: tileWidth - 20 });
      doc.fillColor(INK).font(BODY).fontSize(8.5).text(label, x + 10, y + 35, { width: tileWidth - 20, height: 33, ellipsis: true });
    });
    doc.x = MARGIN;
    doc.y = top + Math.ceil(tiles.length / columns) * (tileHeight + gap);
  }

  private sector(): void {
    const { doc, t, figures, lang } = this;
    this.heading(t.report.sectorTitle);
    for (const figure of figures.profile.figures) {
      const y = doc.y;
      doc.fillColor(INK).font(BODY).fontSize(9.5).text(figure.label[lang], MARGIN, y, { width: this.width - 130 });
      const after = doc.y;
      doc.font(BOLD).text(figure.value[lang], MARGIN + this.width - 120, y, { width: 120, align: 'right' });
      doc.y = Math.max(after, doc.y) + 3;
    }
    // Each figure carries the year it holds for and its source: said once for the figures sharing them.
    const sources = [...new Set(figures.profile.figures.map((figure) => `${figure.source[lang]} (${figure.year})`))];
    doc.fillColor(GREY).font(BODY).fontSize(8.5).text(t.report.source(t.common.listJoin(sources)), MARGIN, doc.y + 2, { width: this.width });
  }

  charts(charts: { adhesions: string; actions: string; events: string }): void {
    const { doc, t, figures } = this;
    doc.addPage();
    this.heading(t.report.chartsTitle, 0);
    this.chart(t.report.adhesionsChart, charts.adhesions);
    if (figures.undatedSignatories) doc.fillColor(GREY).font(BODY).fontSize(8).text(t.report.undatedSignatories, MARGIN, doc.y, { width: this.width });
    this.chart(t.report.actionsChart, charts.actions);
    this.chart(t.report.eventsChart, charts.events);
  }

  private chart(title: string, svg: string): void {
    const { doc } = this;
    this.subheading(title);
    const height = (CHART_HEIGHT * this.width) / CHART_WIDTH;
    drawSvg(doc, svg, MARGIN, doc.y + 4, this.width, height);
    doc.x = MARGIN;
    doc.y += height + 8;
  }

  /** The four tracks by name, with their action items' counts. */
  private tracks(): void {
    const { doc, t, figures, lang } = this;
    this.heading(t.report.tracksTitle);
    for (const group of figures.tracks) {
      const name = group.track ? t.actions.trackLine(group.track.position, group.track.title[lang]) : t.report.otherTrack;
      const counts = [`${t.report.series.open} ${group.open}`, ...(figures.audience === 'internal' ? [`${t.report.series.overdue} ${group.overdue}`] : []), `${t.report.series.done} ${group.done}`];
      doc.fillColor(INK).font(BOLD).fontSize(9.5).text(name, MARGIN, doc.y, { width: this.width, continued: true });
      doc.font(BODY).fillColor(GREY).text(`  —  ${counts.join(' · ')}`);
      doc.moveDown(0.25);
    }
  }

  /** The partners table, on a page of its own. */
  partners(): void {
    const { doc, t, figures, lang } = this;
    doc.addPage();
    this.heading(t.report.partnersTitle, 0);
    this.table(pdfPartnerRows(figures, lang));
  }

  /** Internal copies: what the public view hides, open action items with owners and due dates, and the period's contacts. */
  coordinators(): void {
    const { doc, t, figures, lang } = this;
    if (figures.audience !== 'internal') return;
    doc.addPage();
    this.heading(t.report.internalTitle, 0);
    this.subheading(t.report.openItemsTitle);
    if (figures.openItems.length) this.table(pdfOpenItemRows(figures, lang));
    else this.paragraph(t.report.openItemsNone, GREY);
    this.subheading(t.report.contactsTitle);
    if (figures.contacts.length) this.table(pdfContactRows(figures, lang));
    else this.paragraph(t.report.contactsNone, GREY);
  }

  private subheading(text: string): void {
    this.doc.fillColor(INK).font(BOLD).fontSize(11).text(text, MARGIN, this.doc.y + 10, { width: this.width });
    this.doc.y += 4;
  }

  private table({ header, rows, widths }: TableCells): void {
    const { doc } = this;
    const padding = 4;
    const row = (cells: string[], font: string, fill?: string) => {
      doc.font(font).fontSize(8.5);
      const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index]! - 2 * padding }))) + 2 * padding;
      if (doc.y + height > doc.page.height - MARGIN - 20) {
        doc.addPage();
        // A table that runs on says again what its columns are.
        if (cells !== header) row(header, BOLD, HEADER_FILL);
      }
      const y = doc.y;
      if (fill) doc.rect(MARGIN, y, this.width, height).fill(fill);
      let x = MARGIN;
      cells.forEach((cell, index) => {
        doc.fillColor(INK).font(font).fontSize(8.5).text(cell, x + padding, y + padding, { width: widths[index]! - 2 * padding });
        x += widths[index]!;
      });
      doc.moveTo(MARGIN, y + height).lineTo(MARGIN + this.width, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
      doc.x = MARGIN;
      doc.y = y + height;
    };
    row(header, BOLD, HEADER_FILL);
    rows.forEach((cells) => row(cells, BODY));
  }

  private heading(text: string, space = 14): void {
    const { doc } = this;
    doc.fillColor(ACCENT).font(BOLD).fontSize(13).text(text, MARGIN, doc.y + space, { width: this.width });
    doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + this.width, doc.y + 2).lineWidth(1).strokeColor(ACCENT).stroke();
    doc.y += 8;
  }

  private paragraph(text: string, colour = INK): void {
    this.doc.fillColor(colour).font(BODY).fontSize(9.5).text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }
}

/** The SVG as vector paths and text in the embedded font. */
function drawSvg(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, width: number, height: number): void {
  // Loaded with the PDF: svg-to-pdfkit is CommonJS.
  const draw = require('svg-to-pdfkit') as (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options: object) => void;
  draw(doc, svg, x, y, { width, height, fontCallback: (family: string, bold: boolean) => (family.includes(CHART_FONT) && bold ? BOLD : BODY) });
}

/** "Rapport du corridor — novembre 2026 · Édition publique · Page 2 sur 6", in each page's language. */
function footers(doc: PDFKit.PDFDocument, figures: ReportFigures, pageLangs: Lang[]): void {
  const { count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index += 1) {
    doc.switchToPage(index);
    const t = catalogue(pageLangs[index] ?? 'en');
    const text = [t.report.title(formatReportPeriod(figures.period, pageLangs[index] ?? 'en')), t.report.edition[figures.audience].split(':')[0]!.replace(/\u00a0$/, ''), t.report.page(index + 1, count)].join(' · ');
    // Written inside the bottom margin: lift the margin so pdfkit does not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fillColor(GREY).font(BODY).fontSize(7.5).text(text, MARGIN, doc.page.height - 32, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
