import { ConfigError, loadEnv, type Env } from '../config/env.js';
import { addDays, localIsoDate, wallClockTime } from '../domain/dates.js';
import type { JobName } from '../domain/periods.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { catalogue, type Catalogue, type Lang } from '../i18n/index.js';
import { composeChannelDigest, digest } from '../jobs/digest.js';
import { composeEventReminders, remindTomorrowsEvents, type EventReminderResult } from '../jobs/event-reminder.js';
import { consoleJobLogger, type JobLogger } from '../jobs/job-logger.js';
import { partnerNotionUrls } from '../jobs/notion-sync.js';
import { composeNudges, sendNudges, slackRecipients, type NudgeResult } from '../jobs/nudges.js';
import { composeReminder, remind } from '../jobs/remind.js';
import { composeReportPost, postMonthlyReport } from '../jobs/report-post.js';
import { localInstant } from '../domain/periods.js';
import { nudgeView } from '../slack/views/nudge-view.js';
import type { JobDeps } from '../jobs/job-deps.js';
import type { JobResult } from '../jobs/run-job.js';
import { DEFAULT_CLAIM_LEASE_MS } from '../store/run-ledger.js';
import { createPostingClients, SlackPoster } from '../jobs/slack-poster.js';
import { renderBlocksAsText } from '../slack/views/render-text.js';
import { openStore } from '../store/open-store.js';
import { parseJobArgs, previewDay } from './job-date.js';
import type { CorridorStore } from '../store/corridor-store.js';

export interface JobCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Defaults to reading `.env` and the process environment. */
  env?: () => Env;
  clock?: () => Date;
  /** The language of the lines printed (the CLI's, see cliLang); English by default. */
  lang?: Lang;
}

interface PreviewDeps {
  store: CorridorStore;
  env: Env;
  logger: JobLogger;
  notionUrlFor: JobDeps['notionUrlFor'];
  /** Where the post would go, for the dry run's first line. */
  where: string;
  lang: Lang;
}

interface JobCommand {
  /** Posts what is due now; the lines say what happened, one per post. */
  post(deps: JobDeps, words: CliWords): Promise<{ lines: string[]; failed: boolean }>;
  /** The text of what would be posted at `now`; `when` says when in its heading ("now", or a day and time). */
  dryRun(deps: PreviewDeps, now: Date, words: CliWords, when: string): Promise<string>;
}

type CliWords = Catalogue['cli']['jobs'];

/** The first line of `--help`, also quoted by the unknown-option error. */
function usageLine(job: JobName, words: CliWords): string {
  return words.usage[job];
}

function usage(job: JobName, words: CliWords): string {
  return [usageLine(job, words), words.purpose[job], words.dryRunHint, words.dateHint].join('\n');
}

