import { ConfigError, loadEnv, type Env } from '../config/env.js';
import { nextDay } from '../domain/event-reminders.js';
import type { JobName } from '../domain/periods.js';
import { localDate } from '../i18n/format.js';
import { composeChannelDigest, digest } from '../jobs/digest.js';
import { composeEventReminders, remindTomorrowsEvents, type EventReminderResult } from '../jobs/event-reminder.js';
import { consoleJobLogger, type JobLogger } from '../jobs/job-logger.js';
import { partnerNotionUrls } from '../jobs/notion-sync.js';
import { composeReminder, remind } from '../jobs/remind.js';
import type { JobDeps, JobResult } from '../jobs/run-job.js';
import { createPostingClient, SlackPoster } from '../jobs/slack-poster.js';
import { renderBlocksAsText } from '../slack/views/render-text.js';
import { openStore } from '../store/open-store.js';
import { CliError } from './cli-support.js';
import type { SqliteCorridorStore } from '../store/sqlite/sqlite-corridor-store.js';
import { SqliteNotionLinks } from '../store/sqlite/sqlite-notion-links.js';

export interface JobCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Defaults to reading `.env` and the process environment. */
  env?: () => Env;
  clock?: () => Date;
}

interface PreviewDeps {
  store: SqliteCorridorStore;
  env: Env;
  logger: JobLogger;
  notionUrlFor: JobDeps['notionUrlFor'];
  /** Where the post would go, for the dry run's first line. */
  where: string;
}

interface JobCommand {
  usage: string;
  /** Posts what is due now; the lines say what happened, one per post. */
  post(deps: JobDeps): Promise<{ lines: string[]; failed: boolean }>;
  /** The text of what would be posted now. */
  dryRun(deps: PreviewDeps, now: Date): Promise<string>;
}

const DRY_RUN_HINT = '  --dry-run  print the message instead of posting it; needs no Slack credentials';

const COMMANDS: Record<JobName, JobCommand> = {
  remind: {
    usage: `usage: npm run remind [-- --dry-run]\n  Posts today’s reminder about pending adhesions to CORRIDOR_CHANNEL (once a day).\n${DRY_RUN_HINT}`,
    post: async (deps) => oneResult(await remind(deps)),
    dryRun: async ({ store, env, logger, notionUrlFor, where }, now) => {
      const message = await composeReminder({ store, config: env, logger, notionUrlFor }, now);
      if (!message) return `Dry run: nothing to post to ${where} — no adhesion is pending (or all are snoozed).`;
      return [`Dry run: the reminder that would be posted to ${where} now:`, renderBlocksAsText(message.blocks)].join('\n');
    },
  },
  digest: {
    usage: `usage: npm run digest [-- --dry-run]\n  Posts this week’s digest to CORRIDOR_CHANNEL (once a week).\n${DRY_RUN_HINT}`,
    post: async (deps) => oneResult(await digest(deps)),
    dryRun: async ({ store, env, where }, now) => {
      const message = await composeChannelDigest({ store, ledger: store.runs, config: env }, now);
      return [`Dry run: the digest that would be posted to ${where} now:`, renderBlocksAsText(message.blocks)].join('\n');
    },
  },
  'event-reminder': {
    usage: `usage: npm run event-reminder [-- --dry-run]\n  Reminds CORRIDOR_CHANNEL of tomorrow’s events (once per event).\n${DRY_RUN_HINT}`,
    post: async (deps) => {
      const results = await remindTomorrowsEvents(deps);
      if (results.length === 0) {
        const tomorrow = nextDay(localDate(deps.clock(), deps.config.CORRIDOR_TZ));
        return { lines: [`Event reminders: no event tomorrow (${tomorrow}); nothing to post.`], failed: false };
      }
      return { lines: results.map(describeEventResult), failed: results.some((result) => result.status === 'failed') };
    },
    dryRun: async ({ store, env, where }, now) => {
      const { tomorrow, reminders } = await composeEventReminders({ store, config: env }, now);
      if (reminders.length === 0) return `Dry run: nothing to post to ${where} — no event tomorrow (${tomorrow}).`;
      return reminders
        .map(({ key, message }) => [`Dry run: the event reminder ${key} that would be posted to ${where} now:`, renderBlocksAsText(message.blocks)].join('\n'))
        .join('\n\n');
    },
  },
};

