import { APIErrorCode, APIResponseError, type Client } from '@notionhq/client';
import { z } from 'zod';
import type { Track } from '../domain/types.js';
import { catalogue, type Lang } from '../i18n/index.js';
import { normaliseNotionId } from './ids.js';
import { actionsDatabaseProperties, eventsDatabaseProperties, partnersDatabaseProperties, peopleDatabaseProperties } from './schema.js';

export interface CreatedDatabase {
  databaseId: string;
  dataSourceId: string;
  title: string;
  url: string;
}

export class ParentPageNotFoundError extends Error {
  constructor() {
    super('parent page not found or not shared with the integration');
    this.name = 'ParentPageNotFoundError';
  }
}

const createdShape = z
  .object({ id: z.string(), url: z.string().optional(), data_sources: z.array(z.object({ id: z.string() }).loose()).min(1) })
  .loose();

/** Creates the Partners, Action items, People and Events databases under a page (each with its data source). */
export async function createCorridorDatabases(args: {
  notion: Client;
  parentPageId: string;
  lang: Lang;
  tracks: Track[];
}): Promise<{ partners: CreatedDatabase; actions: CreatedDatabase; people: CreatedDatabase; events: CreatedDatabase }> {
  const { notion, parentPageId, lang, tracks } = args;
  const titles = catalogue(lang).notion.databaseTitles;
  const create = async (title: string, properties: Record<string, unknown>): Promise<CreatedDatabase> => {
    let response: unknown;
    try {
      response = await notion.databases.create({
        parent: { type: 'page_id', page_id: parentPageId },
        title: [{ type: 'text', text: { content: title } }],
        initial_data_source: { properties: properties as never },
      });
    } catch (error) {
      if (APIResponseError.isAPIResponseError(error) && error.code === APIErrorCode.ObjectNotFound) throw new ParentPageNotFoundError();
      throw error;
    }
    const created = createdShape.parse(response);
    return {
      databaseId: normaliseNotionId(created.id),
      dataSourceId: normaliseNotionId(created.data_sources[0]!.id),
      title,
      url: created.url ?? '',
    };
  };
  const partners = await create(titles.partners, partnersDatabaseProperties(lang));
  const actions = await create(titles.actions, actionsDatabaseProperties(lang, partners.dataSourceId, tracks));
  const people = await create(catalogue(lang).notionPeople.databaseTitle, peopleDatabaseProperties(lang, partners.dataSourceId));
  const events = await create(catalogue(lang).notionEvents.databaseTitle, eventsDatabaseProperties(lang, partners.dataSourceId, people.dataSourceId));
  return { partners, actions, people, events };
}
