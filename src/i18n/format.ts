import { ageBetween, dateParts, daysBetween } from '../domain/dates.js';
import type { ReportPeriod } from '../domain/report-period.js';
import type { CorridorEvent } from '../domain/types.js';
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

/**
 * Dates and ages already written: a list of thousands of records repeats few dates, and writing
 * one (formatToParts, calendar arithmetic) is slow. Forgotten all at once past a bound.
 */
const written = new Map<string, string | undefined>();
const MAX_WRITTEN = 20_000;

function remembered<T extends string | undefined>(key: string, write: () => T): T {
  if (written.has(key)) return written.get(key) as T;
  if (written.size >= MAX_WRITTEN) written.clear();
  const text = write();
  written.set(key, text);
  return text;
}

/** A calendar date, e.g. "16 avril 2025" / "April 16, 2025", with the weekday when asked. */
export function formatDate(isoDate: string, lang: Lang, options: { weekday?: boolean } = {}): string {
  return remembered(`date|${isoDate}|${lang}|${options.weekday === true}`, () => writeDate(isoDate, lang, options));
}

function writeDate(isoDate: string, lang: Lang, options: { weekday?: boolean }): string {
  // Noon UTC keeps the calendar date whatever the formatting zone.
  const instant = new Date(`${isoDate}T12:00:00Z`);
  const parts = dateTimeFormat(catalogue(lang).locale, { timeZone: 'UTC', dateStyle: options.weekday ? 'full' : 'long' }).formatToParts(instant);
  // French writes the first of the month as an ordinal: "1er septembre", "2 septembre".
  return parts.map(({ type, value }) => (lang === 'fr' && type === 'day' && value === '1' ? '1er' : value)).join('');
}

/**
 * Hours without a leading zero: fr-CA's `timeStyle: 'short'` writes "08 h 46", where the OQLF
 * writes "8 h 46"; English reads "8:46 a.m." either way.
 */
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** A wall-clock time `HH:MM`, e.g. "9 h 30", "11 h" / "9:30 a.m.". */
export function formatTime(localTime: string, lang: Lang): string {
  const [hours, minutes] = localTime.split(':').map(Number);
  const instant = new Date(Date.UTC(2000, 0, 1, hours, minutes));
  return wholeHours(dateTimeFormat(catalogue(lang).locale, { timeZone: 'UTC', ...TIME }).format(instant), lang);
}

/** An event's day, with its times when it has them: "Wednesday, April 16, 2025, 9:30 a.m. to 11:00 a.m.". */
export function formatEventWhen(event: Pick<CorridorEvent, 'date' | 'startTime' | 'endTime'>, lang: Lang): string {
  const date = formatDate(event.date, lang, { weekday: true });
  const time = formatEventTime(event, lang);
  return time ? `${date}, ${time}` : date;
}

/** The start, or start to end; null for a day-long event. */
export function formatEventTime(event: Pick<CorridorEvent, 'startTime' | 'endTime'>, lang: Lang): string | null {
  if (!event.startTime) return null;
  const start = formatTime(event.startTime, lang);
  return event.endTime ? catalogue(lang).eventInvites.timeRange(start, formatTime(event.endTime, lang)) : start;
}

/** A report's period in words: "novembre 2026" / "November 2026", "4e trimestre 2026" / "Q4 2026", "2026". */
export function formatReportPeriod(period: Pick<ReportPeriod, 'kind' | 'from'>, lang: Lang): string {
  const [year, month] = dateParts(period.from);
  if (period.kind === 'year') return String(year);
  if (period.kind === 'quarter') return catalogue(lang).report.quarter(Math.floor((month - 1) / 3) + 1, year);
  return dateTimeFormat(catalogue(lang).locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(new Date(`${period.from}T12:00:00Z`));
}

/**
 * An instant in the corridor's zone, e.g. for "last synced at": "November 30, 2026 at 8:46 a.m.",
 * English's one date style, and « 30 nov. 2026, 8 h 46 ».
 */
export function formatDateTime(instant: Date, lang: Lang, timeZone: string): string {
  const month = lang === 'en' ? 'long' : 'short';
  return wholeHours(dateTimeFormat(catalogue(lang).locale, { timeZone, year: 'numeric', month, day: 'numeric', ...TIME }).format(instant), lang);
}

/** The OQLF writes a whole hour without its minutes: « 11 h », not « 11 h 00 ». */
function wholeHours(time: string, lang: Lang): string {
  return lang === 'fr' ? time.replace(/\b(\d{1,2}) h 00\b/, '$1 h') : time;
}

/** How long between two calendar dates, in years, months and days ("1 year, 7 months"). */
export function formatAge(fromIsoDate: string, toIsoDate: string, lang: Lang): string {
  const words = catalogue(lang).duration;
  const { years, months, days } = ageBetween(fromIsoDate, toIsoDate);
  if (!years && !months && !days) return words.today;
  const parts = [
    years ? words.years(years) : '',
    months ? words.months(months) : '',
    // Days only matter while the age is under a month.
    !years && !months && days ? words.days(days) : '',
  ].filter(Boolean);
  return words.join(parts.length ? parts : [words.days(days)]);
}

/**
 * How long something has lasted, as people say it of a stage: days under two weeks, weeks within a
 * month, then years and months ("3 weeks", "1 year, 7 months"). Undefined when it began today (or later).
 */
export function formatSpan(fromIsoDate: string, toIsoDate: string, lang: Lang): string | undefined {
  return remembered(`span|${fromIsoDate}|${toIsoDate}|${lang}`, () => writeSpan(fromIsoDate, toIsoDate, lang));
}

function writeSpan(fromIsoDate: string, toIsoDate: string, lang: Lang): string | undefined {
  const words = catalogue(lang).duration;
  const days = daysBetween(fromIsoDate, toIsoDate);
  if (days <= 0) return undefined;
  if (days < 14) return words.days(days);
  if (days < 31) return words.weeks(Math.floor(days / 7));
  return formatAge(fromIsoDate, toIsoDate, lang);
}

export function formatNumber(value: number, lang: Lang, style: 'count' | 'percent'): string {
  return new Intl.NumberFormat(catalogue(lang).locale, style === 'percent' ? { style: 'percent' } : {}).format(
    style === 'percent' ? value / 100 : value,
  );
}