const COMMANDS: Record<JobName, JobCommand> = {
  remind: {
    post: async (deps, words) => oneResult(await untilSettled(() => remind(deps), deps, stillHeld), words),
    dryRun: async ({ store, env, logger, notionUrlFor, where, lang }, now, words, when) => {
      // A dry run prints for whoever runs it, a coordinator: the internal view, as the console shows.
      const message = await composeReminder({ store, config: env, logger, notionUrlFor, lang }, now, 'internal');
      if (!message) return words.dryRun.noReminder(where);
      const thread = (message.thread ?? []).flatMap((item) => ('reply' in item ? [words.dryRun.inThread, renderBlocksAsText(item.reply.blocks)] : []));
      return [words.dryRun.reminder(where, when), renderBlocksAsText(message.blocks), ...thread].join('\n');
    },
  },
  digest: {
    post: async (deps, words) => oneResult(await untilSettled(() => digest(deps), deps, stillHeld), words),
    dryRun: async ({ store, env, where }, now, words, when) => {
      const message = await composeChannelDigest({ store, ledger: store.runs, config: env }, now, 'internal');
      return [words.dryRun.digest(where, when), renderBlocksAsText(message.blocks)].join('\n');
    },
  },
  'event-reminder': {
    post: async (deps, words) => {
      const results = await remindTomorrowsEvents(deps);
      if (results.length === 0) {
        const tomorrow = addDays(localIsoDate(deps.clock(), deps.config.CORRIDOR_TZ), 1);
        return { lines: [words.noEventTomorrow(tomorrow)], failed: false };
      }
      return { lines: results.map((result) => describeEventResult(result, words)), failed: results.some((result) => result.status === 'failed') };
    },
    dryRun: async ({ store, env, where }, now, words, when) => {
      const { tomorrow, reminder } = await composeEventReminders({ store, ledger: store.runs, config: env }, now);
      if (!reminder) return words.dryRun.noEvent(where, tomorrow);
      return [words.dryRun.eventReminder(reminder.key, where, when), renderBlocksAsText(reminder.message.blocks)].join('\n');
    },
  },
  report: {
    post: async (deps, words) => oneResult(await untilSettled(() => postMonthlyReport(deps), deps, stillHeld), words),
    // The edition REPORT_AUDIENCE names; without it the channel's, which only Slack can tell: the coordinators' here.
    dryRun: async ({ store, env, where }, now, words, when) => {
      const message = await composeReportPost({ store, config: env }, now, env.REPORT_AUDIENCE ?? 'internal');
      const files = (message.thread ?? []).flatMap((item) => ('file' in item ? [words.dryRun.fileInThread(item.file.name, Math.ceil(item.file.bytes.length / 1024))] : []));
      return [words.dryRun.report(where, when), renderBlocksAsText(message.blocks), ...files].join('\n');
    },
  },
  nudges: {
    post: async (deps) => {
      // Each person's first settled outcome is theirs: a run repeated while another held someone reports what it sent itself.
      const settled = new Map<string, NudgeResult>();
      const heldIn = (outcome: NudgeResult) => ('result' in outcome ? stillHeld(outcome.result) : undefined);
      const run = async () => {
        const outcomes = await sendNudges(deps);
        for (const outcome of outcomes) if (!heldIn(outcome) && !settled.has(outcome.userId)) settled.set(outcome.userId, outcome);
        return outcomes;
      };
      const results = (await untilSettled(run, deps, (outcomes) => outcomes.map(heldIn).find(Boolean))).map((outcome) => settled.get(outcome.userId) ?? outcome);
      const nudgeWords = catalogue(deps.lang ?? 'en').nudges.cli;
      if (results.length === 0) return { lines: [nudgeWords.nobody], failed: false };
      return { lines: results.map((result) => describeNudge(result, deps.lang ?? 'en')), failed: results.some(nudgeFailed) };
    },
    // Printed for whoever runs it, in the command's language: the DMs go out in each person's own.
    dryRun: async ({ store, env, lang }, now, _words, when) => {
      const nudges = await composeNudges(store, now, env.CORRIDOR_TZ);
      if (nudges.length === 0) return catalogue(lang).nudges.cli.nobody;
      return nudges
        .map((nudge) => [catalogue(lang).nudges.cli.dryRun(nudge.userId, when), renderBlocksAsText(nudgeView(nudge, lang).blocks)].join('\n'))
        .join('\n\n');
    },
  },
};

function describeNudge(outcome: NudgeResult, lang: Lang): string {
  const words = catalogue(lang).nudges.cli;
  if ('result' in outcome) {
    const { result } = outcome;
    if (result.status === 'skipped' && result.reason === 'nothing-to-post') return words.nothingDue(`${catalogue(lang).cli.jobs.label.nudges} ${result.period}`);
    return describeResult(result, catalogue(lang).cli.jobs);
  }
  return outcome.notNudged === 'unknown' ? words.unknownPerson(outcome.userId) : words.notReachable(outcome.userId);
}

/** A nudge another run still holds counts as not done, as a channel post does; so does one Slack could not say whom to. */
function nudgeFailed(outcome: NudgeResult): boolean {
  if (!('result' in outcome)) return outcome.notNudged === 'unknown';
  return outcome.result.status === 'failed' || stillHeld(outcome.result) !== undefined;
}

/** Polling interval while another run holds the period. */
const WAIT_POLL_MS = 1000;

/**
 * Runs the job; while another run holds a period it posts (`held` names the first), waits for it
 * to finish or for its claim to lapse (then this run takes over), so the command reports what
 * really happened to the post.
 */
async function untilSettled<T>(run: () => Promise<T>, deps: JobDeps, held: (outcome: T) => JobResult | undefined): Promise<T> {
  const giveUpAt = Date.now() + (deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS) + 5000;
  let outcome = await run();
  const first = held(outcome);
  if (first?.status === 'skipped') {
    const log = catalogue(deps.lang ?? 'en').cli.log;
    deps.logger.warn(log.waitingForOtherRun(`${log.label[first.job]} ${first.period}`, first.heldBy ?? log.unknownOwner));
  }
  while (held(outcome) && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    outcome = await run();
  }
  return outcome;
}

