import type { Config } from '../config/env.js';
import type { SharedChannels } from '../slack/shared-channels.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { digest } from './digest.js';
import { remindTomorrowsEvents, type EventReminderResult } from './event-reminder.js';
import type { JobLogger } from './job-logger.js';
import { remind } from './remind.js';
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
  /** The running app's record of shared channels, which channel_shared events keep fresh. */
  channels?: SharedChannels;
  clock?: () => Date;
}

/** REMINDER_CRON, DIGEST_CRON and EVENT_REMINDER_CRON in CORRIDOR_TZ, posting to CORRIDOR_CHANNEL; catches up at start. */
export function scheduleCorridorJobs({ config, store, logger, poster, notionUrlFor, channels, clock = () => new Date() }: CorridorJobsOptions): Scheduler {
  requireChannel(config);
  // In the running server the jobs log through Bolt's logger, in English (no `lang`: the default).
  const deps: JobDeps = {
    store,
    ledger: store.runs,
    poster: poster ?? new SlackPoster(createPostingClients({ token: config.SLACK_BOT_TOKEN!, slackApiUrl: config.SLACK_API_URL }), { logger, channels }),
    clock,
    config,
    logger,
    notionUrlFor,
  };
  return startScheduler({
    timeZone: config.CORRIDOR_TZ,
    logger,
    now: clock,
    holidays: config.CORRIDOR_HOLIDAYS,
    jobs: [
      { job: 'remind', cron: config.REMINDER_CRON, source: 'REMINDER_CRON', run: () => remind(deps), retryIn: retryOnePost },
      { job: 'digest', cron: config.DIGEST_CRON, source: 'DIGEST_CRON', run: () => digest(deps), retryIn: retryOnePost },
      {
        job: 'event-reminder',
        cron: config.EVENT_REMINDER_CRON,
        source: 'EVENT_REMINDER_CRON',
        run: () => remindTomorrowsEvents(deps),
        // An event's reminder belongs to the day before it, holiday or not: held, it would come too late.
        heldOnHolidays: false,
        retryIn: (outcome, retries) => retryEvents((outcome as EventReminderResult[] | undefined) ?? [], retries),
      },
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
