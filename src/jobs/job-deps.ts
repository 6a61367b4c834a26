import type { Config } from '../config/env.js';
import type { Lang } from '../i18n/index.js';
import type { RunLedger } from '../store/run-ledger.js';
import type { CorridorStore } from '../store/corridor-store.js';
import type { JobLogger } from './job-logger.js';
import type { Poster } from './slack-poster.js';

export type JobConfig = Pick<Config, 'CORRIDOR_CHANNEL' | 'CORRIDOR_CHANNEL_LANG' | 'CORRIDOR_TZ'> &
  /** For *Add to calendar* links on event reminders. */
  Partial<Pick<Config, 'PUBLIC_URL' | 'CALENDAR_FEED_KEY'>> &
  /** Who may log contacts from a nudge (coordinators). */
  Partial<Pick<Config, 'CORRIDOR_ADMINS'>> &
  /** A reminder scheduled on one weekday only is a weekly post: its period is the week (see job-period.ts). */
  Partial<Pick<Config, 'REMINDER_CRON'>> &
  /** The monthly report's edition; absent, the channel's (see jobs/report-post.ts). */
  Partial<Pick<Config, 'REPORT_AUDIENCE'>>;

/**
 * The language a person reads their nudge in; `not-nudged` for a guest or a user of another
 * organisation; `unknown` when Slack could not tell (never widened: not nudged, tried again later).
 */
export type NudgeRecipients = (userId: string) => Promise<Lang | 'not-nudged' | 'unknown'>;

/** Everything a job needs, injected: the schedule, the CLI and the tests each pass their own. */
export interface JobDeps {
  store: CorridorStore;
  ledger: RunLedger;
  poster: Poster;
  clock: () => Date;
  config: JobConfig;
  logger: JobLogger;
  /** The partner's Notion page, once the Notion sync has recorded one; none by default. */
  notionUrlFor?: (partnerId: string) => Promise<string | undefined>;
  /** Names this process in the run ledger (REPLICA_ID by default). */
  owner?: string;
  claimLeaseMs?: number;
  /** Who may be nudged, in which language (see jobs/nudges.ts); without it nobody is. */
  recipients?: NudgeRecipients;
  /** The language of the log lines: the CLI's; English (the default) in the server, where they go to Bolt's logger. */
  lang?: Lang;
}
