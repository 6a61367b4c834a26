import { isOnDate, parseDateWords } from './date-words.js';
import { everyWordMatches } from './fuzzy.js';
import { namesOf } from './partner-match.js';
import { words } from './text.js';
import type { CorridorEvent, Partner, Person } from './types.js';

export type EventWhen = 'upcoming' | 'past' | 'all';

/** Events on or after `today` are upcoming (soonest first); earlier ones are past (latest first). */
export function eventsWhen(events: CorridorEvent[], when: EventWhen, today: string): CorridorEvent[] {
  const upcoming = events.filter((event) => event.date >= today).sort(byDate);
  const past = events.filter((event) => event.date < today).sort(byDate).reverse();
  if (when === 'upcoming') return upcoming;
  if (when === 'past') return past;
  return [...upcoming, ...past];
}

function byDate(a: CorridorEvent, b: CorridorEvent): number {
  return (a.date + (a.startTime ?? '')).localeCompare(b.date + (b.startTime ?? ''));
}

/** Names an event's IDs refer to, so that it can be found by its organisers and speakers. */
export interface EventDirectory {
  partners: readonly Partner[];
  people: readonly Person[];
}

/**
 * Finds events by date (`2025-04-16`, `2025-04` for a month, or in words: "16 avril", "April 16
 * 2025"), or by words of their title, place, organisers, speakers, people invited and other people present, a typo
 * or two forgiven ("welch" finds the meeting where Senator Welch spoke).
 */
export function findEvents(query: string, events: readonly CorridorEvent[], directory: EventDirectory = { partners: [], people: [] }): CorridorEvent[] {
  const trimmed = query.trim();
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(trimmed)) return events.filter((event) => event.date.startsWith(trimmed));
  const date = parseDateWords(trimmed);
  if (date) return events.filter((event) => isOnDate(event.date, date));
  const typed = words(trimmed);
  if (typed.length === 0) return [];
  return events.filter((event) => everyWordMatches(typed, words(eventText(event, directory).join(' '))));
}

function eventText(event: CorridorEvent, { partners, people }: EventDirectory): string[] {
  const personIds = new Set([...event.speakers.map((speaker) => speaker.personId), ...event.attendeePersonIds, ...event.invitedPersonIds]);
  const organiserIds = new Set(event.organiserIds);
  return [
    event.id,
    event.title.fr,
    event.title.en,
    event.place,
    ...partners.filter((partner) => organiserIds.has(partner.id)).flatMap(namesOf),
    ...people.filter((person) => personIds.has(person.id)).map((person) => person.name),
  ];
}
