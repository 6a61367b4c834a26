import { addDays } from './dates.js';
import { holidaysOn, isWorkingDay, nextWorkingDay, type HolidayRegion, type PublicHoliday } from './holidays.js';

/**
 * The holiday rule of scheduled posts, one rule for the running scheduler and for `--date`: a post
 * due on a public holiday goes out on the next working day, at the same time of day — unless the
 * schedule posts on that day anyway (a reminder of every working day simply skips the holiday).
 * Posts held from holidays in a row land on the same day and go out once, as the latest of them:
 * the same reminder twice in a morning would be noise.
 * Pure: the schedule's firings come in as a function of the date.
 */

export interface HolidaySchedule {
  /** The local time (`HH:MM:SS`) at which the job's cron first fires on a date; undefined if it does not. */
  firstFiringOn(isoDate: string): string | undefined;
  regions: readonly HolidayRegion[];
}

export type DayPlan =
  /** Posts at `time`; `heldFrom` when it is the post of a holiday before. */
  | { kind: 'post'; date: string; time: string; heldFrom?: { date: string; holidays: PublicHoliday[] } }
  /** A holiday: the post waits until `to`, at `time`. */
  | { kind: 'held'; date: string; time: string; holidays: PublicHoliday[]; to: string }
  /** A holiday: nothing posted; `next`, the next working day, has its own post. */
  | { kind: 'skipped'; date: string; holidays: PublicHoliday[]; next: string }
  /** The schedule posts nothing that day; `holidays` when the day is one. */
  | { kind: 'none'; date: string; holidays: PublicHoliday[] };

/** What the schedule does on a date. */
export function planDay(isoDate: string, schedule: HolidaySchedule): DayPlan {
  const own = schedule.firstFiringOn(isoDate);
  const holidays = holidaysOn(isoDate, schedule.regions);
  if (own !== undefined && holidays.length === 0) return { kind: 'post', date: isoDate, time: own };
  if (own !== undefined) {
    const next = nextWorkingDay(isoDate, schedule.regions);
    if (schedule.firstFiringOn(next) !== undefined) return { kind: 'skipped', date: isoDate, holidays, next };
    return { kind: 'held', date: isoDate, time: own, holidays, to: next };
  }
  const held = isWorkingDay(isoDate, schedule.regions) ? heldUntil(isoDate, schedule) : undefined;
  return held ?? { kind: 'none', date: isoDate, holidays };
}

/** On a working day without a post of its own: the post of the holiday just before, if one waits. */
function heldUntil(isoDate: string, schedule: HolidaySchedule): DayPlan | undefined {
  // The days since the previous working day are weekends and holidays: their held posts land today.
  for (let day = addDays(isoDate, -1), step = 0; step < 60 && !isWorkingDay(day, schedule.regions); day = addDays(day, -1), step += 1) {
    const holidays = holidaysOn(day, schedule.regions);
    const time = schedule.firstFiringOn(day);
    if (holidays.length > 0 && time !== undefined) return { kind: 'post', date: isoDate, time, heldFrom: { date: day, holidays } };
  }
  return undefined;
}

/** The first day after `isoDate` on which the schedule posts, within a year and a bit. */
export function nextPostDay(isoDate: string, schedule: HolidaySchedule): Extract<DayPlan, { kind: 'post' }> | undefined {
  for (let day = addDays(isoDate, 1), step = 0; step < 400; day = addDays(day, 1), step += 1) {
    const plan = planDay(day, schedule);
    if (plan.kind === 'post') return plan;
  }
  return undefined;
}