function oneResult(result: JobResult): { lines: string[]; failed: boolean } {
  return { lines: [describeResult(result)], failed: result.status === 'failed' };
}

/**
 * `npm run remind` / `npm run digest` / `npm run event-reminder`: posts what is due now, unless it
 * was already posted (so an external scheduler can drive the jobs too). Exit code 1 when a post failed.
 */
export async function runJobCommand(job: JobName, argv: readonly string[], io: JobCommandIo): Promise<number> {
  const command = COMMANDS[job];
  const flags = new Set(argv);
  if (flags.has('--help') || flags.has('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  const unknown = argv.filter((arg) => arg !== '--dry-run' && arg !== '-n');
  if (unknown.length > 0) throw new CliError(`unknown option ${unknown[0]}; ${command.usage.split('\n')[0]}`);
  const env = (io.env ?? (() => loadEnv()))();
  const clock = io.clock ?? (() => new Date());
  const logger = consoleJobLogger(io.stderr);
  const store = await openStore(env.DATABASE_URL);
  // *Open in Notion* on the reminder, as the scheduled one has it, once the sync has made the pages.
  const notionUrlFor = partnerNotionUrls(env, new SqliteNotionLinks(store.db));
  try {
    if (flags.has('--dry-run') || flags.has('-n')) {
      const where = env.CORRIDOR_CHANNEL ?? 'CORRIDOR_CHANNEL (not set)';
      io.stdout.write(`${await command.dryRun({ store, env, logger, notionUrlFor, where }, clock())}\n`);
      return 0;
    }
    if (!env.SLACK_BOT_TOKEN) {
      throw new ConfigError('SLACK_BOT_TOKEN: required to post (expected xoxb-…); add --dry-run to print the message instead');
    }
    const client = createPostingClient({ token: env.SLACK_BOT_TOKEN, slackApiUrl: env.SLACK_API_URL });
    const deps: JobDeps = {
      store,
      ledger: store.runs,
      poster: new SlackPoster(client, { logger }),
      clock,
      config: env,
      logger,
      notionUrlFor,
    };
    const { lines, failed } = await command.post(deps);
    io.stdout.write(`${lines.join('\n')}\n`);
    return failed ? 1 : 0;
  } finally {
    await store.close();
  }
}

const RESULT_LABEL: Record<JobName, string> = { remind: 'Reminder', digest: 'Digest', 'event-reminder': 'Event reminder' };

export function describeResult(result: JobResult): string {
  const what = `${RESULT_LABEL[result.job]} ${result.period}`;
  switch (result.status) {
    case 'posted':
      return `${what}: posted to ${result.channel} (ts ${result.ts}).`;
    case 'skipped':
      return {
        'already-done': `${what}: already posted; nothing to do.`,
        'already-run': `${what}: already run (there was nothing to post); nothing to do.`,
        'in-progress': `${what}: another run is posting it right now; nothing to do.`,
        'nothing-to-post': `${what}: nothing to post (no adhesion pending, or all snoozed).`,
      }[result.reason];
    case 'failed':
      // The hint is already on stderr, in the job's error line.
      return `${what}: not posted (${result.error}); the period stays open for the next run.`;
  }
}

function describeEventResult(result: EventReminderResult): string {
  const what = `Event reminder ${result.key}`;
  switch (result.status) {
    case 'posted':
      return `${what}: posted to ${result.channel} (ts ${result.ts}).`;
    case 'skipped':
      return `${what}: already posted (or being posted); nothing to do.`;
    case 'failed':
      return `${what}: not posted (${result.error}); the next run will try again.`;
  }
}
