import { lastContactDays } from '../domain/contact-log.js';
import type { Client } from '@notionhq/client';
import type { ActionItem, CorridorEvent, Partner, Person } from '../domain/types.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { adoptActionItem } from './adoption.js';
import { checkNotionDatabases, retrievePage, type CheckedDatabases, type NotionPage } from './data-sources.js';
import { actionSpec, eventSpec, partnerSpec, personSpec, type AnySpec, type SpecContext } from './entity-specs.js';
import { normaliseNotionId } from './ids.js';
import { corridorIdOf } from './page-index.js';
import { Reconciler } from './reconcile.js';
import { emptySummary, type SyncEntity, type SyncSummary } from './sync-summary.js';
import type { NotionDatabaseIds, PeopleDirectory, SyncLogger } from './sync-types.js';
import { PAGE_EVENTS, type NotionWebhookEvent, type WebhookOutcome } from './webhook-events.js';

export interface PageEventDeps {
  store: CorridorStore;
  notion: Client;
  databases: NotionDatabaseIds;
  clock: () => Date;
  logger: SyncLogger;
  people?: PeopleDirectory;
  timeZone: string;
}

/** A checked database pair is good for a minute: a burst of events costs one schema check. */
const CHECK_TTL_MS = 60_000;

/**
 * Applies Notion's page events to the store by the sync's own rules, one page at a time: the
 * page is fetched (an event names it, never its content) and reconciled like the periodic sync
 * would. Each event is handled once across replicas (its ID is remembered in the database once it
 * was applied, so one that failed is applied on Notion's retry), and an event or a fetched page
 * older than what the store already holds changes nothing.
 */
export class PageEvents {
  private checked: { at: number; databases: CheckedDatabases } | undefined;

  constructor(private readonly deps: PageEventDeps) {}

  async apply(event: NotionWebhookEvent): Promise<{ outcome: WebhookOutcome; summary: SyncSummary }> {
    const summary = emptySummary(this.deps.clock());
    if (!PAGE_EVENTS.has(event.type) || event.entity.type !== 'page' || this.foreignParent(event)) return { outcome: 'ignored', summary };
    const { coordination } = this.deps.store;
    const delivery = `notion:${event.id}`;
    if (await coordination.delivered(delivery)) return { outcome: 'repeat', summary };
    const outcome = await this.applyOnce(event, summary);
    // Recorded only now: an event that failed above is not remembered, so Notion's retry applies it.
    await coordination.firstDelivery(delivery, this.deps.clock());
    return { outcome, summary };
  }

  private async applyOnce(event: NotionWebhookEvent, summary: SyncSummary): Promise<WebhookOutcome> {
    const checked = await this.checkedDatabases();
    const page = await retrievePage(this.deps.notion, event.entity.id);
    const entity = page && entityOf(page, checked);
    if (!page || !entity) return 'ignored';
    return this.applyPage({ event, page, entity, checked, summary });
  }

  /** The event names a parent that is not one of the two databases: no need to ask Notion. */
  private foreignParent(event: NotionWebhookEvent): boolean {
    const parent = event.data?.parent;
    if (!parent) return false;
    const { partners, actions, people, events } = this.deps.databases;
    const ours = [partners, actions, ...(people ? [people] : []), ...(events ? [events] : [])];
    if (parent.type === 'database') return !ours.includes(normaliseNotionId(parent.id));
    return parent.type !== 'data_source' && parent.data_source_id === undefined;
  }

  private async checkedDatabases(): Promise<CheckedDatabases> {
    const now = this.deps.clock().getTime();
    if (this.checked && now - this.checked.at < CHECK_TTL_MS) return this.checked.databases;
    const databases = await checkNotionDatabases({ ...this.deps, links: this.deps.store.notionLinks });
    this.checked = { at: now, databases };
    return databases;
  }

  private async applyPage(input: { event: NotionWebhookEvent; page: NotionPage; entity: SyncEntity; checked: CheckedDatabases; summary: SyncSummary }): Promise<WebhookOutcome> {
    const { page, entity, checked, summary } = input;
    const database = databaseOf(entity, checked)!;
    const corridorId = corridorIdOf(page, database.names.corridorId);
    const record = corridorId ? await this.recordOf(entity, corridorId) : await this.adopt(page, checked, summary);
    if (!record) return 'ignored';
    const link = await this.deps.store.notionLinks.get(database.dataSourceId, entity, record.id);
    if (link?.notionEditedAt && isOlder(input.event.timestamp, page.last_edited_time, link.notionEditedAt)) {
      this.deps.logger.info('Notion event older than the store, left aside', { event: input.event.id, page: page.id });
      return 'stale';
    }
    const context = await this.specContext(checked, record, entity);
    const reconciler = new Reconciler({ notion: this.deps.notion, links: this.deps.store.notionLinks, clock: this.deps.clock, logger: this.deps.logger, summary, createAttempts: 2 });
    await reconciler.syncRecord(this.specOf(entity, context, summary), page.in_trash ? [] : [page], record);
    return 'applied';
  }

