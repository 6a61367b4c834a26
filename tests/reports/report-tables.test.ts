import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { buildCsv, buildReport, RECORD_KINDS, type ReportFiles } from '../../src/reports/report-files.js';
import { CONTACT_TEXT, INTERNAL_NOTE, NOVEMBER, novemberStore, OWNER, REPORT_NOW, TIME_ZONE } from './report-fixture.js';

let store: CorridorStore;
let internal: ReportFiles;
let publicCopy: ReportFiles;

beforeAll(async () => {
  store = await novemberStore();
  const options = { period: NOVEMBER, lang: 'both', now: REPORT_NOW, timeZone: TIME_ZONE } as const;
  [internal, publicCopy] = await Promise.all([buildReport(store, { ...options, audience: 'internal' }), buildReport(store, { ...options, audience: 'public' })]);
});
afterAll(() => store.close());

/** A CSV file's lines, its byte-order mark checked and removed. */
function lines(bytes: Buffer): string[] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
}

describe('the report’s CSV files', () => {
  it('lists the 12 partners under a header, in UTF-8 with a BOM so Excel keeps the accents', () => {
    const partners = lines(internal.csv.partners.bytes);
    expect(internal.csv.partners.name).toBe('partners.csv');
    expect(partners).toHaveLength(13);
    expect(partners[0]).toMatch(/^Identifiant \/ ID,Nom \/ Name,/);
    expect(partners.join('\n')).toContain('Université de Sherbrooke');
    expect(partners.join('\n')).toContain('Department of Business and Economic Affairs – State of New Hampshire');
    expect(partners.find((line) => line.startsWith('venture-lab,'))).toContain(',2026-11-20,');
  });

  it('names every kind’s file and writes one record a row with ISO dates', () => {
    expect(RECORD_KINDS.map((kind) => internal.csv[kind].name)).toEqual(['partners.csv', 'people.csv', 'events.csv', 'action-items.csv']);
    const events = lines(internal.csv.events.bytes);
    expect(events).toHaveLength(3);
    expect(events.find((line) => line.startsWith('photonics-workshop'))).toContain(',2026-11-18,09:30,12:00,"C2MI, Bromont",,');
    const actions = lines(internal.csv['action-items'].bytes);
    expect(actions).toHaveLength(4);
    expect(actions.find((line) => line.startsWith('ecosystem-map'))).toContain('"Cartographier les écosystèmes, « qui fait quoi »"');
  });

  it('keeps owners, internal notes, contact dates and e-mail addresses out of the public edition', () => {
    const all = (files: ReportFiles) => RECORD_KINDS.map((kind) => files.csv[kind].bytes.toString('utf8')).join('\n');
    for (const internalOnly of [OWNER, INTERNAL_NOTE, '2026-11-28', 'Note interne / Internal note', 'Courriel / E-mail']) {
      expect(all(internal)).toContain(internalOnly);
      expect(all(publicCopy)).not.toContain(internalOnly);
    }
    expect(all(internal)).toContain('@');
    expect(all(publicCopy)).not.toMatch(/[\w.]+@[\w.]+/);
    expect(all(internal)).not.toContain(CONTACT_TEXT);
  });

  it('writes one kind alone for an export, in one language', async () => {
    const file = await buildCsv(store, 'people', { lang: 'fr', audience: 'public' });
    expect(file.name).toBe('people.csv');
    const people = lines(file.bytes);
    expect(people[0]).toBe('Identifiant,Nom,Titre (français),Titre (anglais),Partenaire,Affiliation (français),Affiliation (anglais)');
    expect(people.some((line) => line.includes('Peter Welch'))).toBe(true);
  });
});

describe('corridor.xlsx', () => {
  it('holds one sheet per record kind, each with its header and the same rows as its CSV', async () => {
    expect(internal.workbook.name).toBe('corridor.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(internal.workbook.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Partenaires – Partners', 'Personnes – People', 'Événements – Events', 'Actions – Action items']);
    RECORD_KINDS.forEach((kind, index) => expect(workbook.worksheets[index]!.actualRowCount, kind).toBe(lines(internal.csv[kind].bytes).length));
    const partners = workbook.getWorksheet('Partenaires – Partners')!;
    expect(partners.actualRowCount).toBe(13);
    const names = partners.getColumn(2).values.slice(2);
    expect(names).toContain('Université de Sherbrooke');
    expect(names).toContain('CMC Microsystems');
  });
});
