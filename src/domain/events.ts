import { normalize } from './text.js';
import type { CorridorEvent } from './types.js';

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

/** Finds events by date (`2025-04-16`, or `2025-04` for a month) or by words of their title or place. */
export function findEvents(query: string, events: CorridorEvent[]): CorridorEvent[] {
  const trimmed = query.trim();
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(trimmed)) return events.filter((event) => event.date.startsWith(trimmed));
  const typed = normalize(trimmed).split(' ').filter(Boolean);
  if (typed.length === 0) return [];
  return events.filter((event) => {
    const haystack = normalize([event.id, event.title.fr, event.title.en, event.place].join(' '));
    return typed.every((word) => haystack.includes(word));
  });
}
