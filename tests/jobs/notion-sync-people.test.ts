import { afterEach, describe, expect, it } from 'vitest';
import { personPropertyNames } from '../../src/notion/schema.js';
import { renderSyncSummaryText } from '../../src/notion/sync-summary.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';

// People reach a third Notion database as partners and action items do: once, then only what changed.

let fixture: NotionFixture;

afterEach(async () => {
  await fixture.close();
});

/** Each person's page, by Corridor ID, as plain values. */
function peoplePages(): Map<string, Record<string, unknown>> {
  const pages = fixture.emulator.pagesOf(fixture.peopleDataSourceId).map((page) => fixture.emulator.readPage(page.id));
  const corridorId = personPropertyNames(fixture.lang).corridorId;
  return new Map(pages.map((values) => [String(values[corridorId]), values]));
}

describe('people in Notion', () => {
  it('writes the 5 people of the release, the partner they represent as a relation, and never their e-mail', async () => {
    fixture = await notionFixture({ people: true });
    const summary = await fixture.sync();
    expect(summary.aborted).toBeNull();
    expect(summary.counts.person).toMatchObject({ created: 5, failed: 0 });
    const people = peoplePages();
    expect([...people.keys()].sort()).toEqual(['manon-duclos', 'michel-belval', 'peter-welch', 'rene-sylvestre', 'stephanie-latour']);
    const technum = fixture.emulator
      .pagesOf(fixture.partnersDataSourceId)
      .find((page) => fixture.emulator.readPage(page.id)['Corridor ID'] === 'technum-quebec')!;
    expect(people.get('stephanie-latour')).toMatchObject({
      Name: 'Stéphanie Latour',
      'Job title': 'Vice-President, Public Affairs and Community Relations',
      Organisation: 'Technum Québec',
      Partner: [technum.id],
    });
    expect(people.get('peter-welch')).toMatchObject({ Partner: [], Organisation: '' });
    // The release gives her e-mail; it stays in the corridor's records.
    expect(JSON.stringify([...people.values()])).not.toContain('@');
    expect(renderSyncSummaryText(summary, 'en')).toContain('People: 5 created, 0 updated');

    const second = await fixture.sync();
    expect(second.counts.person).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
  });

  it('updates the page of a person whose title changed, and archives that of one removed', async () => {
    fixture = await notionFixture({ people: true, lang: 'fr' });
    await fixture.sync();
    const rene = (await fixture.store.people.get('rene-sylvestre'))!;
    await fixture.store.people.save({ ...rene, title: { fr: 'délégué général du Québec à New York', en: 'Québec Delegate General in New York' } }, { actor: 'U0ADMIN' });
    await fixture.store.people.remove('michel-belval', { actor: 'U0ADMIN' });
    fixture.emulator.resetRequests();
    const summary = await fixture.sync();
    expect(summary.counts.person).toMatchObject({ updated: 1, archived: 1, unchanged: 3 });
    expect(peoplePages().get('rene-sylvestre')).toMatchObject({ Fonction: 'délégué général du Québec à New York' });
    expect(peoplePages().has('michel-belval')).toBe(false);
    expect(renderSyncSummaryText(summary, 'fr')).toContain('Personnes\u00a0: 0 créée, 1 mise à jour');
  });

  it('says how to add the People database when it is not set, and syncs the rest all the same', async () => {
    fixture = await notionFixture();
    const summary = await fixture.sync();
    expect(summary.aborted).toBeNull();
    expect(summary.counts.partner.created).toBe(12);
    expect(fixture.emulator.pagesOf(fixture.peopleDataSourceId)).toHaveLength(0);
    const text = renderSyncSummaryText(summary, 'en');
    expect(text).not.toContain('People:');
    expect(text).toContain('People are not synced: set NOTION_PEOPLE_DATABASE_ID');
  });
});

describe('a data source added later to a database in use', () => {
  it('is named in the summary, and the sync keeps to the one it used', async () => {
    fixture = await notionFixture();
    await fixture.sync();
    fixture.emulator.addDataSource(fixture.config.NOTION_ACTIONS_DATABASE_ID!, 'Archive 2024');
    const summary = await fixture.sync();
    expect(summary.aborted).toBeNull();
    expect(summary.counts.action.unchanged).toBe(1);
    const text = renderSyncSummaryText(summary, 'en');
    expect(text).toContain('To look at:');
    expect(text).toContain('NOTION_ACTIONS_DATABASE_ID: this Notion database now also holds “Archive 2024”; the sync keeps to “Corridor action items”');
    expect(renderSyncSummaryText(summary, 'fr')).toContain('contient maintenant aussi “Archive 2024”');
  });
});
