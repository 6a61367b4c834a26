import { lastContactDays } from '../domain/contact-log.js';
import type { ActionItem, CorridorEvent, Partner, Person, Track } from '../domain/types.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import type { NotionLinks } from '../store/notion-links.js';
import { adoptActionItem } from './adoption.js';
import type { NotionNotAnsweringError } from './circuit-breaker.js';
import { checkNotionDatabases, queryAll, type CheckedDatabases, type NotionPage } from './data-sources.js';
import { actionSpec, eventSpec, partnerSpec, personSpec, type AnySpec, type SpecContext } from './entity-specs.js';
import { normaliseNotionId } from './ids.js';
import { indexPages, reportOrphans, unlinkedPage, type PageIndex } from './page-index.js';
import { Reconciler } from './reconcile.js';
import { abortReason, errorText, haltReason, recordInterruption } from './sync-failures.js';
import { emptySummary, type SyncSummary } from './sync-summary.js';
import { silentLogger, type SyncEngineDeps, type SyncLogger } from './sync-types.js';

export { NOTION_SYNC_ACTOR, silentLogger, type NotionDatabaseIds, type PeopleDirectory, type SyncEngineDeps, type SyncLogger, type SyncOptions } from './sync-types.js';
export { checkNotionDatabases, DatabaseNotFoundError, SeveralDataSourcesError, type CheckedDatabases } from './data-sources.js';
export { abortReason } from './sync-failures.js';

interface StoreSide {
  partners: Partner[];
  people: Person[];
  events: CorridorEvent[];
  actions: ActionItem[];
  tracks: Track[];
  lastContacts: ReadonlyMap<string, string>;
}

interface NotionSide {
  checked: CheckedDatabases;
  partners: PageIndex;
  actions: PageIndex;
  /** Set when the People database is. */
  people?: PageIndex;
  /** Set when the Events database is. */
  events?: PageIndex;
}

/** A record kind synced only when its database is set: People, Events. */
type OptionalEntity = 'person' | 'event';

type Synced = { id: string; removedAt: string | null };

/**
 * One sync: checks both databases, reads every page (paginated), then creates, updates or
 * archives pages so that Notion shows the store; an action item's status, due date and owner
 * edited in Notion come back into the store first. One record's failure does not stop the others.
 */
export async function runSyncEngine(deps: SyncEngineDeps): Promise<SyncSummary> {
  return new SyncRun(deps).run();
}

class SyncRun {
  private readonly clock: () => Date;
  private readonly logger: SyncLogger;
  private readonly links: NotionLinks;
  private readonly summary: SyncSummary;
  private readonly requestsAtStart: number;
  /** Set once Notion stopped answering: the records not yet through are left for the next run. */
  private halted: NotionNotAnsweringError | null = null;
  /** Set once another replica took the sync lease over: this run writes nothing more. */
  private leaseTaken = false;
  private remaining = 0;
  private total = 0;

  constructor(private readonly deps: SyncEngineDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.logger = deps.logger ?? silentLogger;
    this.links = deps.links ?? deps.store.notionLinks;
    this.summary = emptySummary(this.clock());
    this.requestsAtStart = deps.requestCount?.() ?? 0;
  }

  async run(): Promise<SyncSummary> {
    // Read the store first, so that a stop says how many records are left.
    const store = await this.readStore();
    const notion = await this.readNotion();
    this.total = store.partners.length + store.actions.length + (notion?.people ? store.people.length : 0) + (notion?.events ? store.events.length : 0);
    if (!notion) return this.finish();
    const context = this.specContext(store, notion);
    const reconciler = this.reconciler();
    const partners = partnerSpec(context);
    await this.syncAll(reconciler, partners as unknown as AnySpec, notion.partners, store.partners, (partner, pageId) => {
      if (partner.removedAt === null) context.partnerPages.set(partner.id, pageId);
    });
    const people = notion.checked.people;
    await this.syncOptional('person', people && personSpec(context, people), reconciler, notion.people, store.people, (person, pageId) => {
      if (person.removedAt === null) context.personPages.set(person.id, pageId);
    });
    const events = notion.checked.events;
    await this.syncOptional('event', events && eventSpec(context, events, this.pullContext().timeZone), reconciler, notion.events, store.events);
    await this.adoptActionItems(store, notion);
    this.listUnlinked(notion);
    const actions = actionSpec(context, this.pullContext());
    await this.syncAll(reconciler, actions as unknown as AnySpec, notion.actions, store.actions);
    if (!this.stopped()) this.logger.info('notion sync finished', { ...this.summary.counts });
    return this.finish();
  }

