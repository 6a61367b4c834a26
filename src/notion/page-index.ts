import type { NotionPage } from './data-sources.js';
import { notionPageUrl } from './ids.js';
import { readValue, type FieldValue } from './property-values.js';
import type { SyncEntity, UnlinkedPage } from './sync-summary.js';
import type { SyncLogger } from './sync-types.js';

/** The pages of one database: those carrying a Corridor ID, by that ID, and those without one. */
export interface PageIndex {
  byCorridorId: Map<string, NotionPage[]>;
  /** Pages without a Corridor ID (made by hand in Notion), oldest first. */
  unlinked: NotionPage[];
}

/** The Corridor ID a page carries, if any. */
export function corridorIdOf(page: NotionPage, property: string): string | undefined {
  let id: FieldValue;
  try {
    id = readValue(page.properties, property, 'rich_text');
  } catch {
    return undefined;
  }
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** Pages by the Corridor ID they carry, oldest first. */
export function indexPages(pages: NotionPage[], corridorIdProperty: string): PageIndex {
  const index: PageIndex = { byCorridorId: new Map(), unlinked: [] };
  for (const page of [...pages].sort((a, b) => a.created_time.localeCompare(b.created_time) || a.id.localeCompare(b.id))) {
    const id = corridorIdOf(page, corridorIdProperty);
    if (id === undefined) index.unlinked.push(page);
    else index.byCorridorId.set(id, [...(index.byCorridorId.get(id) ?? []), page]);
  }
  return index;
}

/** The page's title as Notion shows it (empty when the title property is unreadable). */
export function pageTitle(page: NotionPage, titleProperty: string): string {
  try {
    const title = readValue(page.properties, titleProperty, 'title');
    return typeof title === 'string' ? title.trim() : '';
  } catch {
    return '';
  }
}

/** A page without a Corridor ID, as the summary lists it: its title and its link. */
export function unlinkedPage(entity: SyncEntity, page: NotionPage, titleProperty: string): UnlinkedPage {
  return { entity, title: pageTitle(page, titleProperty), url: page.url ?? notionPageUrl(page.id) };
}

export function reportOrphans(index: PageIndex, known: Set<string>, entity: SyncEntity, logger: SyncLogger): void {
  for (const [id, pages] of index.byCorridorId) {
    if (!known.has(id)) logger.warn('Notion page with an unknown Corridor ID left as it is', { entity, corridorId: id, pages: pages.length });
  }
}
