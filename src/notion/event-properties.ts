import { timedEventSpan, zonedDateTime } from '../domain/event-times.js';
import type { CorridorEvent } from '../domain/types.js';
import { catalogue, type Lang } from '../i18n/index.js';
import { fromPageProperties, type FieldValue } from './property-values.js';
import { selectOptionName, type EventPropertyKey, type NotionPropertyType } from './schema.js';

/** An event as the Events page shows it. */
export type EventFields = Record<EventPropertyKey, FieldValue>;

export interface EventMappingContext {
  lang: Lang;
  /** CORRIDOR_TZ: a timed event's start and end are written with this zone's offset. */
  timeZone: string;
  /** The properties the sync manages (the people relations only when the People database is set). */
  types: Record<EventPropertyKey, NotionPropertyType>;
  partnerPages: ReadonlyMap<string, string>;
  personPages: ReadonlyMap<string, string>;
}

export interface MappedEvent {
  fields: EventFields;
  /** Partners and people named by the event without a page (not yet synced, or removed). */
  missing: string[];
}

/** A timed event's span in the corridor's zone (one hour without an end, as calendars show it); a day-long one's date. */
export function eventDateValue(event: CorridorEvent, timeZone: string): string {
  const span = timedEventSpan(event, timeZone);
  return span ? `${zonedDateTime(span.start, timeZone)}/${zonedDateTime(span.end, timeZone)}` : event.date;
}

/** What the Events page of an event should say, in the database's language: what its public card says, no e-mail. */
export function eventToFields(event: CorridorEvent, context: EventMappingContext): MappedEvent {
  const missing: string[] = [];
  const pagesOf = (ids: readonly string[], pages: ReadonlyMap<string, string>) => {
    const found = new Set<string>();
    for (const id of ids) {
      const page = pages.get(id);
      if (page) found.add(page);
      else missing.push(id);
    }
    return [...found].sort();
  };
  const all: EventFields = {
    title: event.title[context.lang],
    corridorId: event.id,
    date: eventDateValue(event, context.timeZone),
    place: event.place,
    onlineUrl: event.onlineUrl,
    status: selectOptionName(catalogue(context.lang).eventStatus[event.status]),
    organisers: pagesOf(event.organiserIds, context.partnerPages),
    invitedPartners: pagesOf(event.invitedPartnerIds, context.partnerPages),
    partnersPresent: pagesOf(event.attendingPartnerIds, context.partnerPages),
    speakers: 'speakers' in context.types ? pagesOf(event.speakers.map((speaker) => speaker.personId), context.personPages) : [],
    invitedPeople: 'invitedPeople' in context.types ? pagesOf(event.invitedPersonIds, context.personPages) : [],
    summary: event.summary?.[context.lang] ?? '',
  };
  const fields = Object.fromEntries(Object.keys(context.types).map((key) => [key, all[key as EventPropertyKey]])) as EventFields;
  return { fields, missing: [...new Set(missing)] };
}

/** Reads an Events page back; throws NotionValueError when a value is not of the expected shape. */
export function eventFieldsFromPage(properties: unknown, names: Record<EventPropertyKey, string>, types: Record<EventPropertyKey, NotionPropertyType>): EventFields {
  return fromPageProperties(properties, names, types);
}
