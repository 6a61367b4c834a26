import { APIErrorCode, APIResponseError, UnknownHTTPResponseError, type Client } from '@notionhq/client';
import { z } from 'zod';
import { localIsoDate } from '../domain/dates.js';
import { draftOf } from '../domain/draft.js';
import type { ActionItem, BilingualText, Draft, Partner, Track } from '../domain/types.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import type { NotionLink, NotionLinks } from '../store/notion-links.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { actionFieldsFromPage, actionStatusFromLabel, actionStatusLabel, actionToFields } from './action-item-properties.js';
import { NotionNotAnsweringError } from './circuit-breaker.js';
import { NotionTransportError } from './client.js';
import { normaliseNotionId } from './ids.js';
import { partnerFieldsFromPage, partnerToFields } from './partner-properties.js';
import {
  changedKeys,
  fieldsHash,
  readValue,
  sameValue,
  toRequestProperties,
  type FieldValue,
  type PropertyValueRequest,
} from './property-values.js';
import {
  actionPropertyTypes,
  checkActionsSchema,
  checkPartnersSchema,
  NotionSchemaError,
  partnerPropertyTypes,
  type ActionsDatabase,
  type NotionPropertyType,
  type PartnersDatabase,
  type ResolvedDatabase,
} from './schema.js';
import { emptySummary, notAnsweringReason, type SyncEntity, type SyncSummary } from './sync-summary.js';

/** Actor written in the store's history when a change comes from Notion. */
export const NOTION_SYNC_ACTOR = 'notion-sync';

export interface SyncLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const silentLogger: SyncLogger = { info() {}, warn() {}, error() {} };

/** IDs of the two Notion databases (dashed form, see parseNotionId). */
export interface NotionDatabaseIds {
  partners: string;
  actions: string;
}

export interface SyncOptions {
  /** Records written at once; the client's pacing keeps the request rate in any case. */
  concurrency?: number;
  /** Attempts to create one page when Notion does not answer (each followed by a look-up). */
  createAttempts?: number;
  /** Time zone of the corridor, for the completion date of an action closed in Notion. */
  timeZone?: string;
}

export interface SyncEngineDeps {
  store: CorridorStore;
  notion: Client;
  databases: NotionDatabaseIds;
  /** Defaults to `store.notionLinks`. */
  links?: NotionLinks;
  clock?: () => Date;
  logger?: SyncLogger;
  options?: SyncOptions;
  /** Requests sent so far by the client's transport, to report in the summary. */
  requestCount?: () => number;
  /** The transport's circuit breaker: once it trips, the run stops (see NotionNotAnsweringError). */
  breaker?: { readonly tripped: NotionNotAnsweringError | null };
}

type CheckDeps = Pick<SyncEngineDeps, 'notion' | 'databases' | 'clock'> & { links: NotionLinks };

export interface CheckedDatabases {
  partners: PartnersDatabase;
  actions: ActionsDatabase;
}

/**
 * Finds the data source behind each database and checks its properties (start-up and each
 * sync). Throws NotionSchemaError naming what is missing or of the wrong type.
 */
export async function checkNotionDatabases(deps: CheckDeps): Promise<CheckedDatabases> {
  const now = deps.clock?.() ?? new Date();
  const partnersSource = await dataSourceOf(deps, deps.databases.partners, now);
  const partners = checkPartnersSchema(deps.databases.partners, partnersSource);
  const actionsSource = await dataSourceOf(deps, deps.databases.actions, now);
  const actions = checkActionsSchema(deps.databases.actions, actionsSource, partners.dataSourceId);
  return { partners, actions };
}

export class DatabaseNotFoundError extends Error {
  constructor(readonly which: keyof NotionDatabaseIds) {
    super(`Notion database not found (${which})`);
    this.name = 'DatabaseNotFoundError';
  }
}

const databaseShape = z.object({ data_sources: z.array(z.object({ id: z.string() }).loose()) }).loose();
const dataSourceParent = z.object({ parent: z.object({ database_id: z.string().optional() }).loose(), in_trash: z.boolean().optional() }).loose();

