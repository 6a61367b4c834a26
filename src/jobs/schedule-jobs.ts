import type { Config } from '../config/env.js';
import type { SharedChannels } from '../slack/shared-channels.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { digest } from './digest.js';
import { remindTomorrowsEvents, type EventReminderResult } from './event-reminder.js';
import type { JobLogger } from './job-logger.js';
import { sendNudges, slackRecipients, type NudgeResult } from './nudges.js';
import { remind } from './remind.js';
import { postMonthlyReport } from './report-post.js';
import { retryDelay, retryOnePost } from './retry-within-period.js';
import type { JobDeps } from './job-deps.js';
import { requireChannel } from './run-job.js';
import { startScheduler, type Scheduler } from './scheduler.js';
import { createPostingClients, SlackPoster, type Poster } from './slack-poster.js';

export interface CorridorJobsOptions {
  config: Config;
  store: CorridorStore;
  logger: JobLogger;
  /** Defaults to a SlackPoster on SLACK_BOT_TOKEN and SLACK_API_URL. */
  poster?: Poster;
  notionUrlFor?: JobDeps['notionUrlFor'];
  /** Who may be nudged, in which language; by default asked of Slack with SLACK_BOT_TOKEN (none with a poster given). */
  recipients?: JobDeps['recipients'];
  /** The running app's record of shared channels, which channel_shared events keep fresh. */
  channels?: SharedChannels;
  clock?: () => Date;
}

/** REMINDER_CRON, DIGEST_CRON, EVENT_REMINDER_CRON and REPORT_CRON in CORRIDOR_TZ, posting to CORRIDOR_CHANNEL, and NUDGE_CRON's direct messages; catches up at start. */
export function scheduleCorridorJobs({ config, store, logger, poster, notionUrlFor, recipients, channels, clock = () => new Date() }: CorridorJobsOptions): Scheduler {
  requireChannel(config);
  // A poster given (tests) comes without Slack: then only the recipients given are asked about.
  const clients = poster ? undefined : createPostingClients({ token: config.SLACK_BOT_TOKEN!, slackApiUrl: config.SLACK_API_URL });
  // In the running server the jobs log through Bolt's logger, in English (no `lang`: the default).
  const deps: JobDeps = {
    store,
    ledger: store.runs,
    poster: poster ?? new SlackPoster(clients!, { logger, channels }),
    recipients: recipients ?? (clients && slackRecipients(clients.calls)),
    clock,
    config,
    logger,
    notionUrlFor,
  };
  return startScheduler({
    timeZone: config.CORRIDOR_TZ,
    logger,
    now: clock,
    holidays: { regions: config.CORRIDOR_HOLIDAYS, ledger: store.runs },
    jobs: [
      { job: 'remind', cron: config.REMINDER_CRON, source: 'REMINDER_CRON', run: (_trigger, period) => remind(deps, period), retryIn: retryOnePost },
      { job: 'digest', cron: config.DIGEST_CRON, source: 'DIGEST_CRON', run: (_trigger, period) => digest(deps, period), retryIn: retryOnePost },
      {
        job: 'event-reminder',
        cron: config.EVENT_REMINDER_CRON,
        source: 'EVENT_REMINDER_CRON',
        run: () => remindTomorrowsEvents(deps),
        // An event's reminder belongs to the day before it, holiday or not: held, it would come too late.
        heldOnHolidays: false,
        retryIn: (outcome, retries) => retryEvents((outcome as EventReminderResult[] | undefined) ?? [], retries),
      },
      { job: 'report', cron: config.REPORT_CRON, source: 'REPORT_CRON', run: (_trigger, period) => postMonthlyReport(deps, period), retryIn: retryOnePost },
      { job: 'nudges', cron: config.NUDGE_CRON, source: 'NUDGE_CRON', run: () => sendNudges(deps), retryIn: (outcome, retries) => retryNudges((outcome as NudgeResult[] | undefined) ?? [], retries) },
    ],
  });
}

/** Event reminders are retried like the other posts: after a failure, or once another run's claim may have lapsed. */
function retryEvents(results: readonly EventReminderResult[], retries: number): number | undefined {
  return retryDelay(
    {
      failed: results.some((result) => result.status === 'failed'),
      inProgress: results.some((result) => result.status === 'skipped' && result.inProgress),
    },
    retries,
  );
}

/** Nudges are retried within the week while one person's failed or is held by another run. */
function retryNudges(results: readonly NudgeResult[], retries: number): number | undefined {
  const runs = results.flatMap((outcome) => ('result' in outcome ? [outcome.result] : []));
  return retryDelay(
    {
      failed: runs.some((result) => result.status === 'failed') || results.some((outcome) => 'notNudged' in outcome && outcome.notNudged === 'unknown'),
      inProgress: runs.some((result) => result.status === 'skipped' && result.reason === 'in-progress'),
    },
    retries,
  );
}
