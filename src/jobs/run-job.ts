import { hostname } from 'node:os';
import { ConfigError, type Config } from '../config/env.js';
import { periodKey, type JobName } from '../domain/periods.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { catalogue, type Lang } from '../i18n/index.js';
import { DEFAULT_CLAIM_LEASE_MS, type RunLedger } from '../store/run-ledger.js';
import type { CorridorStore } from '../store/repository.js';
import type { Reply } from '../slack/blocks.js';
import type { JobLogger } from './job-logger.js';
import type { Poster } from './slack-poster.js';

export type JobConfig = Pick<Config, 'CORRIDOR_CHANNEL' | 'CORRIDOR_CHANNEL_LANG' | 'CORRIDOR_TZ'>;

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
  /** Names this process in the run ledger. */
  owner?: string;
  claimLeaseMs?: number;
  /** The language of the log lines: the CLI's; English (the default) in the server, where they go to Bolt's logger. */
  lang?: Lang;
}

export type JobResult =
  | { status: 'posted'; job: JobName; period: string; channel: string; ts: string }
  | {
      status: 'skipped';
      job: JobName;
      period: string;
      /** already-done: posted before; already-run: ran before with nothing to post; in-progress: another run holds it. */
      reason: 'already-done' | 'already-run' | 'in-progress' | 'nothing-to-post';
    }
  | { status: 'failed'; job: JobName; period: string; error: string; hint: string };

export function defaultOwner(): string {
  return `${hostname()}:${process.pid}`;
}

export function requireChannel(config: JobConfig): string {
  if (!config.CORRIDOR_CHANNEL) {
    throw new ConfigError(bothLanguages((words) => words.cli.errors.channelRequired));
  }
  return config.CORRIDOR_CHANNEL;
}

/** Posts a job's message for the current period (a day, an ISO week) exactly once; see postOnce. */
export async function runPostingJob(
  job: JobName,
  deps: JobDeps,
  compose: (now: Date) => Promise<Reply | undefined>,
): Promise<JobResult> {
  const now = deps.clock();
  return postOnce(job, periodKey(job, now, deps.config.CORRIDOR_TZ), deps, compose, now);
}

/**
 * Posts a job's message for one period exactly once: the period is claimed in the ledger first,
 * and marked done only when Slack accepted the message. A failure is recorded as failed, which
 * a later run (the next firing, a restart's catch-up, the CLI) may retry.
 */
export async function postOnce(
  job: JobName,
  period: string,
  deps: JobDeps,
  compose: (now: Date) => Promise<Reply | undefined>,
  now: Date = deps.clock(),
): Promise<JobResult> {
  const channel = requireChannel(deps.config);
  const log = catalogue(deps.lang ?? 'en').cli.log;
  const label = `${log.label[job]} ${period}`;
  const claim = await deps.ledger.claim(job, period, {
    owner: deps.owner ?? defaultOwner(),
    now,
    leaseMs: deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS,
  });
  if (!claim) {
    const existing = await deps.ledger.get(job, period);
    const reason = existing?.state === 'done' ? 'already-done' : existing?.state === 'skipped' ? 'already-run' : 'in-progress';
    deps.logger.info(
      reason === 'in-progress'
        ? log.anotherRun(label, existing?.claimedBy ?? log.unknownOwner)
        : reason === 'already-done'
          ? log.alreadyPosted(label)
          : log.alreadyRun(label),
    );
    return { status: 'skipped', job, period, reason };
  }
  let message: Reply | undefined;
  try {
    message = await compose(now);
  } catch (error) {
    await deps.ledger.fail(claim, `compose: ${error instanceof Error ? error.message : String(error)}`, deps.clock());
    throw error;
  }
  if (!message) {
    await deps.ledger.skip(claim, deps.clock());
    deps.logger.info(log.nothingToPost(label));
    return { status: 'skipped', job, period, reason: 'nothing-to-post' };
  }
  const outcome = await deps.poster.post({ channel, text: message.text, blocks: message.blocks });
  if (!outcome.ok) {
    await deps.ledger.fail(claim, `${outcome.error}: ${outcome.hint}`, deps.clock());
    deps.logger.error(log.notPosted(label, outcome.error, outcome.hint));
    return { status: 'failed', job, period, error: outcome.error, hint: outcome.hint };
  }
  const kept = await deps.ledger.complete(claim, { channel: outcome.channel, messageTs: outcome.ts, now: deps.clock() });
  if (!kept) deps.logger.warn(log.staleClaim(label));
  deps.logger.info(log.posted(label, outcome.channel, outcome.ts));
  return { status: 'posted', job, period, channel: outcome.channel, ts: outcome.ts };
}
