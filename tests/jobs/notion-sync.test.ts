import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNotionSyncJob } from '../../src/jobs/notion-sync.js';
import { NOTION_SYNC_ACTOR } from '../../src/notion/sync-engine.js';
import { syncFailed, totalCounts } from '../../src/notion/sync-summary.js';
import type { NotionLink } from '../../src/store/notion-links.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';

let fixture: NotionFixture;

beforeEach(async () => {
  fixture = await notionFixture();
});

afterEach(async () => {
  await fixture.close();
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
    // Only reads: two schema checks and one query page per database.
    expect(fixture.emulator.requests.map((request) => `${request.method} ${request.path.replace(/[0-9a-f-]{36}/g, ':id')}`)).toEqual([
      'GET /v1/data_sources/:id',
      'GET /v1/data_sources/:id',
      'POST /v1/data_sources/:id/query',
      'POST /v1/data_sources/:id/query',
    ]);
    expect(summary.requests).toBe(4);
  });
});
