import { afterEach, expect, it } from 'vitest';
import { renderSyncSummaryText } from '../../src/notion/sync-summary.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';

let fixture: NotionFixture | undefined;
afterEach(async () => {
  await fixture?.close();
});

it('syncs into databases made in French, and reads a French status back', async () => {
  fixture = await notionFixture({ lang: 'fr' });
  const first = await fixture.sync();
  expect(first.counts.partner.created).toBe(12);
  expect(await fixture.differences()).toEqual([]);
  const [page] = fixture.emulator.pagesOf(fixture.actionsDataSourceId);
  expect(fixture.emulator.readPage(page!.id).Titre).toBe('Annoncer l’adhésion de nouveaux partenaires stratégiques au MOU');
  fixture.emulator.editPage(page!.id, { Statut: { select: { name: 'En cours' } } });
  const second = await fixture.sync();
  expect(second.counts.action.pulled).toBe(1);
  expect((await fixture.store.actions.get('announce-new-adhesions'))!.status).toBe('in_progress');
  expect(renderSyncSummaryText(second, 'fr')).toContain('modifié dans Notion, statut Ouverte → En cours');
});
