import cron, { type ScheduledTask } from 'node-cron';
import { localIsoDate, wallClockTime } from '../domain/dates.js';
import { holidaysOn, type HolidayRegion } from '../domain/holidays.js';
import { planDay, type HolidaySchedule } from '../domain/holiday-schedule.js';
import { localInstant, type JobName } from '../domain/periods.js';
import type { JobLogger } from './job-logger.js';

/** A job's cron expression read day by day, for the holiday rule (see domain/holiday-schedule.ts). */
export function cronSchedule(
  expression: string,
  matcher: Pick<ScheduledTask, 'match'>,
  timeZone: string,
  regions: readonly HolidayRegion[],
): HolidaySchedule {
  const { hour, minute, second } = cron.parse(expression);
  const seen = new Map<string, string | undefined>();
  const firstFiringOn = (isoDate: string): string | undefined => {
    if (seen.has(isoDate)) return seen.get(isoDate);
    let found: string | undefined;
    // Only the times the expression names can match: a few candidates, not every second of the day.
    search: for (const h of hour) {
      for (const m of minute) {
        for (const s of second) {
          const time = [h, m, s].map((part) => String(part).padStart(2, '0')).join(':');
          const instant = localInstant(isoDate, time, timeZone);
          if (localIsoDate(instant, timeZone) === isoDate && matcher.match(instant)) {
            found = time;
            break search;
          }
        }
      }
    }
    seen.set(isoDate, found);
    return found;
  };
  return { firstFiringOn, regions };
}

export interface HeldJob {
  job: JobName;
  schedule: HolidaySchedule;
}

/**
 * Posts held over public holidays: a firing on a holiday waits until the next working day, at the
 * same time of day, unless the schedule posts that day anyway. One timer per job; the jobs
 * themselves still post a period once, however often they are run.
 */
export class HolidayHold {
  private readonly timers = new Map<JobName, NodeJS.Timeout>();

  constructor(
    private readonly logger: JobLogger,
    private readonly now: () => Date,
    private readonly timeZone: string,
    private readonly run: (job: JobName) => void,
  ) {}

  /** Whether today is a public holiday; then a firing now is held or skipped, and logged. */
  holdsFiring({ job, schedule }: HeldJob): boolean {
    const now = this.now();
    const plan = planDay(localIsoDate(now, this.timeZone), schedule);
    if (plan.kind === 'skipped') this.logger.info(`${job}: ${holidayNames(plan.holidays)} today; skipped, the schedule posts on ${plan.next}.`);
    if (plan.kind === 'held') this.holdUntil(job, localInstant(plan.to, wallClockTime(now, this.timeZone), this.timeZone), holidayNames(plan.holidays));
    return plan.kind === 'skipped' || plan.kind === 'held';
  }

  /**
   * At start: on a holiday, never catches up, but holds a firing that already came; on a working
   * day that receives a held post, catches it up if its time came, or waits for it. `ordinary`:
   * the usual catch-up rule applies.
   */
  atStart({ job, schedule }: HeldJob): 'held' | 'catch-up' | 'ordinary' {
    const now = this.now();
    const today = localIsoDate(now, this.timeZone);
    const plan = planDay(today, schedule);
    if (holidaysOn(today, schedule.regions).length > 0) {
      if (plan.kind === 'held' && localInstant(today, plan.time, this.timeZone) <= now) {
        this.holdUntil(job, localInstant(plan.to, plan.time, this.timeZone), holidayNames(plan.holidays));
      }
      return 'held';
    }
    if (plan.kind !== 'post' || !plan.heldFrom) return 'ordinary';
    const at = localInstant(today, plan.time, this.timeZone);
    if (at <= now) return 'catch-up';
    this.holdUntil(job, at, holidayNames(plan.heldFrom.holidays));
    return 'held';
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private holdUntil(job: JobName, at: Date, why: string): void {
    clearTimeout(this.timers.get(job));
    this.logger.info(`${job}: ${why}; held until ${at.toISOString()}, the next working day.`);
    const timer = setTimeout(() => {
      this.timers.delete(job);
      this.run(job);
    }, Math.max(0, at.getTime() - this.now().getTime()));
    this.timers.set(job, timer);
  }
}

function holidayNames(holidays: readonly { name: { en: string } }[]): string {
  return `public holiday (${holidays.map((holiday) => holiday.name.en).join(', ')})`;
}
