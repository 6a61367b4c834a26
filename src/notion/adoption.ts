import { localIsoDate } from '../domain/dates.js';
import { slugify, uniqueId } from '../domain/slug.js';
import type { ActionItem, Track } from '../domain/types.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { actionStatusFromLabel } from './action-item-properties.js';
import type { ActionsDatabase } from './schema.js';
import type { NotionPage } from './data-sources.js';
import { normaliseNotionId } from './ids.js';
import { pageTitle } from './page-index.js';
import { readValue } from './property-values.js';
import { selectOptionName } from './schema.js';
import { NOTION_SYNC_ACTOR } from './sync-types.js';

export interface AdoptionContext {
  store: CorridorStore;
  database: ActionsDatabase;
  tracks: readonly Track[];
  /** Partner of each partner page, for the new action item's partners. */
  partnerOfPage: ReadonlyMap<string, string>;
  /** IDs already taken by action items, removed ones included. */
  taken: Set<string>;
  timeZone: string;
  now: Date;
}

function trackOf(page: NotionPage, context: AdoptionContext): Track | undefined {
  const option = readOptional(page, context.database.names.track, 'select');
  if (typeof option !== 'string') return undefined;
  const named = (title: Track['title']) => selectOptionName(title.fr) === option || selectOptionName(title.en) === option;
  // A page made under a track's former title (an option renamed since) still belongs to that track.
  return context.tracks.find((track) => named(track.title)) ?? context.tracks.find((track) => track.formerTitles.some(named));
}

function readOptional(page: NotionPage, property: string, type: 'select' | 'date' | 'relation') {
  try {
    return readValue(page.properties, property, type);
  } catch {
    return null;
  }
}

/** The action item a page made by hand in Notion stands for, if it has a title and a known track. */
function actionFromPage(page: NotionPage, context: AdoptionContext): Omit<ActionItem, 'version' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'removedAt'> | undefined {
  const title = pageTitle(page, context.database.names.title);
  const track = trackOf(page, context);
  if (title === '' || !track) return undefined;
  const status = actionStatusFromLabel(readOptional(page, context.database.names.status, 'select')) ?? 'open';
  const dueOn = readOptional(page, context.database.names.dueOn, 'date');
  const related = readOptional(page, context.database.names.partners, 'relation');
  const partnerIds = (Array.isArray(related) ? related : []).flatMap((pageId) => context.partnerOfPage.get(normaliseNotionId(pageId)) ?? []);
  return {
    id: uniqueId(slugify(title), context.taken),
    title: { fr: title, en: title },
    trackId: track.id,
    status,
    ownerUserId: null,
    dueOn: typeof dueOn === 'string' ? dueOn : null,
    partnerIds,
    completedOn: status === 'done' ? localIsoDate(new Date(page.last_edited_time), context.timeZone) : null,
  };
}

/**
 * Takes an action item created in Notion (a title and a track, no Corridor ID) into the store
 * under a new Corridor ID; the sync then writes that ID onto the page. Keyed on the page, so two
 * runs or replicas adopting the same page make one record. Undefined when the page does not qualify.
 */
export async function adoptActionItem(page: NotionPage, context: AdoptionContext): Promise<ActionItem | undefined> {
  const draft = actionFromPage(page, context);
  if (!draft) return undefined;
  const saved = await context.store.actions.save(draft, { actor: NOTION_SYNC_ACTOR, now: context.now, formId: `notion:${normaliseNotionId(page.id)}` });
  context.taken.add(saved.id);
  return saved;
}
