import cron, { type ScheduledTask } from 'node-cron';
import { localIsoDate, wallClockTime } from '../domain/dates.js';
import { holidaysOn, isWorkingDay, nextWorkingDay, type HolidayRegion } from '../domain/holidays.js';
import { planDay, type HolidaySchedule } from '../domain/holiday-schedule.js';
import { localInstant, periodKey, type JobName, type PeriodLength } from '../domain/periods.js';
import type { HeldPost, RunLedger } from '../store/run-ledger.js';
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
  /** The job's period as its schedule posts it (see periodOf). */
  period: PeriodLength;
}

/** The part of the run ledger that keeps held posts. */
export type HeldPostLedger = Pick<RunLedger, 'hold' | 'heldPosts' | 'settleHeld'>;

/** A held post older than this is not looked for at start: its landing day's period is long over. */
const HELD_LOOKBACK_MS = 8 * 24 * 60 * 60 * 1000;

export interface HolidayHoldOptions {
  logger: JobLogger;
  now: () => Date;
  timeZone: string;
  /** Where held posts are recorded, so that a restart or another replica sends them. */
  ledger: HeldPostLedger;
  /** Names this process in the ledger. */
  owner: string;
  /** When a held post may go out, from an instant on: in working hours within its landing day's period; undefined once too late. */
  sendTime: (post: HeldPost, from: Date) => Date | undefined;
  /** Posts a held period. */
  run: (job: JobName, period: string) => Promise<void>;
}

/**
 * Posts held over public holidays: a firing on a holiday waits until the next working day, at the
 * same time of day, unless the schedule posts that day anyway. A held post is recorded in the run
 * ledger under its own period (the holiday's), and whichever replica runs on the next working day
 * sends it, once: its period is claimed as any other, and posting it settles the held record.
 */
export class HolidayHold {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: HolidayHoldOptions) {}

  /** Whether today is a public holiday; then a firing now is held (recorded) or skipped, and logged. */
  holdsFiring({ job, schedule, period }: HeldJob): boolean {
    const { now: clock, timeZone, logger } = this.options;
    const now = clock();
    const plan = planDay(localIsoDate(now, timeZone), schedule);
    if (plan.kind === 'skipped') logger.info(`${job}: ${holidayNames(plan.holidays)} today; skipped, the schedule posts on ${plan.next}.`);
    if (plan.kind === 'held') {
      const post = { job, period: periodKey(job, now, timeZone, period), dueAt: localInstant(plan.to, wallClockTime(now, timeZone), timeZone) };
      void this.record(post, holidayNames(plan.holidays)).then(() => this.wait({ ...post, heldBy: this.options.owner, heldAt: now }));
    }
    return plan.kind === 'skipped' || plan.kind === 'held';
  }

  /**
   * Whether the usual catch-up at start gives way: on a holiday none is caught up, and on the day a
   * held post lands the held post is the period's (see atStart).
   */
  givesWay(held: HeldJob): boolean {
    const { now: clock, timeZone } = this.options;
    const now = clock();
    const today = localIsoDate(now, timeZone);
    const missed = missedHold(held, now, timeZone);
    return holidaysOn(today, held.schedule.regions).length > 0 || (missed !== undefined && localIsoDate(missed.dueAt, timeZone) === today);
  }

  /**
   * At start: records the post of a holiday whose firing came while no replica was running (the
   * schedule says which), then waits for every held post the ledger keeps, sending at once one whose
   * time came (in working hours).
   */
  async atStart(jobs: readonly HeldJob[]): Promise<void> {
    const { now: clock, timeZone, ledger } = this.options;
    const now = clock();
    for (const held of jobs) {
      const missed = missedHold(held, now, timeZone);
      if (missed) await this.record(missed, 'public holiday');
    }
    const names = new Set(jobs.map((held) => held.job));
    const posts = await ledger.heldPosts(new Date(now.getTime() - HELD_LOOKBACK_MS));
    await Promise.all(posts.filter((candidate) => names.has(candidate.job)).map((post) => this.wait(post)));
  }

  /** A held post's run went through: it is no longer waited for, by any replica. */
  async settle(job: JobName, period: string): Promise<void> {
    const { ledger, now, logger } = this.options;
    await ledger.settleHeld(job, period, now()).catch((error: unknown) => {
      // Its period's own record still says it was posted, for the jobs recorded under it.
      logger.warn(`${job} ${period}: the held post went out but could not be marked so: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async record(post: Pick<HeldPost, 'job' | 'period' | 'dueAt'>, why: string): Promise<void> {
    const { ledger, owner, now, logger } = this.options;
    logger.info(`${post.job} ${post.period}: ${why}; held until ${post.dueAt.toISOString()}, the next working day.`);
    await ledger.hold(post, { owner, now: now() }).catch((error: unknown) => {
      // The replicas running on the next working day derive it from the schedule again.
      logger.error(`${post.job} ${post.period}: the held post could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Sends a held post at its time, or later in working hours (at once when that is now); one timer per post. */
  private async wait(post: HeldPost): Promise<void> {
    const { now, sendTime, run, logger } = this.options;
    const key = `${post.job} ${post.period}`;
    if (this.stopped || this.timers.has(key)) return;
    const at = sendTime(post, new Date(Math.max(post.dueAt.getTime(), now().getTime())));
    if (!at) {
      logger.warn(`${key}: held until ${post.dueAt.toISOString()}, and that day's working hours are over; the schedule posts the next one.`);
      return;
    }
    if (at.getTime() <= now().getTime()) {
      logger.info(`${key}: held until ${post.dueAt.toISOString()}; sending it now.`);
      return run(post.job, post.period);
    }
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void run(post.job, post.period);
    }, Math.max(0, at.getTime() - now().getTime()));
    this.timers.set(key, timer);
  }
}

/**
 * The held post the schedule says lands on the next working day (today, if today is one) for a
 * holiday firing already past: recorded again at start in case no replica was running at that firing.
 */
function missedHold({ job, schedule, period }: HeldJob, now: Date, timeZone: string): Pick<HeldPost, 'job' | 'period' | 'dueAt'> | undefined {
  const today = localIsoDate(now, timeZone);
  const landing = isWorkingDay(today, schedule.regions) ? today : nextWorkingDay(today, schedule.regions);
  const plan = planDay(landing, schedule);
  if (plan.kind !== 'post' || !plan.heldFrom) return undefined;
  const firing = localInstant(plan.heldFrom.date, plan.time, timeZone);
  if (firing > now) return undefined;
  return { job, period: periodKey(job, firing, timeZone, period), dueAt: localInstant(landing, plan.time, timeZone) };
}

function holidayNames(holidays: readonly { name: { en: string } }[]): string {
  return `public holiday (${holidays.map((holiday) => holiday.name.en).join(', ')})`;
}
