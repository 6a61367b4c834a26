import { afterEach, describe, expect, it } from 'vitest';
import { moveToStage } from '../../src/domain/adhesion.js';
import { partnerPropertyNames } from '../../src/notion/schema.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';

// Where each adhesion stands, and the last contact with the partner, mirrored into the Partners
// database — which gets the properties itself when it was made before they existed.

let fixture: NotionFixture;

afterEach(async () => {
  await fixture.close();
});

const venturePage = () =>
  fixture.emulator
    .pagesOf(fixture.partnersDataSourceId)
    .find((page) => fixture.emulator.readPage(page.id)[partnerPropertyNames(fixture.lang).corridorId] === 'venture-lab')!;

async function logAndMove(): Promise<void> {
  const partner = (await fixture.store.partners.get('venture-lab'))!;
  await fixture.store.partners.save(moveToStage(partner, { stage: 'legal_review', date: '2026-11-20', today: '2026-12-01' }), { actor: 'U0ADMIN', expectedVersion: partner.version });
  const entry = { partnerId: 'venture-lab', author: 'U0ADMIN', kind: 'call', text: 'Draft sent to their counsel', nextFollowUpOn: null } as const;
  await fixture.store.contacts.save({ id: 'venture-lab-2026-11-28-a', on: '2026-11-28', ...entry }, { actor: 'U0ADMIN' });
  await fixture.store.contacts.save({ id: 'venture-lab-2026-11-30-b', on: '2026-11-30', ...entry }, { actor: 'U0ADMIN' });
}

describe('stages and the contact log in Notion', () => {
  it('writes each partner’s stage, since when, and the last contact; never the entries’ text', async () => {
    fixture = await notionFixture();
    await logAndMove();
    await fixture.sync();
    const page = fixture.emulator.readPage(venturePage().id);
    expect(page).toMatchObject({ Stage: 'legal review', 'Stage since': '2026-11-20', 'Last contact': '2026-11-30' });
    expect(JSON.stringify(fixture.emulator.pagesOf(fixture.partnersDataSourceId).map((p) => fixture.emulator.readPage(p.id)))).not.toContain('Draft sent');
    const cmc = fixture.emulator.pagesOf(fixture.partnersDataSourceId).map((p) => fixture.emulator.readPage(p.id)).find((p) => p['Corridor ID'] === 'cmc-microsystems')!;
    expect(cmc).toMatchObject({ Stage: 'intention declared', 'Stage since': '2025-04-16', 'Last contact': null });
    expect(await fixture.differences()).toEqual([]);
  });

  it('adds Stage, Stage since and Last contact to a Partners database made before them, once', async () => {
    fixture = await notionFixture({ lang: 'fr' });
    const source = fixture.emulator.dataSource(fixture.partnersDataSourceId)!;
    source.properties = source.properties.filter((property) => !['Étape', 'Étape depuis', 'Dernier contact'].includes(property.name));
    await logAndMove();
    const summary = await fixture.sync();
    expect(summary.counts.partner.created).toBe(12);
    const patches = () => fixture.emulator.requests.filter((request) => request.method === 'PATCH' && request.path.startsWith('/v1/data_sources/'));
    expect(patches()).toHaveLength(1);
    expect(source.properties.map((property) => property.name)).toEqual(expect.arrayContaining(['Étape', 'Étape depuis', 'Dernier contact']));
    expect(fixture.emulator.readPage(venturePage().id)).toMatchObject({ Étape: 'examen juridique', 'Dernier contact': '2026-11-30' });
    await fixture.sync();
    expect(patches()).toHaveLength(1);
  });
});
