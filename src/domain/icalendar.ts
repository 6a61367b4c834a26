import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalAttendeeData } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { localParts } from './dates.js';
import type { Lang } from './lang.js';
import { localInstant } from './periods.js';
import { timedEventSpan } from './event-times.js';
import { type BilingualText, type CorridorEvent, type Person } from './types.js';

/**
 * Events as an iCalendar file (RFC 5545), for calendar subscriptions and per-event downloads.
 * Pure: ical-generator writes the text, timezones-ical-library gives the zone's VTIMEZONE.
 */

export interface ICalendarInput {
  events: readonly CorridorEvent[];
  /** CORRIDOR_TZ: every start is written as wall-clock time with this TZID, its VTIMEZONE included. */
  timeZone: string;
  /** The language of titles and descriptions; `both` writes French, then English. */
  lang: Lang | 'both';
  /** The calendar's name, as calendar apps show it. */
  name: string;
  /**
   * People on record, for a calendar read inside the organisation only: those invited or present whose
   * e-mail is known become ATTENDEEs. Absent for anything other organisations may read: no e-mail then.
   */
  people?: readonly Person[];
}

/** The host part of every UID: stable, so calendar apps recognise an event they already hold. */
const UID_DOMAIN = 'corridor-bot';

export function eventUid(event: Pick<CorridorEvent, 'id'>): string {
  return `${event.id}@${UID_DOMAIN}`;
}

export function buildICalendar({ events, timeZone, lang, name, people }: ICalendarInput): string {
  const calendar = ical({ name: textValue(name), prodId: { company: 'corridor-bot', product: 'events' }, method: ICalCalendarMethod.PUBLISH });
  // No calendar-wide zone: ical-generator would then write DTSTAMP and LAST-MODIFIED in local time
  // too, where RFC 5545 wants UTC. The generator still adds the VTIMEZONE of every event's zone.
  calendar.timezone({ name: null, generator: vtimezone });
  // The zone calendar apps show the feed in (Google Calendar and Apple read it).
  calendar.x('X-WR-TIMEZONE', timeZone);
  for (const event of events) {
    calendar.createEvent({
      id: eventUid(event),
      // Each edit bumps the record's version: calendar apps take the higher SEQUENCE as the newer.
      sequence: event.version - 1,
      stamp: new Date(event.updatedAt),
      lastModified: new Date(event.updatedAt),
      created: new Date(event.createdAt),
      ...eventTimes(event, timeZone),
      summary: textValue(inLang(event.title, lang, ' / ')),
      // An event held online only is "located" at its link, where calendar apps offer to join.
      location: textValue(event.place) || event.onlineUrl,
      url: event.onlineUrl,
      attendees: people ? attendeesOf(event, people) : [],
      description: event.summary ? textValue(inLang(event.summary, lang, '\n\n')) : null,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/**
 * A timed start and end are written as wall-clock times with the zone's TZID; a day-long event is a
 * DATE (RFC 5545 allows no TZID there), read in the zone too, lasting its day. Both name the zone, so
 * its VTIMEZONE is in the file whatever the events. A timed event with no end recorded lasts
 * DEFAULT_EVENT_MINUTES: without DTEND, RFC 5545 makes it last no time at all.
 */
function eventTimes(event: CorridorEvent, timeZone: string) {
  const span = timedEventSpan(event, timeZone);
  if (span === null) return { start: new ZonedInstant(localInstant(event.date, '12:00', timeZone), timeZone), timezone: timeZone, allDay: true };
  return { start: new ZonedInstant(span.start, timeZone), end: new ZonedInstant(span.end, timeZone), timezone: timeZone, allDay: false };
}

/** People invited (or, once it took place, present) whose e-mail is known, each once. */
function attendeesOf(event: CorridorEvent, people: readonly Person[]): ICalAttendeeData[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  const present = new Set([...event.attendeePersonIds, ...event.speakers.map((speaker) => speaker.personId)]);
  const ids = [...new Set([...event.invitedPersonIds, ...present])];
  return ids.flatMap((id) => {
    const person = byId.get(id);
    if (!person?.email || person.removedAt !== null) return [];
    const status = present.has(id) ? ICalAttendeeStatus.ACCEPTED : ICalAttendeeStatus.NEEDSACTION;
    // CN is a quoted parameter, where RFC 5545 allows no double quote (ical-generator would write \").
    return [{ name: textValue(person.name).replace(/"/g, "'"), email: person.email, role: ICalAttendeeRole.REQ, status }];
  });
}

/**
 * An instant whose local getters read a given zone, whatever the machine's own: ical-generator
 * writes a TZID time from a plain Date's local getters (the machine's zone), and from a
 * zone-aware date (its ICalTZDateStub, as @date-fns/tz's TZDate) in that date's zone.
 */
class ZonedInstant extends Date {
  readonly internal: Date;

  constructor(
    instant: Date,
    readonly timeZone: string,
  ) {
    super(instant.getTime());
    this.internal = new Date(instant.getTime());
  }

  withTimeZone(zone?: string | null): ZonedInstant {
    return new ZonedInstant(this, zone ?? this.timeZone);
  }

  tzComponents() {
    return localParts(this, this.timeZone);
  }

  override getFullYear(): number {
    return this.tzComponents().year;
  }
  override getMonth(): number {
    return this.tzComponents().month - 1;
  }
  override getDate(): number {
    return this.tzComponents().day;
  }
  override getHours(): number {
    return this.tzComponents().hour;
  }
  override getMinutes(): number {
    return this.tzComponents().minute;
  }
  override getSeconds(): number {
    return this.tzComponents().second;
  }
}

/**
 * RFC 5545 allows no control character in a TEXT value but the tab (a line break is written
 * escaped, as `\n`): NUL, VT, ESC, DEL, C1 codes… are dropped, and CR or CR LF read as a line break.
 */
function textValue(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

/** One language, or French then English (`separator` between them) where they differ. */
function inLang(value: BilingualText, lang: Lang | 'both', separator: string): string {
  if (lang !== 'both') return value[lang];
  return value.fr === value.en ? value.fr : `${value.fr}${separator}${value.en}`;
}

function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) ? (block[0] ?? null) : null;
}
