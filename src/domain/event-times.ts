import { localParts } from './dates.js';
import { localInstant, zoneOffsetMinutes } from './periods.js';
import { DEFAULT_EVENT_MINUTES, type CorridorEvent } from './types.js';

/**
 * When a timed event starts and ends, as instants read in the corridor's zone; null for a day-long
 * event. One rule for every calendar the corridor feeds (iCalendar, Notion): a timed event with no
 * end recorded lasts DEFAULT_EVENT_MINUTES.
 */
export function timedEventSpan(event: Pick<CorridorEvent, 'date' | 'startTime' | 'endTime'>, timeZone: string): { start: Date; end: Date } | null {
  if (event.startTime === null) return null;
  const start = localInstant(event.date, event.startTime, timeZone);
  const end = event.endTime ? localInstant(event.date, event.endTime, timeZone) : new Date(start.getTime() + DEFAULT_EVENT_MINUTES * 60_000);
  return { start, end };
}

/** An instant as ISO 8601 wall-clock time in a zone with that zone's offset, e.g. 2025-04-16T13:30:00-04:00. */
export function zonedDateTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const offset = zoneOffsetMinutes(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