  private specOf(entity: SyncEntity, context: SpecContext, summary: SyncSummary): AnySpec {
    if (entity === 'partner') return partnerSpec(context) as unknown as AnySpec;
    if (entity === 'person') return personSpec(context, context.checked.people!) as unknown as AnySpec;
    if (entity === 'event') return eventSpec(context, context.checked.events!, this.deps.timeZone) as unknown as AnySpec;
    return actionSpec(context, this.pullContext(summary)) as unknown as AnySpec;
  }

  private async recordOf(entity: SyncEntity, id: string): Promise<SyncedRecord | undefined> {
    const { store } = this.deps;
    if (entity === 'partner') return store.partners.get(id);
    if (entity === 'event') return store.events.get(id);
    return entity === 'person' ? store.people.get(id) : store.actions.get(id);
  }

  /** A page made by hand in the Action items database is adopted as the periodic sync would. */
  private async adopt(page: NotionPage, checked: CheckedDatabases, summary: SyncSummary): Promise<ActionItem | undefined> {
    if (page.in_trash || entityOf(page, checked) !== 'action') return undefined;
    const { store } = this.deps;
    const taken = new Set((await store.actions.list({ includeRemoved: true })).map((action) => action.id));
    const partnerOfPage = new Map<string, string>();
    for (const link of await store.notionLinks.list(checked.partners.dataSourceId, 'partner')) {
      if (!link.archived) partnerOfPage.set(link.pageId, link.recordId);
    }
    const tracks = await store.listTracks();
    const adopted = await adoptActionItem(page, { store, database: checked.actions, tracks, partnerOfPage, taken, timeZone: this.deps.timeZone, now: this.deps.clock() });
    if (adopted) summary.adopted.push({ recordId: adopted.id, label: adopted.title });
    return adopted;
  }

  /** The spec context for one record: its partners' (and an event's people's) pages from the links, not from a full read. */
  private async specContext(checked: CheckedDatabases, record: SyncedRecord, entity: SyncEntity): Promise<SpecContext> {
    const { store } = this.deps;
    const partners = await store.partners.list({ includeRemoved: true });
    const partnerPages = await this.linkedPages(checked.partners.dataSourceId, 'partner', partnersOf(record, entity));
    const personIds = entity === 'event' && checked.people ? peopleOf(record as CorridorEvent) : [];
    const personPages = checked.people ? await this.linkedPages(checked.people.dataSourceId, 'person', personIds) : new Map<string, string>();
    const livePeople = new Set(personIds.length === 0 ? [] : (await store.people.list()).map((person) => person.id));
    const tracks = new Map((await store.listTracks()).map((track) => [track.id, track]));
    const lastContacts = lastContactDays(await store.contacts.list());
    const livePartners = new Set(partners.filter((partner) => partner.removedAt === null).map((partner) => partner.id));
    const partnersById = new Map(partners.map((partner) => [partner.id, partner]));
    return { checked, tracks, livePartners, livePeople, partnersById, partnerPages, personPages, lastContacts };
  }

  /** The live pages the links know for some records of one kind. */
  private async linkedPages(dataSourceId: string, entity: 'partner' | 'person', ids: readonly string[]): Promise<Map<string, string>> {
    const pages = new Map<string, string>();
    for (const id of new Set(ids)) {
      const link = await this.deps.store.notionLinks.get(dataSourceId, entity, id);
      if (link && !link.archived) pages.set(id, link.pageId);
    }
    return pages;
  }

  private pullContext(summary: SyncSummary) {
    const { store, clock, timeZone, people, logger, notion } = this.deps;
    return { store, clock, timeZone, people, notion, summary, logger };
  }
}

function entityOf(page: NotionPage, checked: CheckedDatabases): SyncEntity | undefined {
  const source = page.parent?.data_source_id ? normaliseNotionId(page.parent.data_source_id) : undefined;
  if (source === checked.partners.dataSourceId) return 'partner';
  if (source === checked.actions.dataSourceId) return 'action';
  if (checked.people && source === checked.people.dataSourceId) return 'person';
  if (checked.events && source === checked.events.dataSourceId) return 'event';
  return undefined;
}

function databaseOf(entity: SyncEntity, checked: CheckedDatabases) {
  if (entity === 'partner') return checked.partners;
  if (entity === 'event') return checked.events;
  return entity === 'person' ? checked.people : checked.actions;
}

type SyncedRecord = Partner | Person | CorridorEvent | ActionItem;

/** The people an event's page points at. */
function peopleOf(event: CorridorEvent): string[] {
  return [...event.speakers.map((speaker) => speaker.personId), ...event.invitedPersonIds];
}

/** The partners whose pages a record's page points at. */
function partnersOf(record: SyncedRecord, entity: SyncEntity): string[] {
  if (entity === 'action') return (record as ActionItem).partnerIds;
  if (entity === 'event') {
    const event = record as CorridorEvent;
    return [...event.organiserIds, ...event.invitedPartnerIds, ...event.attendingPartnerIds];
  }
  const partnerId = entity === 'person' ? (record as Person).partnerId : null;
  return partnerId ? [partnerId] : [];
}

/** The event, or the page as fetched, is older than the page state the store already holds. */
function isOlder(eventAt: string, pageEditedAt: string, heldEditedAt: string): boolean {
  const held = Date.parse(heldEditedAt);
  return Date.parse(eventAt) < held || Date.parse(pageEditedAt) < held;
}
