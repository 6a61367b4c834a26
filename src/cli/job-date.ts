import cron from 'node-cron';
import type { Env } from '../config/env.js';
import { nextPostDay, planDay, type DayPlan, type HolidaySchedule } from '../domain/holiday-schedule.js';
import { holidayName, holidaysOn, type PublicHoliday } from '../domain/holidays.js';
import { localInstant, type JobName } from '../domain/periods.js';
import { isoDate } from '../domain/types.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { formatDate, formatTime } from '../i18n/format.js';
import { catalogue, type Catalogue, type Lang } from '../i18n/index.js';
import { cronSchedule } from '../jobs/holiday-hold.js';
import { CliError } from './cli-support.js';

type CliWords = Catalogue['cli']['jobs'];

/** The options of `npm run remind|digest|event-reminder`. */
export interface JobArgs {
  help: boolean;
  dryRun: boolean;
  /** `--date YYYY-MM-DD` (or `--date=…`): the day to preview. */
  date?: string;
}

/** Reads the options; an unknown option, a bad date or --date without --dry-run is one line and exit 1. */
export function parseJobArgs(job: JobName, argv: readonly string[]): JobArgs {
  const args: JobArgs = { help: false, dryRun: false };
  const usage = (all: Catalogue) => all.cli.jobs.usage[job];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--dry-run' || arg === '-n') args.dryRun = true;
    else if (arg === '--date' || arg.startsWith('--date=')) {
      const value = arg === '--date' ? (argv[(index += 1)] ?? '') : arg.slice('--date='.length);
      if (!isoDate.safeParse(value).success) throw new CliError(bothLanguages((all) => all.cli.jobs.badDate(value, usage(all))));
      args.date = value;
    } else throw new CliError(bothLanguages((all) => all.cli.unknownOption(arg, usage(all))));
  }
  if (args.date !== undefined && !args.dryRun && !args.help && !RUNS_AS_OF_DATE.has(job)) throw new CliError(bothLanguages((all) => all.cli.jobs.dateNeedsDryRun(usage(all))));
  return args;
}

const CRON_VARIABLE: Record<JobName, 'REMINDER_CRON' | 'DIGEST_CRON' | 'EVENT_REMINDER_CRON' | 'NUDGE_CRON' | 'REPORT_CRON'> = {
  remind: 'REMINDER_CRON',
  digest: 'DIGEST_CRON',
  'event-reminder': 'EVENT_REMINDER_CRON',
  nudges: 'NUDGE_CRON',
  report: 'REPORT_CRON',
};

/**
 * Jobs `--date` runs for real as of that day (at the current time of day): a person's nudge
 * belongs to a week, so an operator may send a week's nudges from a given day; posts to the
 * channel only ever preview another day.
 */
export const RUNS_AS_OF_DATE: ReadonlySet<JobName> = new Set(['nudges']);

/** Event reminders keep their day, holiday or not (as the running schedule does). */
const POSTS_ON_HOLIDAYS: ReadonlySet<JobName> = new Set(['event-reminder']);

/** What `--dry-run --date` prints: the day's post (composed by `preview` at its time), or why none and when the next is. */
export async function previewDay(
  job: JobName,
  date: string,
  env: Env,
  lang: Lang,
  preview: (now: Date, when: string) => Promise<string>,
): Promise<string> {
  const words = catalogue(lang).cli.jobs;
  const variable = CRON_VARIABLE[job];
  const task = cron.createTask(env[variable], () => {}, { timezone: env.CORRIDOR_TZ });
  try {
    const regions = POSTS_ON_HOLIDAYS.has(job) ? [] : env.CORRIDOR_HOLIDAYS;
    const schedule = cronSchedule(env[variable], task, env.CORRIDOR_TZ, regions);
    const plan = planDay(date, schedule);
    const day = formatDate(date, lang, { weekday: true });
    const what = catalogue(lang).cli.log.label[job];
    const lines: string[] = [];
    const todayOff = POSTS_ON_HOLIDAYS.has(job) ? holidaysOn(date, env.CORRIDOR_HOLIDAYS) : [];
    if (todayOff.length > 0) lines.push(words.onDate.stillPosted(day, names(todayOff, lang)));
    if (plan.kind === 'post') {
      if (plan.heldFrom) lines.push(words.onDate.heldFrom(formatDate(plan.heldFrom.date, lang, { weekday: true }), names(plan.heldFrom.holidays, lang)));
      lines.push(await preview(localInstant(date, plan.time, env.CORRIDOR_TZ), words.dryRun.onDay(day, formatTime(plan.time, lang))));
      return lines.join('\n');
    }
    lines.push(whyNothing(plan, { what, day, variable, lang, words, schedule }));
    return lines.join('\n');
  } finally {
    void task.destroy();
  }
}

interface Why {
  what: string;
  day: string;
  variable: string;
  lang: Lang;
  words: CliWords;
  schedule: HolidaySchedule;
}

function whyNothing(plan: Exclude<DayPlan, { kind: 'post' }>, { what, day, variable, lang, words, schedule }: Why): string {
  const at = (date: string, time: string) => words.onDate.at(formatDate(date, lang, { weekday: true }), formatTime(time, lang));
  const next = nextPostDay(plan.date, schedule);
  if (plan.kind === 'held') return words.onDate.held(what, day, names(plan.holidays, lang), at(plan.to, plan.time));
  if (!next) return words.onDate.never(what, variable);
  if (plan.kind === 'skipped') return words.onDate.skipped(what, day, names(plan.holidays, lang), at(next.date, next.time));
  const off = plan.holidays.length > 0 ? `${words.onDate.holiday(day, names(plan.holidays, lang))}\n` : '';
  return `${off}${words.onDate.none(what, day, variable, at(next.date, next.time))}`;
}

function names(holidays: readonly PublicHoliday[], lang: Lang): string {
  return catalogue(lang).common.listJoin(holidays.map((holiday) => holidayName(holiday, lang)));
}
