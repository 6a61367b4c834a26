import { addDays } from './dates.js';
import type { CorridorEvent } from './types.js';

/** Scheduled events on the day after `today` (both in the corridor's time zone), soonest first. */
export function eventsTomorrow(events: readonly CorridorEvent[], today: string): CorridorEvent[] {
  const tomorrow = addDays(today, 1);
  return events
    .filter((event) => event.date === tomorrow && event.status === 'scheduled' && event.removedAt === null)
    .sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.id.localeCompare(b.id));
}

/**
 * Key of the day's reminder in the run ledger: one message for all of tomorrow's events. Events
 * added or moved to that day after it went out are posted in a follow-up message, keyed on the day
 * and those events (`followUpKey`), so no event is reminded twice and none is left out.
 */
export function dayReminderKey(date: string): string {
  return date;
}

export function followUpKey(date: string, eventIds: readonly string[]): string {
  return `${date}+${[...eventIds].sort().join('+')}`.slice(0, 500);
}

/**
 * Key of one event's reminder in the run ledger, recorded once a message reminded it: the event and its date, so a re-dated event is
 * reminded again for its new date, and each event only once for a given date.
 */
export function eventReminderKey(event: Pick<CorridorEvent, 'id' | 'date'>): string {
  return `${event.id}@${event.date}`;
}
