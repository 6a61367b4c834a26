// The one function, not the package's index: the index loads every date-fns module (~10 MB, ~100 ms at start).
import { intervalToDuration } from 'date-fns/intervalToDuration';
import type { Lang } from './index.js';
import { catalogue } from './index.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs far more than using one: keep one per locale and options. */
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The last date given per time zone, with the minute it was asked for: every command asks. */
const lastLocalDates = new Map<string, { minute: number; date: string }>();

/** Today's calendar date (`YYYY-MM-DD`) in the given time zone. */
export function localDate(now: Date, timeZone: string): string {
  // Zone offsets are whole minutes, so the local date cannot change within a UTC minute.
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastLocalDates.get(timeZone);
  if (last?.minute === minute) return last.date;
  // en-CA formats dates as YYYY-MM-DD.
  const date = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  lastLocalDates.set(timeZone, { minute, date });
  return date;
}

/** A calendar date, e.g. "16 avril 2025" / "April 16, 2025", with the weekday when asked. */
export function formatDate(isoDate: string, lang: Lang, options: { weekday?: boolean } = {}): string {
  // Noon UTC keeps the calendar date whatever the formatting zone.
  const instant = new Date(`${isoDate}T12:00:00Z`);
  return dateTimeFormat(catalogue(lang).locale, { timeZone: 'UTC', dateStyle: options.weekday ? 'full' : 'long' }).format(instant);
}

/** A wall-clock time `HH:MM`, e.g. "9 h 30" / "9:30 a.m.". */
export function formatTime(localTime: string, lang: Lang): string {
  const [hours, minutes] = localTime.split(':').map(Number);
  const instant = new Date(Date.UTC(2000, 0, 1, hours, minutes));
  return dateTimeFormat(catalogue(lang).locale, { timeZone: 'UTC', timeStyle: 'short' }).format(instant);
}

/** An instant in the corridor's zone, e.g. for "last synced at". */
export function formatDateTime(instant: Date, lang: Lang, timeZone: string): string {
  return dateTimeFormat(catalogue(lang).locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}

/** How long between two calendar dates, in years, months and days ("1 year, 7 months"). */
export function formatAge(fromIsoDate: string, toIsoDate: string, lang: Lang): string {
  const words = catalogue(lang).duration;
  const start = new Date(`${fromIsoDate}T12:00:00Z`);
  const end = new Date(`${toIsoDate}T12:00:00Z`);
  if (end <= start) return words.today;
  const { years = 0, months = 0, days = 0 } = intervalToDuration({ start, end });
  const parts = [
    years ? words.years(years) : '',
    months ? words.months(months) : '',
    // Days only matter while the age is under a month.
    !years && !months && days ? words.days(days) : '',
  ].filter(Boolean);
  return words.join(parts.length ? parts : [words.days(days)]);
}

export function formatNumber(value: number, lang: Lang, style: 'count' | 'percent'): string {
  return new Intl.NumberFormat(catalogue(lang).locale, style === 'percent' ? { style: 'percent' } : {}).format(
    style === 'percent' ? value / 100 : value,
  );
}
