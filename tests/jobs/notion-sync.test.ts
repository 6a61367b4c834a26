import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNotionSyncJob } from '../../src/jobs/notion-sync.js';
import { NOTION_SYNC_ACTOR } from '../../src/notion/sync-engine.js';
import { syncFailed, totalCounts } from '../../src/notion/sync-summary.js';
import type { NotionLink } from '../../src/store/notion-links.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';
import { tempStores } from '../support/temp-stores.js';

let fixture: NotionFixture;
const write = (now = new Date()) => ({ actor: 'U0TEST', now });

afterEach(async () => {
  await fixture.close();
});

// The sync keeps its bookkeeping in the store: it runs the same on SQLite and on PostgreSQL.
describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  const { open } = tempStores('notion-sync', kind);
  beforeEach(async () => {
    fixture = await notionFixture({ store: await open() });
  });

  describe('Notion sync job', () => {
    it('creates a page for each partner and action item on the first run', async () => {
      const summary = await fixture.sync();
      expect(summary.aborted).toBeNull();
      expect(summary.counts.partner).toMatchObject({ created: 12, updated: 0, failed: 0 });
      expect(summary.counts.action).toMatchObject({ created: 1, updated: 0, failed: 0 });
      expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(12);
      expect(fixture.emulator.pagesOf(fixture.actionsDataSourceId)).toHaveLength(1);
      expect(await fixture.differences()).toEqual([]);
      // The action links to the pages of its three partners.
      const [actionPage] = fixture.emulator.pagesOf(fixture.actionsDataSourceId);
      const related = fixture.emulator.readPage(actionPage!.id)['Partners concerned'] as string[];
      const names = related.map((id) => fixture.emulator.readPage(id)['Corridor ID']).sort();
      expect(names).toEqual(['cmc-microsystems', 'new-hampshire-bea', 'venture-lab']);
      expect(syncFailed(summary)).toBe(false);
    });

    it('writes nothing on a second run', async () => {
      await fixture.sync();
      fixture.emulator.resetRequests();
      const summary = await fixture.sync();
      expect(totalCounts(summary)).toMatchObject({ created: 0, updated: 0, archived: 0, failed: 0, unchanged: 13 });
      expect(fixture.writes()).toBe(0);
      // Only reads: per database, its list of data sources (a new one is noticed), its schema, one query page.
      expect(fixture.emulator.requests.map((request) => `${request.method} ${request.path.replace(/[0-9a-f-]{36}/g, ':id')}`)).toEqual([
        'GET /v1/databases/:id',
        'GET /v1/data_sources/:id',
        'GET /v1/databases/:id',
        'GET /v1/data_sources/:id',
        'POST /v1/data_sources/:id/query',
        'POST /v1/data_sources/:id/query',
      ]);
      expect(summary.requests).toBe(6);
    });
  });

  describe('Notion sync job, incremental and two-way', () => {
    it('updates only the record that changed, and only its changed properties', async () => {
      await fixture.sync();
      const partner = (await fixture.store.partners.get('c2mi'))!;
      await fixture.store.partners.save({ ...partner, acronym: 'C2MI inc.', website: 'https://www.c2mi.ca/' }, write());
      fixture.emulator.resetRequests();
      const summary = await fixture.sync();
      expect(summary.counts.partner).toMatchObject({ updated: 1, unchanged: 11, created: 0 });
      const patches = fixture.emulator.requests.filter((request) => request.method === 'PATCH');
      expect(patches).toHaveLength(1);
      expect(await fixture.differences()).toEqual([]);
    });

    it('archives the page of a removed record and brings it back when the record is restored', async () => {
      await fixture.sync();
      await fixture.store.partners.remove('distriq', write());
      const removed = await fixture.sync();
      expect(removed.counts.partner).toMatchObject({ archived: 1, unchanged: 11 });
      expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(11);
      expect(await fixture.differences()).toEqual([]);
      const again = await fixture.sync();
      expect(again.counts.partner).toMatchObject({ archived: 0, unchanged: 12 });

      await fixture.store.partners.restore('distriq', write());
      const restored = await fixture.sync();
      expect(restored.counts.partner).toMatchObject({ created: 0, updated: 1 });
      expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(12);
      expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId, { includeTrashed: true })).toHaveLength(12);
      expect(await fixture.differences()).toEqual([]);
    });

    it('brings a status changed in Notion back into the store', async () => {
      await fixture.sync();
      const [page] = fixture.emulator.pagesOf(fixture.actionsDataSourceId);
      fixture.emulator.editPage(page!.id, { Status: { select: { name: 'In progress' } } });
      fixture.emulator.resetRequests();
      const summary = await fixture.sync();
      expect(summary.counts.action).toMatchObject({ pulled: 1, updated: 0, failed: 0 });
      expect(summary.pulled).toEqual([
        expect.objectContaining({ recordId: 'announce-new-adhesions', changes: [{ field: 'status', from: 'open', to: 'in_progress' }] }),
      ]);
      expect(summary.overwritten).toEqual([]);
      const action = (await fixture.store.actions.get('announce-new-adhesions'))!;
      expect(action.status).toBe('in_progress');
      expect(action.updatedBy).toBe(NOTION_SYNC_ACTOR);
      const history = await fixture.store.history('action', 'announce-new-adhesions');
      expect(history.at(-1)).toMatchObject({ actor: NOTION_SYNC_ACTOR, diff: { status: { from: 'open', to: 'in_progress' } } });
      // The page already shows it: nothing is written back, and the next run is quiet.
      expect(fixture.writes()).toBe(0);
      expect(await fixture.differences()).toEqual([]);
      const next = await fixture.sync();
      expect(totalCounts(next)).toMatchObject({ pulled: 0, updated: 0, unchanged: 13 });
    });

    it('dates an action closed in Notion and shows that date in Notion', async () => {
      await fixture.sync();
      const [page] = fixture.emulator.pagesOf(fixture.actionsDataSourceId);
      fixture.emulator.editPage(page!.id, { Status: { select: { name: 'Done' } } });
      const summary = await fixture.sync();
      // Pulled, then its completion date written to the page: counted once, as pulled.
      expect(summary.counts.action).toMatchObject({ pulled: 1, updated: 0 });
      const action = (await fixture.store.actions.get('announce-new-adhesions'))!;
      expect(action).toMatchObject({ status: 'done', completedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(fixture.emulator.readPage(page!.id)['Completed on']).toBe(action.completedOn);
      expect(await fixture.differences()).toEqual([]);
    });

    it('keeps the store status when the store changed it after Notion did', async () => {
      await fixture.sync();
      const [page] = fixture.emulator.pagesOf(fixture.actionsDataSourceId);
      fixture.emulator.editPage(page!.id, { Status: { select: { name: 'Done' } } });
      const action = (await fixture.store.actions.get('announce-new-adhesions'))!;
      await fixture.store.actions.save({ ...action, status: 'in_progress' }, write(new Date(Date.now() + 120_000)));
      const summary = await fixture.sync();
      expect(summary.counts.action).toMatchObject({ pulled: 0, updated: 1 });
      expect(summary.overwritten).toEqual([expect.objectContaining({ recordId: 'announce-new-adhesions', properties: ['Status'] })]);
      expect((await fixture.store.actions.get('announce-new-adhesions'))!.status).toBe('in_progress');
      expect(await fixture.differences()).toEqual([]);
    });

    it('overwrites other fields edited in Notion and reports each overwritten edit', async () => {
      await fixture.sync();
      const page = fixture.emulator
        .pagesOf(fixture.partnersDataSourceId)
        .find((candidate) => fixture.emulator.readPage(candidate.id)['Corridor ID'] === 'iseq')!;
      fixture.emulator.editPage(page.id, { Name: { title: [{ text: { content: 'ISEQ (edited)' } }] }, Kind: { select: { name: 'Company' } } });
      const summary = await fixture.sync();
      expect(summary.counts.partner).toMatchObject({ updated: 1, unchanged: 11 });
      expect(summary.overwritten).toEqual([expect.objectContaining({ recordId: 'iseq', properties: ['Name', 'Kind'] })]);
      expect(fixture.emulator.readPage(page.id).Name).toBe('ISEQ');
      expect(await fixture.differences()).toEqual([]);
    });

    it('splits text longer than 2,000 characters instead of failing', async () => {
      const partner = (await fixture.store.partners.get('venture-lab'))!;
      const long = `${'Étape '.repeat(900)}fin.`;
      await fixture.store.partners.save({ ...partner, nextStep: { fr: long, en: long } }, write());
      const summary = await fixture.sync();
      expect(summary.counts.partner.failed).toBe(0);
      const page = fixture.emulator
        .pagesOf(fixture.partnersDataSourceId)
        .find((candidate) => fixture.emulator.readPage(candidate.id)['Corridor ID'] === 'venture-lab')!;
      expect(fixture.emulator.readPage(page.id)['Next step']).toBe(long);
      expect(await fixture.differences()).toEqual([]);
      const again = await fixture.sync();
      expect(totalCounts(again).updated).toBe(0);
    });

    it('links an action to a partner created in the same run, and follows later changes of partners', async () => {
      const action = (await fixture.store.actions.get('announce-new-adhesions'))!;
      await fixture.store.actions.save({ ...action, partnerIds: [...action.partnerIds, 'c2mi'], ownerUserId: 'U0123ABC', dueOn: '2025-06-30', trackId: 'value-chains' }, write());
      await fixture.sync();
      expect(await fixture.differences()).toEqual([]);
      await fixture.store.partners.remove('c2mi', write());
      const summary = await fixture.sync();
      expect(summary.counts.partner.archived).toBe(1);
      expect(summary.counts.action).toMatchObject({ updated: 1, failed: 0 });
      expect(await fixture.differences()).toEqual([]);
    });
  });

  describe('Notion sync job, faults', () => {
    it('converges to the store with one request in five failing, without duplicates', async () => {
      await fixture.close();
      fixture = await notionFixture({ transport: { timeoutMs: 300 } });
      fixture.emulator.failRandomly({
        rate: 0.2,
        seed: 42,
        faults: [
          { kind: 'rate_limit', retryAfterSeconds: 1 },
          { kind: 'server_error' },
          { kind: 'server_error', phase: 'after' },
          { kind: 'bad_gateway' },
          { kind: 'bad_gateway', phase: 'after' },
          { kind: 'hang', phase: 'after' },
          { kind: 'hang' },
        ],
      });
      const action = (await fixture.store.actions.get('announce-new-adhesions'))!;
      await fixture.store.actions.save({ ...action, partnerIds: ['c2mi', 'iseq', ...action.partnerIds] }, write());
      let runs = 0;
      let summary;
      do {
        summary = await fixture.sync();
        runs += 1;
      } while (syncFailed(summary) && runs < 5);
      expect(fixture.emulator.faultsInjected).toBeGreaterThan(3);
      expect(syncFailed(summary)).toBe(false);
      expect(await fixture.differences()).toEqual([]);
      expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(12);
      expect(fixture.emulator.pagesOf(fixture.actionsDataSourceId)).toHaveLength(1);

      // Changes on both sides, still with faults: updates, an archive and a status from Notion.
      for (const id of ['c2mi', 'iseq', 'distriq']) {
        const partner = (await fixture.store.partners.get(id))!;
        await fixture.store.partners.save({ ...partner, acronym: `${id.toUpperCase()}-2` }, write());
      }
      await fixture.store.partners.remove('venture-lab', write());
      const [actionPage] = fixture.emulator.pagesOf(fixture.actionsDataSourceId);
      fixture.emulator.editPage(actionPage!.id, { Status: { select: { name: 'Cancelled' } } });
      runs = 0;
      do {
        summary = await fixture.sync();
        runs += 1;
      } while (syncFailed(summary) && runs < 5);
      expect(syncFailed(summary)).toBe(false);
      expect((await fixture.store.actions.get('announce-new-adhesions'))!.status).toBe('cancelled');
      expect(await fixture.differences()).toEqual([]);
      expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(11);

      fixture.emulator.stopFailing();
      fixture.emulator.resetRequests();
      const quiet = await fixture.sync();
      expect(totalCounts(quiet)).toMatchObject({ created: 0, updated: 0, failed: 0 });
      expect(fixture.writes()).toBe(0);
    });

    it('finds the page made by a create that got no answer instead of making a second one', async () => {
      await fixture.close();
      fixture = await notionFixture({ transport: { timeoutMs: 300 } });
      fixture.emulator.failNext({ kind: 'server_error', phase: 'after', match: (request) => request.method === 'POST' && request.path === '/v1/pages' }, 3);
      fixture.emulator.failNext({ kind: 'hang', phase: 'after', match: (request) => request.method === 'POST' && request.path === '/v1/pages' }, 2);
      const summary = await fixture.sync({ concurrency: 1 });
      expect(fixture.emulator.faultsInjected).toBe(5);
      expect(summary.counts.partner).toMatchObject({ created: 12, failed: 0 });
      expect(await fixture.differences()).toEqual([]);
    });

    it('leaves no duplicate when a run stops between a create and its bookkeeping', async () => {
      const crashAfter = 5;
      let saved = 0;
      const crashing = {
        ...fixture.links,
        list: fixture.links.list.bind(fixture.links),
        get: fixture.links.get.bind(fixture.links),
        dataSourceOf: fixture.links.dataSourceOf.bind(fixture.links),
        rememberDataSource: fixture.links.rememberDataSource.bind(fixture.links),
        save: async (link: NotionLink) => {
          saved += 1;
          if (saved > crashAfter) throw new Error('process stopped');
          await fixture.links.save(link);
        },
      };
      const interrupted = await runNotionSyncJob({ config: fixture.config, store: fixture.store, links: crashing, connection: fixture.connection, options: { concurrency: 1 } });
      // Every page was created in Notion, but the bookkeeping of most of them was lost.
      expect(interrupted.counts.partner.failed).toBeGreaterThan(0);
      expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId).length).toBeGreaterThan(crashAfter);
      const resumed = await fixture.sync();
      // Every page is found by its Corridor ID: none is created a second time.
      expect(resumed.counts.partner.created).toBe(0);
      expect(resumed.counts.action.created).toBe(0);
      expect(syncFailed(resumed)).toBe(false);
      expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(12);
      expect(await fixture.differences()).toEqual([]);
      expect((await fixture.links.list(fixture.partnersDataSourceId, 'partner')).length).toBe(12);
    });

    it('trashes extra pages carrying the same Corridor ID', async () => {
      await fixture.sync();
      fixture.emulator.addPage(fixture.partnersDataSourceId, {
        Name: { title: [{ text: { content: 'C2MI' } }] },
        'Corridor ID': { rich_text: [{ text: { content: 'c2mi' } }] },
      });
      const summary = await fixture.sync();
      expect(summary.duplicatesArchived).toEqual([expect.objectContaining({ recordId: 'c2mi' })]);
      expect(await fixture.differences()).toEqual([]);
    });

    it('leaves pages without a Corridor ID alone', async () => {
      await fixture.sync();
      const own = fixture.emulator.addPage(fixture.partnersDataSourceId, { Name: { title: [{ text: { content: 'Notes' } }] } });
      const summary = await fixture.sync();
      expect(totalCounts(summary)).toMatchObject({ created: 0, updated: 0, archived: 0 });
      expect(fixture.emulator.readPage(own).Name).toBe('Notes');
    });
  });

  describe('Notion sync job, settings and schema', () => {
    it('stops with one message naming a missing or mistyped property', async () => {
      const source = fixture.emulator.dataSourceOf(fixture.config.NOTION_PARTNERS_DATABASE_ID!);
      source.properties = source.properties.filter((property) => property.name !== 'Corridor ID');
      const kind = source.properties.find((property) => property.name === 'Kind')!;
      kind.type = 'rich_text';
      const summary = await fixture.sync();
      expect(syncFailed(summary)).toBe(true);
      expect(summary.aborted?.en).toContain('“Corridor ID”');
      expect(summary.aborted?.en).toContain('“Kind”');
      expect(summary.aborted?.fr).toContain('propriété « Corridor ID »');
      expect(fixture.emulator.requests.filter((request) => request.path.startsWith('/v1/pages'))).toHaveLength(0);
    });

    it('says what to set when Notion is not configured', async () => {
      const summary = await runNotionSyncJob({
        config: { ...fixture.config, NOTION_TOKEN: undefined, NOTION_ACTIONS_DATABASE_ID: undefined },
        store: fixture.store,
        links: fixture.links,
      });
      expect(summary.aborted?.en).toContain('NOTION_TOKEN, NOTION_ACTIONS_DATABASE_ID');
      expect(fixture.emulator.requests).toHaveLength(0);
    });

    it('accepts database URLs and refuses what is neither an ID nor a URL', async () => {
      const url = `https://www.notion.so/corridor/Partners-${fixture.config.NOTION_PARTNERS_DATABASE_ID!.replace(/-/g, '')}?v=0123456789abcdef0123456789abcdef`;
      const summary = await runNotionSyncJob({ config: { ...fixture.config, NOTION_PARTNERS_DATABASE_ID: url }, store: fixture.store, links: fixture.links, connection: fixture.connection });
      expect(summary.counts.partner.created).toBe(12);
      const bad = await runNotionSyncJob({ config: { ...fixture.config, NOTION_ACTIONS_DATABASE_ID: 'actions' }, store: fixture.store, links: fixture.links, connection: fixture.connection });
      expect(bad.aborted?.en).toBe('NOTION_ACTIONS_DATABASE_ID: expected a Notion ID or a Notion URL');
    });

    it('reports a wrong token as such', async () => {
      const summary = await runNotionSyncJob({ config: { ...fixture.config, NOTION_TOKEN: 'ntn_wrong' }, store: fixture.store, links: fixture.links, transport: { timeoutMs: 1000 } });
      expect(summary.aborted?.en).toContain('Notion refused the token');
    });

    it('joins a run already in progress instead of starting a second one', async () => {
      const [first, second] = await Promise.all([fixture.sync(), fixture.sync()]);
      expect(second).toBe(first);
      expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(12);
    });
  });
});
