import type { ActionItem, BilingualText, CorridorEvent, Partner, Person, Track } from '../domain/types.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { actionFieldsFromPage, actionToFields, type ActionFields } from './action-item-properties.js';
import { pullActionItem, type PullContext } from './action-item-pull.js';
import type { CheckedDatabases, NotionPage } from './data-sources.js';
import { eventFieldsFromPage, eventToFields } from './event-properties.js';
import { partnerFieldsFromPage, partnerToFields } from './partner-properties.js';
import { personFieldsFromPage, personToFields } from './person-properties.js';
import type { FieldValue } from './property-values.js';
import {
  actionPropertyTypes,
  eventPropertyTypes,
  partnerPropertyTypes,
  personPropertyTypes,
  type ActionPropertyKey,
  type EventPropertyKey,
  type EventsDatabase,
  type NotionPropertyType,
  type PartnerPropertyKey,
  type PeopleDatabase,
  type PersonPropertyKey,
  type ResolvedDatabase,
} from './schema.js';
import type { SyncEntity } from './sync-summary.js';

/** A record kind the sync mirrors: which database, which properties, and what comes back from Notion. */
export interface EntitySpec<R extends { id: string; removedAt: string | null }, K extends string> {
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

export type AnySpec = EntitySpec<{ id: string; removedAt: string | null }, string>;

/** What the specs share within one run: the checked databases, tracks, and partners' pages. */
export interface SpecContext {
  checked: CheckedDatabases;
  tracks: ReadonlyMap<string, Track>;
  /** Live partners, whose missing page is a problem for an action item that concerns them. */
  livePartners: ReadonlySet<string>;
  /** Live people, whose missing page is a problem for an event that names them. */
  livePeople: ReadonlySet<string>;
  /** Every partner by ID, removed ones included: a person's organisation is named by it. */
  partnersById: ReadonlyMap<string, Partner>;
  /** Pages of live partners, for the action items' relation: known ones first, new ones as created. */
  partnerPages: Map<string, string>;
  /** Pages of live people, for the events' relations: known ones first, new ones as created. */
  personPages: Map<string, string>;
  /** Each partner's last contact, from the contact log (the page's "Last contact" date). */
  lastContacts: ReadonlyMap<string, string>;
}

/** Partners: every field is the store's. */
export function partnerSpec(context: SpecContext): EntitySpec<Partner, PartnerPropertyKey> {
  const database = context.checked.partners;
  return {
    entity: 'partner',
    database,
    corridorIdProperty: database.names.corridorId,
    types: partnerPropertyTypes,
    label: (partner) => bothLanguages(() => partner.name),
    desired: (partner) => ({ fields: partnerToFields(partner, database.lang, context.lastContacts.get(partner.id) ?? null) }),
    read: (properties) => partnerFieldsFromPage(properties, database.names),
  };
}

/** Action items: status, due date and owner come back from Notion (see action-item-pull.ts). */
export function actionSpec(context: SpecContext, pulling: PullContext): EntitySpec<ActionItem, ActionPropertyKey> {
  const database = context.checked.actions;
  const desired = (action: ActionItem) => {
    const mapped = actionToFields(action, { lang: database.lang, tracks: context.tracks, partnerPages: context.partnerPages });
    const missing = mapped.missingPartners.filter((id) => context.livePartners.has(id));
    if (missing.length === 0) return { fields: mapped.fields };
    return { fields: mapped.fields, problem: bothLanguages((words) => words.notion.errors.partnerPageMissing(missing.join(', '))) };
  };
  return {
    entity: 'action',
    database,
    corridorIdProperty: database.names.corridorId,
    types: actionPropertyTypes,
    label: (action) => action.title,
    desired,
    read: (properties) => actionFieldsFromPage(properties, database.names),
    pull: (action, current, pushed, page) =>
      pullActionItem({ action, current: current as ActionFields, pushed: pushed as ActionFields, desired: desired(action).fields, page, ownerProperty: database.names.owner }, pulling),
  };
}

/** People: every field is the store's; the partner they represent is a relation to its page, their e-mail never leaves the store. */
export function personSpec(context: SpecContext, database: PeopleDatabase): EntitySpec<Person, PersonPropertyKey> {
  const mapping = { lang: database.lang, partners: context.partnersById, partnerPages: context.partnerPages };
  return {
    entity: 'person',
    database,
    corridorIdProperty: database.names.corridorId,
    types: personPropertyTypes,
    label: (person) => bothLanguages(() => person.name),
    desired: (person) => {
      const { fields, missingPartner } = personToFields(person, mapping);
      if (missingPartner === null || !context.livePartners.has(missingPartner)) return { fields };
      return { fields, problem: bothLanguages((words) => words.notion.errors.partnerPageMissing(missingPartner)) };
    },
    read: (properties) => personFieldsFromPage(properties, database.names),
  };
}

/**
 * Events: every field is the store's (their pages are mirrors). The date carries a timed event's
 * start and end in the corridor's zone; partners and people are relations to their pages.
 */
export function eventSpec(context: SpecContext, database: EventsDatabase, timeZone: string): EntitySpec<CorridorEvent, EventPropertyKey> {
  const types = eventPropertyTypes(database.withPeople);
  const mapping = { lang: database.lang, timeZone, types, partnerPages: context.partnerPages, personPages: context.personPages };
  return {
    entity: 'event',
    database,
    corridorIdProperty: database.names.corridorId,
    types,
    label: (event) => event.title,
    desired: (event) => {
      const { fields, missing } = eventToFields(event, mapping);
      const live = missing.filter((id) => context.livePartners.has(id) || context.livePeople.has(id));
      if (live.length === 0) return { fields };
      return { fields, problem: bothLanguages((words) => words.notionEvents.pagesMissing(live.join(', '))) };
    },
    read: (properties) => eventFieldsFromPage(properties, database.names, types),
  };
}
