import cron, { type ScheduledTask } from 'node-cron';
import { ConfigError } from '../config/env.js';
import { catchUpTime, type CatchUpSchedule } from '../domain/catch-up.js';
import type { HolidaySchedule } from '../domain/holiday-schedule.js';
import type { HolidayRegion } from '../domain/holidays.js';
import { addDays, localIsoDate } from '../domain/dates.js';
import { localInstant, periodKey, periodStart, periodStartDate, type JobName, type PeriodLength } from '../domain/periods.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { REPLICA_ID } from '../ops/process-identity.js';
import { cronSchedule, HolidayHold, type HeldJob, type HeldPostLedger } from './holiday-hold.js';
import type { JobLogger } from './job-logger.js';
import { schedulePeriod } from './job-period.js';

/** `held`: a post due on a public holiday, run on the next working day. */
export type Trigger = 'schedule' | 'catch-up' | 'retry' | 'held';

export interface ScheduledJob {
  job: JobName;
  /** The cron expression, read in the scheduler's time zone. */
  cron: string;
  /** Where the expression came from, for error messages (REMINDER_CRON, DIGEST_CRON). */
  source: string;
  /** `period`: for a held post, the period it was held for (a holiday's); otherwise the current one. */
  run(trigger: Trigger, period?: string): Promise<unknown>;
  /**
   * How long to wait before running again within the same period, given what the run returned and
   * how many retries came before; undefined when the period is settled.
   */
  retryIn?(outcome: unknown, retries: number): number | undefined;
  /** False for a job that posts on public holidays too (default true: held to the next working day). */
  heldOnHolidays?: boolean;
}

export interface SchedulerOptions {
  timeZone: string;
  jobs: readonly ScheduledJob[];
  logger: JobLogger;
  /** Run once at start a job whose time already came in the current period (default true). */
  catchUp?: boolean;
  now?: () => Date;
  /**
   * CORRIDOR_HOLIDAYS: a post due on one of their public holidays waits until the next working day,
   * recorded in the run ledger meanwhile (`owner` names this process there, REPLICA_ID by default).
   */
  holidays?: { regions: readonly HolidayRegion[]; ledger: HeldPostLedger; owner?: string };
}

export interface Scheduler {
  /** Settles when the catch-up runs started at start-up have finished. */
  readonly caughtUp: Promise<void>;
  /** When a job fires next (null once stopped). */
  nextRun(job: JobName): Date | null;
  /** Stops firing; resolves once the runs already started have finished. */
  stop(): Promise<void>;
}

/** Checks every job's cron expression and the zone, naming the variable at fault. */
export function validateSchedules(jobs: readonly Pick<ScheduledJob, 'cron' | 'source'>[], timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(bothLanguages((words) => words.cli.errors.badTimeZone(timeZone)));
  }
  for (const { cron: expression, source } of jobs) {
    const check = cron.validateDetailed(expression);
    if (!check.valid) {
      const why = check.errors[0]?.message ?? 'invalid';
      throw new ConfigError(bothLanguages((words) => words.cli.errors.badCron(source, expression, why)));
    }
  }
}

