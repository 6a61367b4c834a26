/** A store, an emulated Notion with the two databases, and a sync wired between them. */
import type { Lang } from '../../src/i18n/index.js';
import { runNotionSyncJob, type NotionSettings } from '../../src/jobs/notion-sync.js';
import { actionToFields } from '../../src/notion/action-item-properties.js';
import { createNotionClient, type NotionConnection, type TransportClock, type TransportOptions } from '../../src/notion/client.js';
import { partnerToFields } from '../../src/notion/partner-properties.js';
import { lastContactDays } from '../../src/domain/contact-log.js';
import { createCorridorDatabases } from '../../src/notion/setup.js';
import { actionPropertyNames, partnerPropertyNames } from '../../src/notion/schema.js';
import type { SyncOptions } from '../../src/notion/sync-engine.js';
import type { SyncSummary } from '../../src/notion/sync-summary.js';
import type { NotionLinks } from '../../src/store/notion-links.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { startNotionEmulator, type NotionEmulator } from './notion-emulator.js';

/** A clock whose sleeps return at once and move time forward: pacing and back-off cost nothing. */
export function virtualClock(start = 0): TransportClock & { slept: number[]; elapsed(): number } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += Math.max(0, ms);
    },
    elapsed: () => now - start,
  };
}

export interface NotionFixture {
  emulator: NotionEmulator;
  store: CorridorStore;
  links: NotionLinks;
  connection: NotionConnection;
  clock: ReturnType<typeof virtualClock>;
  config: NotionSettings;
  lang: Lang;
  partnersDataSourceId: string;
  actionsDataSourceId: string;
  /** The People database is always made; it is synced only with `people: true`. */
  peopleDataSourceId: string;
  /** The Events database is always made; it is synced only with `events: true`. */
  eventsDataSourceId: string;
  sync(options?: SyncOptions): Promise<SyncSummary>;
  /** Differences between what Notion shows and what the store says; empty when in step. */
  differences(): Promise<string[]>;
  /** Page writes (creates and updates) seen by the emulator since the last reset. */
  writes(): number;
  close(): Promise<void>;
}

export interface NotionFixtureOptions {
  lang?: Lang;
  transport?: Partial<TransportOptions>;
  now?: () => Date;
  /** The store to sync (closed with the fixture); a new in-memory SQLite store by default. */
  store?: CorridorStore;
  /** Sets NOTION_PEOPLE_DATABASE_ID, so people are synced too. */
  people?: boolean;
  /** Sets NOTION_EVENTS_DATABASE_ID, so events are synced too. */
  events?: boolean;
}

export async function notionFixture(options: NotionFixtureOptions = {}): Promise<NotionFixture> {
  const lang = options.lang ?? 'en';
  const emulator = await startNotionEmulator(options.now ? { now: options.now } : {});
  const store = options.store ?? (await openSqliteStore('sqlite::memory:'));
  const links = store.notionLinks;
  const clock = virtualClock();
  const connection = createNotionClient({
    token: emulator.token,
    baseUrl: emulator.url,
    maxRps: 3,
    clock,
    // Generous enough for a loaded machine; fault tests that make requests hang pass a shorter one.
    timeoutMs: 2000,
    baseDelayMs: 100,
    random: () => 0.5,
    ...options.transport,
  });
  const parent = emulator.addWorkspacePage('Corridor');
  const created = await createCorridorDatabases({ notion: connection.client, parentPageId: parent, lang, tracks: await store.listTracks() });
  emulator.resetRequests();
  const config: NotionSettings = {
    NOTION_TOKEN: emulator.token,
    NOTION_BASE_URL: emulator.url,
    NOTION_PARTNERS_DATABASE_ID: created.partners.databaseId,
    NOTION_ACTIONS_DATABASE_ID: created.actions.databaseId,
    ...(options.people ? { NOTION_PEOPLE_DATABASE_ID: created.people.databaseId } : {}),
    ...(options.events ? { NOTION_EVENTS_DATABASE_ID: created.events.databaseId } : {}),
    NOTION_MAX_RPS: 3,
    CORRIDOR_TZ: 'America/Toronto',
  };
  const fixture: NotionFixture = {
    emulator,
    store,
    links,
    connection,
    clock,
    config,
    lang,
    partnersDataSourceId: created.partners.dataSourceId,
    actionsDataSourceId: created.actions.dataSourceId,
    peopleDataSourceId: created.people.dataSourceId,
    eventsDataSourceId: created.events.dataSourceId,
    sync: (syncOptions) => runNotionSyncJob({ config, store, links, connection, ...(syncOptions ? { options: syncOptions } : {}) }),
    differences: () => differences(fixture),
    writes: () => emulator.requests.filter((request) => request.path.startsWith('/v1/pages') && request.method !== 'GET').length,
    close: async () => {
      await emulator.close();
      await store.close();
    },
  };
  return fixture;
}

