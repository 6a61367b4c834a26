import { addDays, dateParts, isoWeekday, localIsoDate, localParts, mondayOf } from './dates.js';
import { lastFullMonth } from './report-period.js';

/**
 * Calendar arithmetic in the corridor's time zone, for the scheduled jobs: which period a run
 * belongs to (a day for reminders and event reminders, an ISO week for digests) and when that
 * period began. Pure: every function takes the instant and the zone it works with.
 */

export type JobName = 'remind' | 'digest' | 'event-reminder' | 'nudges' | 'report';
export const JOB_NAMES: readonly JobName[] = ['remind', 'digest', 'event-reminder', 'nudges', 'report'];

/**
 * What one run covers: a reminder a day, a digest a week, the day-before reminders of events a day.
 * The event reminder records each post in the run ledger under its event and date (see
 * `eventReminderKey`) rather than under the day, so a day can hold several; its period says when
 * a missed run is caught up. Personal nudges are recorded per person and week (see `nudgeKey`).
 * The monthly report is a month's: posted once in a month, about the month before.
 */
export const JOB_PERIOD: Record<JobName, PeriodLength> = { remind: 'day', digest: 'isoWeek', 'event-reminder': 'day', nudges: 'isoWeek', report: 'month' };

export type PeriodLength = 'day' | 'isoWeek' | 'month';

/**
 * The period of a job as its schedule posts it: a job of a day scheduled on one weekday only is a
 * weekly post, and its period is the week, so a reminder missed on its day is caught up later that
 * week, once. The event reminder keeps its day: its posts belong to the day before the events.
 * `weekdays`: the days of the week the schedule names (0 Sunday … 6 Saturday); `everyDayOfMonth`:
 * whether it leaves the day of the month free.
 */
export function periodOf(job: JobName, schedule: { weekdays: readonly number[]; everyDayOfMonth: boolean }): PeriodLength {
  if (JOB_PERIOD[job] !== 'day' || job === 'event-reminder') return JOB_PERIOD[job];
  const days = new Set(schedule.weekdays.map((day) => day % 7));
  return days.size === 1 && schedule.everyDayOfMonth ? 'isoWeek' : 'day';
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

/**
 * The key a run is recorded under: `2026-11-26` for a reminder, `2026-W48` for a digest; for the
 * monthly report, the month it reports (`2026-11` for a run in December 2026), its file's name.
 */
export function periodKey(job: JobName, now: Date, timeZone: string, length: PeriodLength = JOB_PERIOD[job]): string {
  const today = localIsoDate(now, timeZone);
  if (length === 'month') return lastFullMonth(today).key;
  return length === 'day' ? today : isoWeekKey(today);
}

/** First calendar date of the period that holds `now` (today, the Monday of this week, the first of this month). */
export function periodStartDate(job: JobName, now: Date, timeZone: string, length: PeriodLength = JOB_PERIOD[job]): string {
  const today = localIsoDate(now, timeZone);
  if (length === 'month') return `${today.slice(0, 8)}01`;
  return length === 'day' ? today : mondayOf(today);
}

/** The instant the period holding `now` began in the zone. */
export function periodStart(job: JobName, now: Date, timeZone: string, length: PeriodLength = JOB_PERIOD[job]): Date {
  return startOfLocalDay(periodStartDate(job, now, timeZone, length), timeZone);
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

/** The instant a wall-clock time (`HH:MM` or `HH:MM:SS`) of a date reads in a zone. */
export function localInstant(isoDate: string, time: string, timeZone: string): Date {
  const [hour = 0, minute = 0, second = 0] = time.split(':').map(Number);
  const wall = Date.UTC(...toUtcArgs(isoDate), hour, minute, second);
  // The offset at the wall-clock reading taken as UTC is off by at most the change itself: ask twice.
  const first = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  return new Date(wall - zoneOffsetMinutes(new Date(first), timeZone) * 60_000);
}
