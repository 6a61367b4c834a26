import { actionStatuses, type ActionItem, type ActionStatus, type Track } from '../domain/types.js';
import { catalogue, LANGS, type Lang } from '../i18n/index.js';
import {
  fromPageProperties,
  toRequestProperties,
  type FieldValue,
  type PropertyValueRequest,
} from './property-values.js';
import { actionPropertyTypes, selectOptionName, trackOptionName, type ActionPropertyKey } from './schema.js';

/** An action item as the Notion page shows it. */
export type ActionFields = Record<ActionPropertyKey, FieldValue>;

export interface ActionMappingContext {
  lang: Lang;
  tracks: ReadonlyMap<string, Track>;
  /** Notion page of each partner that has one (removed partners have none). */
  partnerPages: ReadonlyMap<string, string>;
}

export interface MappedAction {
  fields: ActionFields;
  /** Partners concerned without a page in `partnerPages` (not yet synced, or removed). */
  missingPartners: string[];
}

export function actionStatusLabel(status: ActionStatus, lang: Lang): string {
  return selectOptionName(catalogue(lang).actionStatus[status]);
}

/** The store's status for a Notion status option, in either language; undefined for an option of Notion's own. */
export function actionStatusFromLabel(label: FieldValue): ActionStatus | undefined {
  if (typeof label !== 'string') return undefined;
  // Pages written before the US spelling ("Canceled") keep their "Cancelled" option.
  const wanted = label.trim().toLowerCase().replace(/^cancelled$/, 'canceled');
  for (const lang of LANGS) {
    const found = actionStatuses.find((status) => actionStatusLabel(status, lang).toLowerCase() === wanted);
    if (found) return found;
  }
  return undefined;
}

export function actionToFields(action: ActionItem, context: ActionMappingContext): MappedAction {
  const track = action.trackId ? context.tracks.get(action.trackId) : undefined;
  const pages: string[] = [];
  const missingPartners: string[] = [];
  for (const partnerId of action.partnerIds) {
    const page = context.partnerPages.get(partnerId);
    if (page) pages.push(page);
    else missingPartners.push(partnerId);
  }
  return {
    fields: {
      title: action.title[context.lang],
      corridorId: action.id,
      track: track ? trackOptionName(track, context.lang) : null,
      status: actionStatusLabel(action.status, context.lang),
      owner: action.ownerUserId ?? '',
      dueOn: action.dueOn,
      partners: [...new Set(pages)].sort(),
      completedOn: action.completedOn,
    },
    missingPartners,
  };
}

export function actionFieldsToProperties(
  fields: ActionFields,
  names: Record<ActionPropertyKey, string>,
  keys?: readonly ActionPropertyKey[],
): Record<string, PropertyValueRequest> {
  return toRequestProperties(fields, names, actionPropertyTypes, keys);
}

export function actionFieldsFromPage(properties: unknown, names: Record<ActionPropertyKey, string>): ActionFields {
  return fromPageProperties(properties, names, actionPropertyTypes);
}