async function differences(fixture: NotionFixture): Promise<string[]> {
  const lastContacts = lastContactDays(await fixture.store.contacts.list());
  const { emulator, store, lang } = fixture;
  const problems: string[] = [];
  const partnerNames = partnerPropertyNames(lang);
  const actionNames = actionPropertyNames(lang);
  const partnerPages = emulator.pagesOf(fixture.partnersDataSourceId).map((page) => ({ id: page.id, values: emulator.readPage(page.id) }));
  const actionPages = emulator.pagesOf(fixture.actionsDataSourceId).map((page) => ({ id: page.id, values: emulator.readPage(page.id) }));
  const pageOfPartner = new Map<string, string>();

  const partners = await store.partners.list({ includeRemoved: true });
  for (const partner of partners) {
    const pages = partnerPages.filter((page) => page.values[partnerNames.corridorId] === partner.id);
    if (partner.removedAt !== null) {
      if (pages.length > 0) problems.push(`partner ${partner.id} is removed but has ${pages.length} live page(s)`);
      continue;
    }
    if (pages.length !== 1) {
      problems.push(`partner ${partner.id} has ${pages.length} pages`);
      continue;
    }
    const page = pages[0]!;
    pageOfPartner.set(partner.id, page.id);
    const fields = partnerToFields(partner, lang, lastContacts.get(partner.id) ?? null);
    for (const [key, name] of Object.entries(partnerNames)) {
      const expected = fields[key as keyof typeof fields];
      const actual = page.values[name];
      const normal = (value: unknown) => (value === '' ? null : value);
      if (JSON.stringify(normal(actual)) !== JSON.stringify(normal(expected))) {
        problems.push(`partner ${partner.id} ${name}: Notion ${JSON.stringify(actual)}, store ${JSON.stringify(expected)}`);
      }
    }
  }
  const knownPartners = new Set(partners.map((partner) => partner.id));
  for (const page of partnerPages) {
    if (!knownPartners.has(String(page.values[partnerNames.corridorId]))) problems.push(`unknown partner page ${page.id}`);
  }

  const tracks = new Map((await store.listTracks()).map((track) => [track.id, track]));
  const actions = await store.actions.list({ includeRemoved: true });
  for (const action of actions) {
    const pages = actionPages.filter((page) => page.values[actionNames.corridorId] === action.id);
    if (action.removedAt !== null) {
      if (pages.length > 0) problems.push(`action ${action.id} is removed but has ${pages.length} live page(s)`);
      continue;
    }
    if (pages.length !== 1) {
      problems.push(`action ${action.id} has ${pages.length} pages`);
      continue;
    }
    const page = pages[0]!;
    const { fields } = actionToFields(action, { lang, tracks, partnerPages: pageOfPartner });
    for (const [key, name] of Object.entries(actionNames)) {
      const expected = fields[key as keyof typeof fields];
      const actual = page.values[name];
      const normal = (value: unknown) => (value === '' ? null : value);
      if (JSON.stringify(normal(actual)) !== JSON.stringify(normal(expected))) {
        problems.push(`action ${action.id} ${name}: Notion ${JSON.stringify(actual)}, store ${JSON.stringify(expected)}`);
      }
    }
  }
  return problems;
}
