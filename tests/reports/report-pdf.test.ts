import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { buildReport, type ReportFiles } from '../../src/reports/report-files.js';
import { CONTACT_TEXT, NOVEMBER, novemberStore, OWNER, REPORT_NOW, TIME_ZONE } from './report-fixture.js';

interface PdfPage {
  text: string;
  /** Fill colours set on the page, as `r,g,b`. */
  fills: Set<string>;
  /** Paths filled on the page (the bars of a chart among them). */
  filledPaths: number;
}

/** Each page's text (lines joined by spaces) and drawing, as pdf.js reads them. */
async function readPdf(bytes: Buffer): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
    const { fnArray, argsArray } = await page.getOperatorList();
    const fills = new Set<string>();
    let filledPaths = 0;
    fnArray.forEach((fn, index) => {
      if (fn === OPS.setFillRGBColor) fills.add(Array.from(argsArray[index] as ArrayLike<number>).join(','));
      if (fn === OPS.fill) filledPaths += 1;
    });
    pages.push({ text, fills, filledPaths });
  }
  await pdf.destroy();
  return pages;
}

const SIGNATORY_GREEN = '27,107,74';
const OVERDUE_RED = '200,65,79';

let store: CorridorStore;
let internal: PdfPage[];
let publicCopy: PdfPage[];
let english: PdfPage[];
let files: ReportFiles;

beforeAll(async () => {
  store = await novemberStore();
  const options = { period: NOVEMBER, now: REPORT_NOW, timeZone: TIME_ZONE } as const;
  files = await buildReport(store, { ...options, lang: 'both', audience: 'internal' });
  internal = await readPdf(files.pdf.bytes);
  publicCopy = await readPdf((await buildReport(store, { ...options, lang: 'both', audience: 'public' })).pdf.bytes);
  english = await readPdf((await buildReport(store, { ...options, lang: 'en', audience: 'internal' })).pdf.bytes);
});
afterAll(() => store.close());

const all = (pages: PdfPage[]) => pages.map((page) => page.text).join(' ');

describe('the report’s PDF', () => {
  it('is named for its period and runs a few pages, French then English', () => {
    expect(files.pdf.name).toBe('corridor-report-2026-11.pdf');
    expect(internal.length).toBeGreaterThanOrEqual(6);
    expect(internal.length).toBeLessThanOrEqual(10);
    expect(internal[0]!.text).toContain('Rapport du corridor — novembre 2026');
    const english = internal.findIndex((page) => page.text.includes('Corridor report — November 2026'));
    expect(english).toBe(internal.length / 2);
  });

  it('names the partners, the New Hampshire department and the four tracks in both languages', () => {
    const text = all(internal);
    for (const name of ['Venture Lab', 'CMC Microsystems', 'Department of Business and Economic Affairs – State of New Hampshire', 'Université de Sherbrooke']) expect(text).toContain(name);
    for (const track of seedTracks) {
      expect(text).toContain(track.title.fr);
      expect(text).toContain(track.title.en);
    }
  });

  it('keeps French typography and accents: « », œ, é', () => {
    const text = all(internal);
    expect(text).toContain('« qui fait quoi »');
    expect(text).toContain('main-d’œuvre');
    expect(text).toContain('Ce qui a changé du 1er novembre 2026 au 30 novembre 2026');
  });

  it('gives the headline figures, what changed in the digest’s words, and the sector’s figures with their source', () => {
    const text = all(english);
    expect(text).toContain('The period at a glance');
    expect(text).toMatch(/9 MOU signatories 3 Adhesions pending/);
    expect(text).toContain('Partners edited: Venture Lab (stage now legal review)');
    expect(text).toContain('Events added: Photonics workshop, Bromont');
    expect(text).toContain('Québec companies in electronics and semiconductors more than 900');
    expect(text).toContain('Source: Press release of 17 April 2025, Sherbrooke (2025)');
  });

  it('draws its charts as vector bars in their colours, with their titles and legends', () => {
    const charts = english.find((page) => page.text.includes('Adhesions at the end of each month, by status and stage'))!;
    expect(charts.text).toContain('Action items by track and status');
    expect(charts.text).toContain('Events per month');
    expect(charts.text).toContain('Dec 25');
    expect(charts.text).toContain('Legal review');
    expect(charts.filledPaths).toBeGreaterThan(30);
    expect(charts.fills).toContain(SIGNATORY_GREEN);
    expect(charts.fills).toContain(OVERDUE_RED);
  });

  it('gives the partners table with the last contact in the internal edition', () => {
    const text = all(english);
    expect(text).toContain('Partner Jurisdiction Status or stage Since Last contact');
    expect(text).toMatch(/Venture Lab .*Legal review November 20, 2026 November 28, 2026/);
  });

  it('leaves out of the public edition the contact log, owners, lateness and the fields an edit touched', () => {
    expect(all(internal)).toContain(CONTACT_TEXT);
    expect(all(internal)).toContain(OWNER);
    expect(all(internal)).toContain('(en retard)');
    expect(all(internal)).toContain('Last contact');
    const text = all(publicCopy);
    for (const hidden of [CONTACT_TEXT, OWNER, 'en retard', 'Overdue', 'overdue', 'Last contact', 'Dernier contact', 'follow-up owner', 'Pour les coordonnateurs']) expect(text).not.toContain(hidden);
    expect(text).toContain('Partners edited: Venture Lab and CMC Microsystems');
    expect(text).toContain('Édition publique');
    expect(publicCopy.some((page) => page.fills.has(OVERDUE_RED))).toBe(false);
  });

  it('sums the period up in one paragraph per language for the monthly post', () => {
    expect(files.summary.en).toMatch(/^November 2026: 9 MOU signatories and 3 adhesions pending; 1 event in the period; 2 open action items; 5 changes in the records\. Partners edited: Venture Lab \(stage now legal review\)/);
    expect(files.summary.fr).toMatch(/^novembre 2026\u00a0: 9 signataires du protocole et 3 adhésions en attente/);
    expect(files.summary.en).not.toContain('\n');
  });
});
