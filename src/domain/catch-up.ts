import { addDays, isoWeekday, localIsoDate, wallClockTime } from './dates.js';
import { localInstant, periodKey, type JobName, type PeriodLength } from './periods.js';

/** Working hours end here: a missed post is not caught up in the evening or at night. */
export const END_OF_WORKING_DAY = '18:00:00';

export interface CatchUpSchedule {
  /** The post's own time of day, `HH:MM:SS` (its earliest, for a schedule with several). */
  timeOfDay: string;
  /** Its latest time of day: a schedule that posts after END_OF_WORKING_DAY keeps its evenings. */
  latestTimeOfDay: string;
  /** Whether the schedule itself posts on a date: then that day counts as a working day (a daily post's Saturday). */
  postsOn(isoDate: string): boolean;
  /** The job's period as its schedule posts it (see periodOf); JOB_PERIOD's by default. */
  period?: PeriodLength;
}

/**
 * When a post whose time already came in the current period may be caught up (at start, or
 * retried): only in working hours, that is on a working day (Monday to Friday, or a day the
 * schedule posts on) from the post's own time of day until the end of the working day (or of the
 * day, for a schedule that posts later than that). `now` when it is such a time; else the next such time in
 * the same period; undefined when the period ends first, and the schedule's next post takes over.
 */
export function catchUpTime(job: JobName, now: Date, schedule: CatchUpSchedule, timeZone: string): Date | undefined {
  const today = localIsoDate(now, timeZone);
  const clock = wallClockTime(now, timeZone);
  const end = schedule.latestTimeOfDay < END_OF_WORKING_DAY ? END_OF_WORKING_DAY : '24:00:00';
  const working = (isoDate: string) => isoWeekday(isoDate) <= 5 || schedule.postsOn(isoDate);
  if (working(today) && clock >= schedule.timeOfDay && clock < end) return now;
  const period = periodKey(job, now, timeZone, schedule.period);
  // A period is a month at most: the loop ends within 32 days.
  for (let day = clock < schedule.timeOfDay ? today : addDays(today, 1); ; day = addDays(day, 1)) {
    const at = localInstant(day, schedule.timeOfDay, timeZone);
    if (periodKey(job, at, timeZone, schedule.period) !== period) return undefined;
    if (working(day)) return at;
  }
}
