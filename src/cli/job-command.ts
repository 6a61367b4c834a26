import { ConfigError, loadEnv, type Env } from '../config/env.js';
import type { JobName } from '../domain/periods.js';
import { composeChannelDigest, digest } from '../jobs/digest.js';
import { consoleJobLogger, type JobLogger } from '../jobs/job-logger.js';
import { composeReminder, remind } from '../jobs/remind.js';
import type { JobDeps, JobResult } from '../jobs/run-job.js';
import { createPostingClient, SlackPoster } from '../jobs/slack-poster.js';
import type { Reply } from '../slack/blocks.js';
import { renderBlocksAsText } from '../slack/views/render-text.js';
import { openStore } from '../store/open-store.js';

export interface JobCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Defaults to reading `.env` and the process environment. */
  env?: () => Env;
  clock?: () => Date;
}

const USAGE: Record<JobName, string> = {
  remind: 'usage: npm run remind [-- --dry-run]\n  Posts today’s reminder about pending adhesions to CORRIDOR_CHANNEL (once a day).\n  --dry-run  print the message instead of posting it; needs no Slack credentials',
  digest: 'usage: npm run digest [-- --dry-run]\n  Posts this week’s digest to CORRIDOR_CHANNEL (once a week).\n  --dry-run  print the message instead of posting it; needs no Slack credentials',
};

/**
 * `npm run remind` / `npm run digest`: posts the current period's message now, unless it was
 * already posted (so an external scheduler can drive the jobs too). Exit code 1 when the post failed.
 */
export async function runJobCommand(job: JobName, argv: readonly string[], io: JobCommandIo): Promise<number> {
  const flags = new Set(argv);
  if (flags.has('--help') || flags.has('-h')) {
    io.stdout.write(`${USAGE[job]}\n`);
    return 0;
  }
  const unknown = argv.filter((arg) => arg !== '--dry-run' && arg !== '-n');
  if (unknown.length > 0) {
    io.stderr.write(`corridor-bot: unknown option ${unknown[0]}\n${USAGE[job]}\n`);
    return 1;
  }
  const env = (io.env ?? (() => loadEnv()))();
  const clock = io.clock ?? (() => new Date());
  const logger = consoleJobLogger(io.stderr);
  const store = await openStore(env.DATABASE_URL);
  try {
    if (flags.has('--dry-run') || flags.has('-n')) {
      io.stdout.write(`${await dryRun(job, env, store, clock, logger)}\n`);
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
    };
    const result = job === 'remind' ? await remind(deps) : await digest(deps);
    io.stdout.write(`${describeResult(result)}\n`);
    return result.status === 'failed' ? 1 : 0;
  } finally {
    await store.close();
  }
}

async function dryRun(
  job: JobName,
  env: Env,
  store: Awaited<ReturnType<typeof openStore>>,
  clock: () => Date,
  logger: JobLogger,
): Promise<string> {
  const now = clock();
  const where = env.CORRIDOR_CHANNEL ?? 'CORRIDOR_CHANNEL (not set)';
  let message: Reply | undefined;
  if (job === 'remind') message = await composeReminder({ store, config: env, logger }, now);
  else message = await composeChannelDigest({ store, ledger: store.runs, config: env }, now);
  if (!message) return `Dry run: nothing to post to ${where} — no adhesion is pending (or all are snoozed).`;
  return [`Dry run: the ${job === 'remind' ? 'reminder' : 'digest'} that would be posted to ${where} now:`, renderBlocksAsText(message.blocks)].join('\n');
}

export function describeResult(result: JobResult): string {
  const what = `${result.job === 'remind' ? 'Reminder' : 'Digest'} ${result.period}`;
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