async function dataSourceOf(
  deps: CheckDeps,
  databaseId: string,
  now: Date,
): Promise<unknown> {
  const which: keyof NotionDatabaseIds = databaseId === deps.databases.partners ? 'partners' : 'actions';
  const cached = await deps.links.dataSourceOf(databaseId);
  if (cached) {
    try {
      const source = await deps.notion.dataSources.retrieve({ data_source_id: cached });
      const parsed = dataSourceParent.safeParse(source);
      const parentId = parsed.success ? parsed.data.parent.database_id : undefined;
      if (parentId && normaliseNotionId(parentId) === databaseId && !parsed.data?.in_trash) return source;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  let database: unknown;
  try {
    database = await deps.notion.databases.retrieve({ database_id: databaseId });
  } catch (error) {
    if (isNotFound(error)) throw new DatabaseNotFoundError(which);
    throw error;
  }
  const first = databaseShape.parse(database).data_sources[0];
  if (!first) throw new DatabaseNotFoundError(which);
  const source = await deps.notion.dataSources.retrieve({ data_source_id: first.id });
  await deps.links.rememberDataSource(databaseId, normaliseNotionId(first.id), now);
  return source;
}

const pageShape = z
  .object({
    object: z.literal('page'),
    id: z.string(),
    created_time: z.string(),
    last_edited_time: z.string(),
    in_trash: z.boolean().optional(),
    properties: z.record(z.string(), z.unknown()),
  })
  .loose();
type NotionPage = z.infer<typeof pageShape>;

const listShape = z.object({
  results: z.array(z.unknown()),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});

/** Every page of a data source, 100 at a time. */
async function queryAll(notion: Client, dataSourceId: string, filter?: Record<string, unknown>, pageSize = 100): Promise<NotionPage[]> {
  const pages: NotionPage[] = [];
  let cursor: string | undefined;
  do {
    const response = listShape.parse(
      await notion.dataSources.query({
        data_source_id: dataSourceId,
        page_size: pageSize,
        ...(cursor ? { start_cursor: cursor } : {}),
        ...(filter ? { filter: filter as never } : {}),
      }),
    );
    for (const item of response.results) {
      const page = pageShape.safeParse(item);
      if (page.success && !page.data.in_trash) pages.push(page.data);
    }
    cursor = response.has_more && response.next_cursor ? response.next_cursor : undefined;
  } while (cursor);
  return pages;
}

function isNotFound(error: unknown): boolean {
  return APIResponseError.isAPIResponseError(error) && error.code === APIErrorCode.ObjectNotFound;
}

/** A failure after which Notion may or may not have acted on the request. */
function isUnanswered(error: unknown): boolean {
  if (error instanceof NotionTransportError) return true;
  if (APIResponseError.isAPIResponseError(error)) return error.status >= 500;
  return UnknownHTTPResponseError.isUnknownHTTPResponseError(error) && error.status >= 500;
}

function errorText(error: unknown): BilingualText {
  if (error instanceof NotionTransportError) {
    return bothLanguages((words) => words.notion.errors.unreachable(error.message));
  }
  const message = error instanceof Error ? error.message : String(error);
  return bothLanguages(() => message);
}

/** The breaker's error when `error` means Notion stopped answering, null otherwise. */
function haltReason(error: unknown, breaker: SyncEngineDeps['breaker']): NotionNotAnsweringError | null {
  if (error instanceof NotionNotAnsweringError) return error;
  return error instanceof NotionTransportError ? (breaker?.tripped ?? null) : null;
}

/** A run stopped because Notion is not answering: what was done, what is left for the next run. */
function recordInterruption(summary: SyncSummary, halted: NotionNotAnsweringError, records: { total: number; remaining: number }, logger: SyncLogger): void {
  summary.interrupted = { kind: halted.kind, done: records.total - records.remaining, remaining: records.remaining };
  summary.aborted = notAnsweringReason(summary.interrupted, halted.count);
  logger.warn('notion sync stopped: Notion is not answering', { route: halted.route, kind: halted.kind, remaining: records.remaining });
}

/** Why a sync could not run, in both languages. */
export function abortReason(error: unknown): BilingualText {
  if (error instanceof NotionSchemaError) return bothLanguages((_, lang) => error.render(lang));
  if (error instanceof DatabaseNotFoundError) {
    const variable = error.which === 'partners' ? 'NOTION_PARTNERS_DATABASE_ID' : 'NOTION_ACTIONS_DATABASE_ID';
    return bothLanguages((words) => words.notion.errors.databaseNotFound(variable));
  }
  if (APIResponseError.isAPIResponseError(error) && error.code === APIErrorCode.Unauthorized) {
    return bothLanguages((words) => words.notion.errors.unauthorized);
  }
  return errorText(error);
}

interface EntitySpec<R extends { id: string; removedAt: string | null }, K extends string> {
  entity: SyncEntity;
  database: ResolvedDatabase<K>;
  corridorIdProperty: string;
  types: Record<K, NotionPropertyType>;
  label(record: R): BilingualText;
  desired(record: R): { fields: Record<K, FieldValue>; problem?: BilingualText };
  read(properties: unknown): Record<K, FieldValue>;
  /** Brings a Notion-side change back into the store; returns the record as now stored. */
  pull?(record: R, current: Record<K, FieldValue>, pushed: Record<K, FieldValue>, page: NotionPage): Promise<R | undefined>;
}

/**
 * One sync: checks both databases, reads every page (paginated), then creates, updates or
 * archives pages so that Notion shows the store; an action's status edited in Notion since the
 * last write is brought back into the store. One record's failure does not stop the others.
 */
export async function runSyncEngine(deps: SyncEngineDeps): Promise<SyncSummary> {
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const concurrency = Math.max(1, deps.options?.concurrency ?? 3);
  const createAttempts = Math.max(1, deps.options?.createAttempts ?? 4);
  const timeZone = deps.options?.timeZone ?? 'America/Toronto';
  const { store, notion } = deps;
  const links = deps.links ?? store.notionLinks;
  const requestsAtStart = deps.requestCount?.() ?? 0;
  const summary = emptySummary(clock());
  /** Set once Notion stopped answering: the records not yet through are left for the next run. */
  let halted: NotionNotAnsweringError | null = null;
  let remaining = 0;
  const finish = () => {
    summary.finishedAt = clock().toISOString();
    summary.requests = (deps.requestCount?.() ?? 0) - requestsAtStart;
    if (halted) recordInterruption(summary, halted, { total: partners.length + actions.length, remaining }, logger);
    return summary;
  };
  const haltOn = (error: unknown) => haltReason(error, deps.breaker);

  // Read first, so that a stop says how many records are left.
  const partners = await store.partners.list({ includeRemoved: true });
  const actions = await store.actions.list({ includeRemoved: true });
  const tracks = new Map<string, Track>((await store.listTracks()).map((track) => [track.id, track]));

  let checked: CheckedDatabases;
  let partnerPagesInNotion: NotionPage[];
  let actionPagesInNotion: NotionPage[];
  try {
    checked = await checkNotionDatabases({ ...deps, links });
    partnerPagesInNotion = await queryAll(notion, checked.partners.dataSourceId);
    actionPagesInNotion = await queryAll(notion, checked.actions.dataSourceId);
  } catch (error) {
    halted = haltOn(error);
    if (halted) {
      remaining = partners.length + actions.length;
      return finish();
    }
    summary.aborted = abortReason(error);
    logger.error('notion sync could not start', { error: error instanceof Error ? error.message : String(error) });
    return finish();
  }

  const partnerIndex = indexByCorridorId(partnerPagesInNotion, checked.partners.names.corridorId);
  const actionIndex = indexByCorridorId(actionPagesInNotion, checked.actions.names.corridorId);
  reportOrphans(partnerIndex, new Set(partners.map((p) => p.id)), 'partner', logger);
  reportOrphans(actionIndex, new Set(actions.map((a) => a.id)), 'action', logger);

  /** Pages of live partners, for the actions' relation: known ones first, new ones as created. */
  const livePartners = new Set(partners.filter((p) => p.removedAt === null).map((p) => p.id));
  const partnerPages = new Map<string, string>();
  for (const id of livePartners) {
    const found = partnerIndex.get(id)?.[0];
    if (found) partnerPages.set(id, normaliseNotionId(found.id));
  }

  const partnerSpec: EntitySpec<Partner, keyof typeof partnerPropertyTypes> = {
    entity: 'partner',
    database: checked.partners,
    corridorIdProperty: checked.partners.names.corridorId,
    types: partnerPropertyTypes,
    label: (partner) => bothLanguages(() => partner.name),
    desired: (partner) => ({ fields: partnerToFields(partner, checked.partners.lang) }),
    read: (properties) => partnerFieldsFromPage(properties, checked.partners.names),
  };

  const actionsLang = checked.actions.lang;
  const actionSpec: EntitySpec<ActionItem, keyof typeof actionPropertyTypes> = {
    entity: 'action',
    database: checked.actions,
    corridorIdProperty: checked.actions.names.corridorId,
    types: actionPropertyTypes,
    label: (action) => action.title,
    desired: (action) => {
      const mapped = actionToFields(action, { lang: actionsLang, tracks, partnerPages });
      const missing = mapped.missingPartners.filter((id) => livePartners.has(id));
      return {
        fields: mapped.fields,
        ...(missing.length > 0
          ? {
              problem: bothLanguages((words) => words.notion.errors.partnerPageMissing(missing.join(', '))),
            }
          : {}),
      };
    },
    read: (properties) => actionFieldsFromPage(properties, checked.actions.names),
    pull: async (action, current, pushed, page) => {
      // Only a status that changed in Notion since the sync's last write comes back.
      if (sameValue(current.status, pushed.status)) return undefined;
      const fromNotion = actionStatusFromLabel(current.status);
      if (!fromNotion || fromNotion === action.status) return undefined;
      const storeChanged = actionStatusLabel(action.status, actionsLang) !== pushed.status;
      // Both sides changed: the later change wins (Notion's times are to the minute).
      if (storeChanged && !(Date.parse(page.last_edited_time) > Date.parse(action.updatedAt))) return undefined;
      const now = clock();
      const draft: Draft<ActionItem> = {
        ...draftOf(action),
        status: fromNotion,
        completedOn: fromNotion === 'done' ? (action.completedOn ?? localIsoDate(now, timeZone)) : null,
      };
      const saved = await store.actions.save(draft, { actor: NOTION_SYNC_ACTOR, expectedVersion: action.version, now });
      summary.pulled.push({ entity: 'action', recordId: action.id, label: action.title, from: action.status, to: fromNotion });
      summary.counts.action.pulled += 1;
      logger.info('status brought back from Notion', { action: action.id, from: action.status, to: fromNotion });
      return saved;
    },
  };

  async function syncRecord<R extends { id: string; removedAt: string | null }, K extends string>(
    spec: EntitySpec<R, K>,
    index: Map<string, NotionPage[]>,
    initial: R,
  ): Promise<string | undefined> {
    const { entity, database } = spec;
    const counts = summary.counts[entity];
    const dataSourceId = database.dataSourceId;
    const link = await links.get(dataSourceId, entity, initial.id);
    const candidates = index.get(initial.id) ?? [];
    const page = candidates.find((candidate) => normaliseNotionId(candidate.id) === link?.pageId) ?? candidates[0];
    for (const extra of candidates) {
      if (extra === page) continue;
      // Two pages with one Corridor ID (e.g. two syncs at once): keep one, trash the others.
      await notion.pages.update({ page_id: extra.id, in_trash: true });
      summary.duplicatesArchived.push({ entity, recordId: initial.id, pageId: normaliseNotionId(extra.id) });
      logger.warn('duplicate Notion page archived', { entity, record: initial.id, page: extra.id });
    }

    const saveLink = async (pageId: string, fields: Record<string, FieldValue>, editedAt: string | null, archived: boolean, pushed: boolean) =>
      links.save({
        dataSourceId,
        entity,
        recordId: initial.id,
        pageId: normaliseNotionId(pageId),
        pushedHash: fieldsHash(fields),
        pushedValues: fields,
        pushedAt: pushed || !link ? clock().toISOString() : link.pushedAt,
        notionEditedAt: editedAt,
        archived,
      } satisfies NotionLink);

    if (initial.removedAt !== null) {
      if (page) {
        const archivedPage = await notion.pages.update({ page_id: page.id, in_trash: true });
        await saveLink(page.id, link?.pushedValues as Record<string, FieldValue> ?? {}, editedTime(archivedPage), true, true);
        counts.archived += 1;
      } else {
        if (link && !link.archived) await saveLink(link.pageId, link.pushedValues as Record<string, FieldValue>, link.notionEditedAt, true, false);
        counts.unchanged += 1;
      }
      return undefined;
    }

    let record = initial;
    let { fields, problem } = spec.desired(record);
    const properties = (keys?: K[]): Record<string, PropertyValueRequest> =>
      toRequestProperties(fields, database.names, spec.types, keys);

    if (!page) {
      const restored = link ? await restorePage(link.pageId, properties()) : undefined;
      const written = restored ?? (await createPage({ dataSourceId, corridorIdProperty: spec.corridorIdProperty }, properties(), record.id));
      await saveLink(written.id, fields, written.last_edited_time, false, true);
      if (problem) fail(spec, record, problem);
      else if (restored) counts.updated += 1;
      else counts.created += 1;
      return normaliseNotionId(written.id);
    }

    let current: Record<K, FieldValue> | undefined;
    try {
      current = spec.read(page.properties);
    } catch (error) {
      logger.warn('unreadable Notion page, rewriting it', { entity, record: record.id, error: String(error) });
    }
    const pushed = link && link.pageId === normaliseNotionId(page.id) && !link.archived
      ? (link.pushedValues as Record<K, FieldValue>)
      : undefined;
    if (spec.pull && current && pushed) {
      const pulled = await spec.pull(record, current, pushed, page);
      if (pulled) {
        record = pulled;
        ({ fields, problem } = spec.desired(record));
      }
    }
    const changed = current ? changedKeys(current, fields) : (Object.keys(spec.types) as K[]);
    if (changed.length === 0) {
      if (!link || link.pageId !== normaliseNotionId(page.id) || link.archived || link.pushedHash !== fieldsHash(fields)) {
        await saveLink(page.id, fields, page.last_edited_time, false, false);
      }
      if (problem) fail(spec, record, problem);
      else counts.unchanged += 1;
      return normaliseNotionId(page.id);
    }
    const overwritten = current && pushed ? changed.filter((key) => !sameValue(current[key], pushed[key])) : [];
    const updated = await notion.pages.update({ page_id: page.id, properties: properties(changed) as never });
    await saveLink(page.id, fields, editedTime(updated), false, true);
    if (overwritten.length > 0) {
      summary.overwritten.push({ entity, recordId: record.id, label: spec.label(record), properties: overwritten.map((key) => database.names[key]) });
    }
    if (problem) fail(spec, record, problem);
    else counts.updated += 1;
    return normaliseNotionId(page.id);
  }

  function fail<R extends { id: string }>(spec: EntitySpec<R & { removedAt: string | null }, string>, record: R, reason: BilingualText) {
    summary.counts[spec.entity].failed += 1;
    summary.failures.push({ entity: spec.entity, recordId: record.id, label: spec.label(record as R & { removedAt: string | null }), reason });
  }

  /** Takes a page out of the trash (a restored record, or a page trashed by hand). */
  async function restorePage(pageId: string, properties: Record<string, PropertyValueRequest>) {
    try {
      return writtenPage(await notion.pages.update({ page_id: pageId, in_trash: false, properties: properties as never }));
    } catch (error) {
      if (isNotFound(error) || (APIResponseError.isAPIResponseError(error) && error.code === APIErrorCode.ValidationError)) {
        return undefined;
      }
      throw error;
    }
  }

  /**
   * Creates a page. When Notion does not answer, the page may exist all the same: it is looked
   * up by its Corridor ID before trying again, so no duplicate is made.
   */
  async function createPage(database: { dataSourceId: string; corridorIdProperty: string }, properties: Record<string, PropertyValueRequest>, recordId: string) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return writtenPage(
          await notion.pages.create({ parent: { type: 'data_source_id', data_source_id: database.dataSourceId }, properties: properties as never }),
        );
      } catch (error) {
        if (!isUnanswered(error) || attempt >= createAttempts) throw error;
        const found = await queryAll(notion, database.dataSourceId, { property: database.corridorIdProperty, rich_text: { equals: recordId } }, 10);
        const existing = found.sort((a, b) => a.created_time.localeCompare(b.created_time))[0];
        if (existing) {
          logger.info('page found after an unanswered create', { record: recordId, page: existing.id });
          // It was created with these very properties; make sure of it all the same.
          return writtenPage(await notion.pages.update({ page_id: existing.id, properties: properties as never }));
        }
      }
    }
  }

  async function syncAll<R extends { id: string; removedAt: string | null }, K extends string>(
    spec: EntitySpec<R, K>,
    index: Map<string, NotionPage[]>,
    records: R[],
    onPage?: (record: R, pageId: string) => void,
  ) {
    await forEachLimit(records, concurrency, async (record) => {
      if (halted) {
        remaining += 1;
        return;
      }
      try {
        const pageId = await syncRecord(spec, index, record);
        if (pageId && onPage) onPage(record, pageId);
      } catch (error) {
        const halt = haltOn(error);
        if (halt) {
          halted ??= halt;
          remaining += 1;
          return;
        }
        logger.warn('record not synced', { entity: spec.entity, record: record.id, error: error instanceof Error ? error.message : String(error) });
        fail(spec as EntitySpec<R, string>, record, errorText(error));
      }
    });
  }

  await syncAll(partnerSpec, partnerIndex, partners, (partner, pageId) => {
    if (partner.removedAt === null) partnerPages.set(partner.id, pageId);
  });
  await syncAll(actionSpec, actionIndex, actions);
  if (halted) return finish();
  logger.info('notion sync finished', { partners: summary.counts.partner, actions: summary.counts.action });
  return finish();
}

