// The one function, not the package's index: the index loads every date-fns module (~10 MB, ~100 ms at start).
import { intervalToDuration } from 'date-fns/intervalToDuration';

/**
 * Calendar dates (`YYYY-MM-DD`) and their arithmetic, whatever the language they are later written
 * in. Pure: every function takes the instant and the zone it works with.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs far more than using one: one per zone. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** `YYYY-MM-DD` of an instant in a zone: "today" in the corridor's zone. */
/** The last date given per time zone, with the minute it was asked for: every command asks. */
const lastLocalDates = new Map<string, { minute: number; date: string }>();

export function localIsoDate(instant: Date, timeZone: string): string {
  // Zone offsets are whole minutes, so the local date cannot change within a UTC minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastLocalDates.get(timeZone);
  if (last?.minute === minute) return last.date;
  const { year, month, day } = localParts(instant, timeZone);
  const date = isoDateOf(year, month, day);
  lastLocalDates.set(timeZone, { minute, date });
  return date;
}

export function isoDateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function dateParts(isoDate: string): [year: number, month: number, day: number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`expected a YYYY-MM-DD date, got "${isoDate}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** A calendar date moved by whole days (negative to go back). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = dateParts(isoDate);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return isoDateOf(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** The wall-clock time of an instant in a zone, `HH:MM:SS`. */
export function wallClockTime(instant: Date, timeZone: string): string {
  const { hour, minute, second } = localParts(instant, timeZone);
  return [hour, minute, second].map((part) => String(part).padStart(2, '0')).join(':');
}

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(isoDate: string): number {
  const [year, month, day] = dateParts(isoDate);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** The Monday of the (ISO) week holding a date. */
export function mondayOf(isoDate: string): string {
  return addDays(isoDate, 1 - isoWeekday(isoDate));
}

export interface CalendarAge {
  years: number;
  months: number;
  days: number;
}

/** Whole years, months and days from one calendar date to a later one; all zero when not later. */
export function ageBetween(fromIsoDate: string, toIsoDate: string): CalendarAge {
  // Noon UTC keeps each calendar date whatever the zone of the machine.
  const start = new Date(`${fromIsoDate}T12:00:00Z`);
  const end = new Date(`${toIsoDate}T12:00:00Z`);
  if (end <= start) return { years: 0, months: 0, days: 0 };
  const { years = 0, months = 0, days = 0 } = intervalToDuration({ start, end });
  return { years, months, days };
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  const [y1, m1, d1] = dateParts(fromIsoDate);
  const [y2, m2, d2] = dateParts(toIsoDate);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