  /**
   * People, then events, once the pages they point at exist; a run without one of their databases
   * says how to add it.
   */
  private async syncOptional<R extends Synced>(
    entity: OptionalEntity,
    spec: object | undefined,
    reconciler: Reconciler,
    index: PageIndex | undefined,
    records: R[],
    onPage?: (record: R, pageId: string) => void,
  ): Promise<void> {
    if (!spec || !index) {
      this.summary.warnings.push(bothLanguages((words) => (entity === 'person' ? words.notionPeople : words.notionEvents).notConfigured));
      return;
    }
    this.summary.synced.push(entity);
    await this.syncAll(reconciler, spec as unknown as AnySpec, index, records, onPage);
  }

  /** Whether the run stops short: Notion stopped answering, or another replica took over. */
  private stopped(): boolean {
    this.leaseTaken ||= this.deps.leaseLost?.() ?? false;
    return this.halted !== null || this.leaseTaken;
  }

  private async readStore(): Promise<StoreSide> {
    const { store } = this.deps;
    return {
      partners: await store.partners.list({ includeRemoved: true }),
      people: await store.people.list({ includeRemoved: true }),
      events: await store.events.list({ includeRemoved: true }),
      actions: await store.actions.list({ includeRemoved: true }),
      tracks: await store.listTracks(),
      lastContacts: lastContactDays(await store.contacts.list()),
    };
  }