/**
 * Schedules each job with node-cron in the corridor's time zone (so 10:00 stays 10:00 across
 * daylight-saving changes), and catches up once at start a run whose time already came in the
 * current period: the jobs themselves make sure a period is posted only once.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { timeZone, jobs, logger, catchUp = true, now = () => new Date(), holidays } = options;
  // These log lines go to the running server's logger (Bolt's) and stay in English.
  validateSchedules(jobs, timeZone);
  const byName = new Map(jobs.map((job) => [job.job, job]));
  const held = new Map<JobName, HeldJob>();
  const workingTime = (job: JobName, at: Date) => catchUpTime(job, at, catchUpSchedule(byName.get(job)!.cron, held.get(job)!), timeZone);
  const periodOfJob = (job: JobName) => held.get(job)!.period;
  const runner = new JobRunner(logger, now, timeZone, workingTime, periodOfJob, (job, period) => hold.settle(job, period));
  const hold: HolidayHold = new HolidayHold({
    logger,
    now,
    timeZone,
    ledger: holidays?.ledger ?? noLedger,
    owner: holidays?.owner ?? REPLICA_ID,
    // A held post goes out at its time, or later in working hours, within the period of the day it lands on.
    sendTime: (post, from) => {
      const at = workingTime(post.job, from);
      const landing = periodKey(post.job, post.dueAt, timeZone, periodOfJob(post.job));
      return at && periodKey(post.job, at, timeZone, periodOfJob(post.job)) === landing ? at : undefined;
    },
    run: (name, period) => runner.run(byName.get(name)!, 'held', 0, period),
  });
  const tasks = new Map<JobName, ScheduledTask>();
  for (const job of jobs) {
    const onTime = () => (hold.holdsFiring(held.get(job.job)!) ? undefined : runner.run(job, 'schedule'));
    const task = cron.createTask(job.cron, onTime, {
      timezone: timeZone,
      name: `corridor-${job.job}`,
      noOverlap: true,
      logger: nodeCronLogger(logger),
    });
    tasks.set(job.job, task);
    const regions = job.heldOnHolidays === false ? [] : (holidays?.regions ?? []);
    held.set(job.job, { job: job.job, schedule: cronSchedule(job.cron, task, timeZone, regions), period: schedulePeriod(job.job, job.cron) });
  }
  const start: StartContext = { logger, now, timeZone, runner, hold, held, tasks, workingTime };
  const heldJobs = [...held.values()].filter((job) => job.schedule.regions.length > 0);
  const catchUps: Promise<void>[] = heldJobs.length > 0 ? [readHeldPosts(hold, heldJobs, logger)] : [];
  for (const job of jobs) {
    const started = catchUp ? catchUpOnce(start, job) : undefined;
    if (started) catchUps.push(started);
    void tasks.get(job.job)!.start();
  }
  return {
    caughtUp: Promise.all(catchUps).then(() => undefined),
    nextRun: (job) => tasks.get(job)?.getNextRun() ?? null,
    stop: async () => {
      for (const task of tasks.values()) void task.destroy();
      tasks.clear();
      hold.stop();
      await runner.stop();
    },
  };
}

/** What the start-up catch-up reads of the scheduler being started. */
interface StartContext {
  logger: JobLogger;
  now: () => Date;
  timeZone: string;
  runner: JobRunner;
  hold: HolidayHold;
  held: ReadonlyMap<JobName, HeldJob>;
  tasks: ReadonlyMap<JobName, ScheduledTask>;
  workingTime: (job: JobName, at: Date) => Date | undefined;
}

/** A run whose time already came in this period, caught up in working hours: now, later, or not at all. */
function catchUpOnce(start: StartContext, job: ScheduledJob): Promise<void> | undefined {
  const { logger, now, timeZone, runner, hold, held, tasks, workingTime } = start;
  if (hold.givesWay(held.get(job.job)!) || !cameEarlierInPeriod(job, tasks.get(job.job)!, now(), timeZone, held.get(job.job)!.period)) return undefined;
  const at = workingTime(job.job, now());
  if (!at) {
    logger.info(`${job.job}: its time already came in this period, which ends before working hours; the schedule posts the next one.`);
    return undefined;
  }
  const wait = at.getTime() - now().getTime();
  if (wait > 0) {
    logger.info(`${job.job}: its time already came in this period; catching up at ${at.toISOString()}, in working hours.`);
    runner.later(wait, () => void catchUpOnce(start, job));
    return undefined;
  }
  logger.info(`${job.job}: its time already came in this period; catching up now.`);
  return runner.run(job, 'catch-up');
}

