/**
 * Calendar arithmetic in the corridor's time zone, for the scheduled jobs: which period a run
 * belongs to (a day for reminders and event reminders, an ISO week for digests) and when that
 * period began. Pure: every function takes the instant and the zone it works with.
 */

export type JobName = 'remind' | 'digest' | 'event-reminder';
export const JOB_NAMES: readonly JobName[] = ['remind', 'digest', 'event-reminder'];

/**
 * What one run covers: a reminder a day, a digest a week, the day-before reminders of events a day.
 * The event reminder records each post in the run ledger under its event and date (see
 * `eventReminderKey`) rather than under the day, so a day can hold several; its period says when
 * a missed run is caught up.
 */
export const JOB_PERIOD: Record<JobName, 'day' | 'isoWeek'> = { remind: 'day', digest: 'isoWeek', 'event-reminder': 'day' };

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

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

/** `YYYY-MM-DD` of an instant in a zone. */
export function localIsoDate(instant: Date, timeZone: string): string {
  const { year, month, day } = localParts(instant, timeZone);
  return isoDateOf(year, month, day);
}

function isoDateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateParts(isoDate: string): [year: number, month: number, day: number] {
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

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(isoDate: string): number {
  const [year, month, day] = dateParts(isoDate);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** ISO 8601 week of a calendar date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(isoDate: string): { year: number; week: number } {
  const thursday = addDays(isoDate, 4 - isoWeekday(isoDate));
  const [year] = dateParts(thursday);
  const dayOfYear = (Date.UTC(...toUtcArgs(thursday)) - Date.UTC(year, 0, 1)) / 86_400_000;
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

function toUtcArgs(isoDate: string): [number, number, number] {
  const [year, month, day] = dateParts(isoDate);
  return [year, month - 1, day];
}

/** `2026-W48` */
export function isoWeekKey(isoDate: string): string {
  const { year, week } = isoWeek(isoDate);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The key a run is recorded under: `2026-11-26` for a reminder, `2026-W48` for a digest. */
export function periodKey(job: JobName, now: Date, timeZone: string): string {
  const today = localIsoDate(now, timeZone);
  return JOB_PERIOD[job] === 'day' ? today : isoWeekKey(today);
}

/** First calendar date of the period that holds `now` (today, or the Monday of this week). */
export function periodStartDate(job: JobName, now: Date, timeZone: string): string {
  const today = localIsoDate(now, timeZone);
  return JOB_PERIOD[job] === 'day' ? today : addDays(today, 1 - isoWeekday(today));
}

/** The instant the period holding `now` began in the zone. */
export function periodStart(job: JobName, now: Date, timeZone: string): Date {
  return startOfLocalDay(periodStartDate(job, now, timeZone), timeZone);
}

/** Offset of the zone from UTC at an instant, in minutes (e.g. -300 for EST). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The first instant of a calendar date in a zone. Where a zone skips midnight (a few zones
 * change their clocks at 00:00), the day starts at the first wall-clock time that exists.
 */
export function startOfLocalDay(isoDate: string, timeZone: string): Date {
  const guess = Date.UTC(...toUtcArgs(isoDate));
  const candidates = [zoneOffsetMinutes(new Date(guess), timeZone)];
  candidates.push(zoneOffsetMinutes(new Date(guess - candidates[0]! * 60_000), timeZone));
  const onTheDay = candidates
    .map((offset) => guess - offset * 60_000)
    .filter((instant) => localIsoDate(new Date(instant), timeZone) === isoDate);
  if (onTheDay.length > 0) return new Date(Math.min(...onTheDay));
  // Midnight does not exist: the day starts when the clocks jump forward, one hour later.
  return new Date(Math.max(...candidates.map((offset) => guess - offset * 60_000)));
}