  private async readNotion(): Promise<NotionSide | undefined> {
    const { notion } = this.deps;
    try {
      const checked = await checkNotionDatabases({ ...this.deps, links: this.links });
      this.summary.warnings.push(...checked.warnings);
      const partners = indexPages(await queryAll(notion, checked.partners.dataSourceId), checked.partners.names.corridorId);
      const actions = indexPages(await queryAll(notion, checked.actions.dataSourceId), checked.actions.names.corridorId);
      const indexOf = async (database: { dataSourceId: string; names: { corridorId: string } } | undefined) =>
        database ? indexPages(await queryAll(notion, database.dataSourceId), database.names.corridorId) : undefined;
      const people = await indexOf(checked.people);
      const events = await indexOf(checked.events);
      return { checked, partners, actions, ...(people ? { people } : {}), ...(events ? { events } : {}) };
    } catch (error) {
      this.halted = haltReason(error, this.deps.breaker);
      if (this.halted) return undefined;
      this.summary.aborted = abortReason(error);
      this.logger.error('notion sync could not start', { error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }

  private specContext(store: StoreSide, notion: NotionSide): SpecContext {
    reportOrphans(notion.partners, new Set(store.partners.map((partner) => partner.id)), 'partner', this.logger);
    reportOrphans(notion.actions, new Set(store.actions.map((action) => action.id)), 'action', this.logger);
    if (notion.people) reportOrphans(notion.people, new Set(store.people.map((person) => person.id)), 'person', this.logger);
    if (notion.events) reportOrphans(notion.events, new Set(store.events.map((event) => event.id)), 'event', this.logger);
    const livePartners = new Set(store.partners.filter((partner) => partner.removedAt === null).map((partner) => partner.id));
    const partnerPages = new Map<string, string>();
    for (const id of livePartners) {
      const found = notion.partners.byCorridorId.get(id)?.[0];
      if (found) partnerPages.set(id, normaliseNotionId(found.id));
    }
    const tracks = new Map(store.tracks.map((track) => [track.id, track]));
    const partnersById = new Map(store.partners.map((partner) => [partner.id, partner]));
    const livePeople = new Set(store.people.filter((person) => person.removedAt === null).map((person) => person.id));
    // People's pages are known once the people are synced (syncOptional fills them in).
    return { checked: notion.checked, tracks, livePartners, livePeople, partnersById, partnerPages, personPages: new Map(), lastContacts: store.lastContacts };
  }

  private reconciler(): Reconciler {
    const { notion, options } = this.deps;
    const createAttempts = Math.max(1, options?.createAttempts ?? 4);
    return new Reconciler({ notion, links: this.links, clock: this.clock, logger: this.logger, summary: this.summary, createAttempts });
  }

  private pullContext() {
    const timeZone = this.deps.options?.timeZone ?? 'America/Toronto';
    const { store, people, notion } = this.deps;
    return { store, clock: this.clock, timeZone, people, notion, summary: this.summary, logger: this.logger };
  }

  /** Action items made by hand in Notion with a title and a track join the store (see adoption.ts). */
  private async adoptActionItems(store: StoreSide, notion: NotionSide): Promise<void> {
    if (this.stopped()) return;
    const partnerOfPage = new Map<string, string>();
    for (const [id, pages] of notion.partners.byCorridorId) partnerOfPage.set(normaliseNotionId(pages[0]!.id), id);
    const taken = new Set(store.actions.map((action) => action.id));
    const context = { store: this.deps.store, database: notion.checked.actions, tracks: store.tracks, partnerOfPage, taken, now: this.clock(), timeZone: this.pullContext().timeZone };
    const left: NotionPage[] = [];
    for (const page of notion.actions.unlinked) {
      const adopted = await adoptActionItem(page, context).catch((error: unknown) => {
        this.logger.warn('action item made in Notion not adopted', { page: page.id, error: error instanceof Error ? error.message : String(error) });
        return undefined;
      });
      if (!adopted) left.push(page);
      else {
        store.actions.push(adopted);
        notion.actions.byCorridorId.set(adopted.id, [page]);
        this.summary.adopted.push({ recordId: adopted.id, label: adopted.title });
      }
    }
    notion.actions.unlinked = left;
  }

  private listUnlinked(notion: NotionSide): void {
    const { partners, actions, people, events } = notion.checked;
    this.summary.unlinked.push(
      ...notion.partners.unlinked.map((page) => unlinkedPage('partner', page, partners.names.name)),
      ...(people && notion.people ? notion.people.unlinked.map((page) => unlinkedPage('person', page, people.names.name)) : []),
      ...(events && notion.events ? notion.events.unlinked.map((page) => unlinkedPage('event', page, events.names.title)) : []),
      ...notion.actions.unlinked.map((page) => unlinkedPage('action', page, actions.names.title)),
    );
  }

  private async syncAll<R extends Synced>(reconciler: Reconciler, spec: AnySpec, index: PageIndex, records: R[], onPage?: (record: R, pageId: string) => void) {
    const concurrency = Math.max(1, this.deps.options?.concurrency ?? 3);
    await forEachLimit(records, concurrency, async (record) => {
      if (this.stopped()) {
        this.remaining += 1;
        return;
      }
      try {
        const pageId = await reconciler.syncRecord(spec, index.byCorridorId.get(record.id) ?? [], record);
        if (pageId && onPage) onPage(record, pageId);
      } catch (error) {
        const halt = haltReason(error, this.deps.breaker);
        if (halt) {
          this.halted ??= halt;
          this.remaining += 1;
          return;
        }
        this.logger.warn('record not synced', { entity: spec.entity, record: record.id, error: error instanceof Error ? error.message : String(error) });
        reconciler.fail(spec, record, errorText(error));
      }
    });
  }

  private finish(): SyncSummary {
    this.summary.finishedAt = this.clock().toISOString();
    this.summary.requests = (this.deps.requestCount?.() ?? 0) - this.requestsAtStart;
    // Notion stopped answering before anything was read: every record is left for the next run.
    if (this.halted && this.remaining === 0) this.remaining = this.total;
    if (this.halted) recordInterruption(this.summary, this.halted, { total: this.total, remaining: this.remaining }, this.logger);
    else if (this.leaseTaken) this.recordLeaseLoss();
    return this.summary;
  }

  /** Stopped because another replica holds the lease now: one sync writes to Notion at a time. */
  private recordLeaseLoss(): void {
    const done = this.total - this.remaining;
    this.summary.aborted = bothLanguages((words) => words.notionRun.leaseLost(done, this.total));
    this.logger.warn('notion sync stopped: another replica took the sync lease over', { done, remaining: this.remaining });
  }
}

async function forEachLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
