import { collectPaginatedAPI, type Client } from '@notionhq/client';
import { z } from 'zod';
import type { NotionLinks } from '../store/notion-links.js';
import { normaliseNotionId } from './ids.js';
import type { BilingualText } from '../domain/types.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import {
  checkActionsSchema,
  checkPartnersSchema,
  checkEventsSchema,
  checkPeopleSchema,
  partnerPropertiesToAdd,
  type ActionsDatabase,
  type EventsDatabase,
  type PartnersDatabase,
  type PeopleDatabase,
} from './schema.js';
import { DATABASE_VARIABLES, DatabaseNotFoundError, isNotFound, SeveralDataSourcesError } from './sync-failures.js';
import type { NotionDatabaseIds } from './sync-types.js';

/** Reading Notion: the data source behind each database, checked, and the pages it holds. */

export { DatabaseNotFoundError, SeveralDataSourcesError };

export interface CheckedDatabases {
  partners: PartnersDatabase;
  actions: ActionsDatabase;
  /** Set when NOTION_PEOPLE_DATABASE_ID is. */
  people?: PeopleDatabase;
  /** Set when NOTION_EVENTS_DATABASE_ID is. */
  events?: EventsDatabase;
  /** What the check noticed and left as it is: a data source added later to a database in use. */
  warnings: BilingualText[];
}

type CheckDeps = { notion: Client; databases: NotionDatabaseIds; clock?: () => Date; links: NotionLinks };

/**
 * Finds the data source behind each database and checks its properties (start-up and each
 * sync). Throws NotionSchemaError naming what is missing or of the wrong type.
 */
export async function checkNotionDatabases(deps: CheckDeps): Promise<CheckedDatabases> {
  const now = deps.clock?.() ?? new Date();
  const warnings: BilingualText[] = [];
  const partnersSource = await withPropertiesAddedLater(deps.notion, await dataSourceOf(deps, 'partners', now, warnings));
  const partners = checkPartnersSchema(deps.databases.partners, partnersSource);
  const actionsSource = await dataSourceOf(deps, 'actions', now, warnings);
  const actions = checkActionsSchema(deps.databases.actions, actionsSource, partners.dataSourceId);
  const people = deps.databases.people === undefined
    ? undefined
    : checkPeopleSchema(deps.databases.people, await dataSourceOf(deps, 'people', now, warnings), partners.dataSourceId);
  const events = deps.databases.events === undefined
    ? undefined
    : checkEventsSchema(deps.databases.events, await dataSourceOf(deps, 'events', now, warnings), partners.dataSourceId, people?.dataSourceId);
  return { partners, actions, ...(people ? { people } : {}), ...(events ? { events } : {}), warnings };
}

/** A Partners data source made before some properties existed gets them (Stage, Last contact…), once. */
async function withPropertiesAddedLater(notion: Client, source: unknown): Promise<unknown> {
  const missing = partnerPropertiesToAdd(source);
  const id = z.object({ id: z.string() }).loose().safeParse(source);
  if (!missing || !id.success) return source;
  return notion.dataSources.update({ data_source_id: id.data.id, properties: missing as never });
}

const databaseShape = z
  .object({ data_sources: z.array(z.object({ id: z.string(), name: z.string().optional() }).loose()) })
  .loose();
const dataSourceParent = z
  .object({ parent: z.object({ database_id: z.string().optional() }).loose(), in_trash: z.boolean().optional() })
  .loose();

/** The data source remembered for a database, if it still belongs to it and is not in the trash. */
async function rememberedDataSource(deps: CheckDeps, databaseId: string): Promise<unknown> {
  const cached = await deps.links.dataSourceOf(databaseId);
  if (!cached) return undefined;
  try {
    const source = await deps.notion.dataSources.retrieve({ data_source_id: cached });
    const parsed = dataSourceParent.safeParse(source);
    const parentId = parsed.success ? parsed.data.parent.database_id : undefined;
    if (parentId && normaliseNotionId(parentId) === databaseId && !parsed.data?.in_trash) return source;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  return undefined;
}

/**
 * The data source the sync uses for a database: the one remembered, or the database's only one. A
 * database holding several is refused at first; one added later, beside the source in use, is named
 * in `warnings` and left alone.
 */
async function dataSourceOf(deps: CheckDeps, which: keyof NotionDatabaseIds, now: Date, warnings: BilingualText[]): Promise<unknown> {
  const databaseId = deps.databases[which]!;
  const sources = await listedDataSources(deps, which, databaseId);
  const remembered = await rememberedDataSource(deps, databaseId);
  if (remembered) {
    const keptId = normaliseNotionId(z.object({ id: z.string() }).loose().parse(remembered).id);
    const kept = sources.find((source) => normaliseNotionId(source.id) === keptId);
    const others = sources.filter((source) => source !== kept).map(sourceName);
    if (others.length > 0) warnings.push(otherSourcesWarning(which, kept ? sourceName(kept) : keptId, others));
    return remembered;
  }
  if (sources.length > 1) throw new SeveralDataSourcesError(which, sources.map(sourceName));
  const first = sources[0];
  if (!first) throw new DatabaseNotFoundError(which);
  const source = await deps.notion.dataSources.retrieve({ data_source_id: first.id });
  await deps.links.rememberDataSource(databaseId, normaliseNotionId(first.id), now);
  return source;
}

type ListedSource = z.infer<typeof databaseShape>['data_sources'][number];

async function listedDataSources(deps: CheckDeps, which: keyof NotionDatabaseIds, databaseId: string): Promise<ListedSource[]> {
  try {
    return databaseShape.parse(await deps.notion.databases.retrieve({ database_id: databaseId })).data_sources;
  } catch (error) {
    if (isNotFound(error)) throw new DatabaseNotFoundError(which);
    throw error;
  }
}

function sourceName(source: ListedSource): string {
  return source.name || source.id;
}

function otherSourcesWarning(which: keyof NotionDatabaseIds, kept: string, others: string[]): BilingualText {
  const named = others.map((name) => `“${name}”`).join(', ');
  return bothLanguages((words) => words.notionRun.otherDataSources(DATABASE_VARIABLES[which], kept, named));
}

export const pageShape = z
  .object({
    object: z.literal('page'),
    id: z.string(),
    created_time: z.string(),
    last_edited_time: z.string(),
    in_trash: z.boolean().optional(),
    parent: z.object({ type: z.string(), data_source_id: z.string().optional() }).loose().optional(),
    url: z.string().optional(),
    properties: z.record(z.string(), z.unknown()),
  })
  .loose();
export type NotionPage = z.infer<typeof pageShape>;

/** Every page of a data source not in the trash, 100 at a time (the SDK's pagination helper). */
export async function queryAll(notion: Client, dataSourceId: string, filter?: Record<string, unknown>, pageSize = 100): Promise<NotionPage[]> {
  const results = await collectPaginatedAPI(notion.dataSources.query, {
    data_source_id: dataSourceId,
    page_size: pageSize,
    ...(filter ? { filter: filter as never } : {}),
  });
  const pages: NotionPage[] = [];
  for (const item of results) {
    const page = pageShape.safeParse(item);
    if (page.success && !page.data.in_trash) pages.push(page.data);
  }
  return pages;
}

/** One page as Notion has it now, in the trash or not; undefined when Notion does not know it. */
export async function retrievePage(notion: Client, pageId: string): Promise<NotionPage | undefined> {
  try {
    return pageShape.parse(await notion.pages.retrieve({ page_id: pageId }));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