const writtenShape = z.object({ id: z.string(), last_edited_time: z.string() }).loose();
function writtenPage(response: unknown): { id: string; last_edited_time: string } {
  return writtenShape.parse(response);
}

function editedTime(response: unknown): string | null {
  const parsed = writtenShape.safeParse(response);
  return parsed.success ? parsed.data.last_edited_time : null;
}

/** Pages by the Corridor ID they carry, oldest first; pages without one are not the sync's. */
function indexByCorridorId(pages: NotionPage[], property: string): Map<string, NotionPage[]> {
  const index = new Map<string, NotionPage[]>();
  for (const page of [...pages].sort((a, b) => a.created_time.localeCompare(b.created_time) || a.id.localeCompare(b.id))) {
    let id: FieldValue;
    try {
      id = readValue(page.properties, property, 'rich_text');
    } catch {
      continue;
    }
    if (typeof id !== 'string' || id.trim() === '') continue;
    const key = id.trim();
    index.set(key, [...(index.get(key) ?? []), page]);
  }
  return index;
}

function reportOrphans(index: Map<string, NotionPage[]>, known: Set<string>, entity: SyncEntity, logger: SyncLogger) {
  for (const [id, pages] of index) {
    if (!known.has(id)) logger.warn('Notion page with an unknown Corridor ID left as it is', { entity, corridorId: id, pages: pages.length });
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