/** The held posts of the run ledger, waited for or sent (see HolidayHold.atStart); a failure is logged. */
function readHeldPosts(hold: HolidayHold, heldJobs: readonly HeldJob[], logger: JobLogger): Promise<void> {
  return hold.atStart(heldJobs).catch((error: unknown) => {
    logger.error(`held posts: not read from the run ledger: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** Without public holidays nothing is ever held. */
const noLedger: HeldPostLedger = { hold: async () => {}, heldPosts: async () => [], settleHeld: async () => {} };

/** The job's own time of day and days, for catchUpTime. */
function catchUpSchedule(expression: string, { schedule, period }: HeldJob): CatchUpSchedule {
  const { hour, minute, second } = cron.parse(expression);
  const time = (pick: (values: number[]) => number) => [hour, minute, second].map((values) => String(pick(values)).padStart(2, '0')).join(':');
  return {
    timeOfDay: time((values) => Math.min(...values)),
    latestTimeOfDay: time((values) => Math.max(...values)),
    postsOn: (isoDate) => schedule.firstFiringOn(isoDate) !== undefined,
    period,
  };
}

/** Runs jobs, logs their failures, and tries a period still open again within the period. */
class JobRunner {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly logger: JobLogger,
    private readonly now: () => Date,
    private readonly timeZone: string,
    /** The first time in working hours from an instant, within its period (see catchUpTime). */
    private readonly workingTime: (job: JobName, at: Date) => Date | undefined,
    private readonly periodOf: (job: JobName) => PeriodLength,
    /** A held post's run went through, needing no retry. */
    private readonly heldSent: (job: JobName, period: string) => Promise<void>,
  ) {}

  /** Calls `then` after `wait` ms, unless stopped before. */
  later(wait: number, then: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) then();
    }, wait);
    this.timers.add(timer);
  }

  /** `heldPeriod`: a held post's period; retries stay within the period of the day it runs all the same. */
  run(job: ScheduledJob, trigger: Trigger, retriesSoFar = 0, heldPeriod?: string): Promise<void> {
    const period = this.periodKey(job.job, this.now());
    const running = (async () => {
      let outcome: unknown;
      let threw = false;
      try {
        outcome = await job.run(trigger, heldPeriod);
      } catch (error) {
        threw = true;
        this.logger.error(`${job.job} (${trigger}) failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const wait = threw ? undefined : job.retryIn?.(outcome, retriesSoFar);
      if (heldPeriod && !threw && wait === undefined) await this.heldSent(job.job, heldPeriod);
      if (wait !== undefined && !this.stopped) this.retryLater(job, period, wait, retriesSoFar + 1, heldPeriod);
    })();
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running));
    return running;
  }

  /** Stops retrying; resolves once the runs already started have finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.inFlight);
  }

  private periodKey(job: JobName, at: Date): string {
    return periodKey(job, at, this.timeZone, this.periodOf(job));
  }

  private retryLater(job: ScheduledJob, period: string, backOff: number, retriesSoFar: number, heldPeriod: string | undefined): void {
    const now = this.now().getTime();
    // In working hours, as a catch-up: not at night nor on a weekend the schedule does not post on.
    const at = this.workingTime(job.job, new Date(now + backOff));
    if (!at || this.periodKey(job.job, at) !== period) {
      this.logger.warn(`${job.job} ${period}: not tried again, the period ends before working hours; the schedule posts the next one.`);
      return;
    }
    const wait = at.getTime() - now;
    this.logger.info(`${job.job} ${period}: trying again in ${Math.round(wait / 1000)} s, within the period.`);
    this.later(wait, () => {
      // Only within the same period: the next period's run is the schedule's to make.
      if (this.periodKey(job.job, this.now()) === period) void this.run(job, heldPeriod ? 'held' : 'retry', retriesSoFar, heldPeriod);
    });
  }
}

/**
 * Whether the schedule had a firing between the start of the current period and now. Only the
 * times the expression names are tried, day by day: a month read minute by minute would take
 * seconds at start.
 */
export function cameEarlierInPeriod(
  job: Pick<ScheduledJob, 'job' | 'cron'>,
  matcher: Pick<ScheduledTask, 'match'>,
  now: Date,
  timeZone: string,
  length: PeriodLength = schedulePeriod(job.job, job.cron),
): boolean {
  const { hour, minute, second } = cron.parse(job.cron);
  const start = periodStart(job.job, now, timeZone, length).getTime();
  const end = Math.floor(now.getTime() / 1000) * 1000;
  const today = localIsoDate(now, timeZone);
  for (let day = periodStartDate(job.job, now, timeZone, length); day <= today; day = addDays(day, 1)) {
    for (const h of hour) {
      for (const m of minute) {
        for (const s of second) {
          const instant = localInstant(day, [h, m, s].map((part) => String(part).padStart(2, '0')).join(':'), timeZone).getTime();
          if (instant >= start && instant <= end && matcher.match(new Date(instant))) return true;
        }
      }
    }
  }
  return false;
}

function nodeCronLogger(logger: JobLogger) {
  const text = (message: string | Error) => (message instanceof Error ? message.message : message);
  return {
    info: (message: string) => logger.info(`node-cron: ${message}`),
    warn: (message: string) => logger.warn(`node-cron: ${message}`),
    error: (message: string | Error) => logger.error(`node-cron: ${text(message)}`),
    debug: () => {},
  };
}
