import cron from 'node-cron';
import { JOB_PERIOD, periodOf, type JobName, type PeriodLength } from '../domain/periods.js';
import type { JobConfig } from './job-deps.js';

/** The period a job's posts are recorded under, read from its cron expression (see periodOf). */
export function schedulePeriod(job: JobName, expression: string | undefined): PeriodLength {
  if (!expression) return JOB_PERIOD[job];
  const { dayOfWeek, dayOfMonth } = cron.parse(expression);
  return periodOf(job, { weekdays: dayOfWeek.map(Number), everyDayOfMonth: dayOfMonth.length === 31 });
}

/** The period of a job as configured: the reminder's follows REMINDER_CRON; the others' are fixed. */
export function configuredPeriod(job: JobName, config: JobConfig): PeriodLength {
  return schedulePeriod(job, job === 'remind' ? config.REMINDER_CRON : undefined);
}