/** The result when another run is still posting its period. */
function stillHeld(result: JobResult): JobResult | undefined {
  return result.status === 'skipped' && result.reason === 'in-progress' ? result : undefined;
}

/** A post another run still holds counts as not done: the command never reports success for it. */
function oneResult(result: JobResult, words: CliWords): { lines: string[]; failed: boolean } {
  return { lines: [describeResult(result, words)], failed: result.status === 'failed' || stillHeld(result) !== undefined };
}

/**
 * `npm run remind` / `npm run digest` / `npm run event-reminder`: posts what is due now, unless it
 * was already posted (so an external scheduler can drive the jobs too). Exit code 1 when a post failed.
 */
export async function runJobCommand(job: JobName, argv: readonly string[], io: JobCommandIo): Promise<number> {
  const command = COMMANDS[job];
  const lang = io.lang ?? 'en';
  const words = catalogue(lang).cli.jobs;
  const args = parseJobArgs(job, argv);
  if (args.help) {
    io.stdout.write(`${usage(job, words)}\n`);
    return 0;
  }
  const env = (io.env ?? (() => loadEnv()))();
  const clock = asOfDate(args.date, args.dryRun, env.CORRIDOR_TZ, io.clock ?? (() => new Date()));
  const logger = consoleJobLogger(io.stderr);
  const store = await openStore(env.DATABASE_URL, { poolMax: env.DATABASE_POOL_MAX });
  // *Open in Notion* on the reminder, as the scheduled one has it, once the sync has made the pages.
  const notionUrlFor = partnerNotionUrls(env, store.notionLinks);
  try {
    if (args.dryRun) {
      const where = env.CORRIDOR_CHANNEL ?? words.channelNotSet;
      const preview = (now: Date, when: string) => command.dryRun({ store, env, logger, notionUrlFor, where, lang }, now, words, when);
      const text = args.date === undefined ? await preview(clock(), words.dryRun.now) : await previewDay(job, args.date, env, lang, preview);
      io.stdout.write(`${text}\n`);
      return 0;
    }
    if (!env.SLACK_BOT_TOKEN) {
      throw new ConfigError(bothLanguages((all) => all.cli.errors.tokenRequiredToPost));
    }
    const clients = createPostingClients({ token: env.SLACK_BOT_TOKEN, slackApiUrl: env.SLACK_API_URL });
    const deps: JobDeps = {
      store,
      ledger: store.runs,
      poster: new SlackPoster(clients, { logger, lang }),
      recipients: slackRecipients(clients.calls),
      clock,
      config: env,
      logger,
      notionUrlFor,
      lang,
    };
    const { lines, failed } = await command.post(deps, words);
    io.stdout.write(`${lines.join('\n')}\n`);
    return failed ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** `--date` without `--dry-run` (nudges only): the job runs as of that day, at the current time of day. */
function asOfDate(date: string | undefined, dryRun: boolean, timeZone: string, clock: () => Date): () => Date {
  if (date === undefined || dryRun) return clock;
  return () => localInstant(date, wallClockTime(clock(), timeZone), timeZone);
}

/** The outcome of one post, in one line (`words`: English by default). */
export function describeResult(result: JobResult, words: CliWords = catalogue('en').cli.jobs): string {
  const what = `${words.label[result.job]} ${result.period}`;
  switch (result.status) {
    case 'posted':
      return result.found ? words.found(what, result.channel, result.ts) : words.posted(what, result.channel, result.ts);
    case 'skipped':
      if (result.reason === 'in-progress') return words.stillInProgress(what, result.heldBy ?? '?');
      return {
        'already-done': words.alreadyDone,
        'already-run': words.alreadyRun,
        'nothing-to-post': words.nothingToPost,
      }[result.reason](what);
    case 'failed':
      // The hint is already on stderr, in the job's error line.
      return words.failed(what, result.error);
  }
}

function describeEventResult(result: EventReminderResult, words: CliWords): string {
  const what = `${words.label['event-reminder']} ${result.key}`;
  switch (result.status) {
    case 'posted':
      return words.posted(what, result.channel, result.ts);
    case 'skipped':
      return words.eventSkipped(what);
    case 'failed':
      return words.eventFailed(what, result.error);
  }
}
