import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkNotionAtStartup, partnerNotionUrls, scheduleNotionSync } from '../../src/jobs/notion-sync.js';
import type { NotionSyncAccess } from '../../src/notion/sync-access.js';
import { emptySummary } from '../../src/notion/sync-summary.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';

let fixture: NotionFixture;
beforeEach(async () => {
  fixture = await notionFixture();
});
afterEach(async () => {
  await fixture.close();
});

const logger = () => {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
};

describe('Notion sync schedule', () => {
  it('is off while Notion is not configured', () => {
    const access: NotionSyncAccess = {
      configured: false,
      notConfigured: { fr: '', en: '' },
      run: () => Promise.reject(new Error('not expected')),
      start: () => Promise.reject(new Error('not expected')),
      onPulled: () => {},
      applyEvent: () => Promise.reject(new Error('not expected')),
    };
    expect(scheduleNotionSync({ ...fixture.config, NOTION_SYNC_CRON: '* * * * * *', CORRIDOR_TZ: 'America/Toronto' }, access, logger())).toBeUndefined();
  });

  it('runs the sync on NOTION_SYNC_CRON and logs its summary in one line', async () => {
    let runs = 0;
    const access: NotionSyncAccess = {
      configured: true,
      notConfigured: { fr: '', en: '' },
      run: async () => {
        runs += 1;
        return emptySummary(new Date());
      },
      start: () => Promise.reject(new Error('not expected')),
      onPulled: () => {},
      applyEvent: () => Promise.reject(new Error('not expected')),
    };
    const log = logger();
    // Every second (node-cron's six-field form), so the test need not wait long.
    const stop = scheduleNotionSync({ ...fixture.config, NOTION_SYNC_CRON: '* * * * * *', CORRIDOR_TZ: 'America/Toronto' }, access, log);
    expect(stop).toBeTypeOf('function');
    for (let tries = 0; tries < 100 && log.lines.length === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    stop!();
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(log.lines[0]).toMatch(/^info Notion sync \| Partners: 0 created/);
    expect(log.lines[0]).not.toContain('\n');
  });
});

describe('Notion schema check at start-up', () => {
  it('finds nothing wrong with the databases made by the set-up', async () => {
    expect(await checkNotionAtStartup({ config: fixture.config, links: fixture.links, connection: fixture.connection })).toBeNull();
  });

  it('names a property of the wrong type', async () => {
    const source = fixture.emulator.dataSourceOf(fixture.config.NOTION_ACTIONS_DATABASE_ID!);
    source.properties.find((property) => property.name === 'Owner (Slack)')!.type = 'number';
    const problem = await checkNotionAtStartup({ config: fixture.config, links: fixture.links, connection: fixture.connection });
    expect(problem?.en).toBe(
      'The property “Owner (Slack)” of the Notion database “Corridor action items” is of type number; expected type: text.',
    );
  });

  it('has nothing to say when Notion is not configured', async () => {
    expect(await checkNotionAtStartup({ config: { ...fixture.config, NOTION_TOKEN: undefined }, links: fixture.links })).toBeNull();
  });
});

describe('Notion links for the reminder', () => {
  it('gives the page of a synced partner, and none for a removed or unknown one', async () => {
    const urlFor = partnerNotionUrls(fixture.config, fixture.links);
    expect(await urlFor('c2mi')).toBeUndefined();
    await fixture.sync();
    const page = fixture.emulator
      .pagesOf(fixture.partnersDataSourceId)
      .find((candidate) => fixture.emulator.readPage(candidate.id)['Corridor ID'] === 'c2mi')!;
    expect(await urlFor('c2mi')).toBe(`https://www.notion.so/${page.id.replace(/-/g, '')}`);
    await fixture.store.partners.remove('c2mi', { actor: 'U0TEST' });
    await fixture.sync();
    expect(await urlFor('c2mi')).toBeUndefined();
    expect(await urlFor('nobody')).toBeUndefined();
  });
});
