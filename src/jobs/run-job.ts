import { ConfigError } from '../config/env.js';
import { periodKey, type JobName } from '../domain/periods.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { catalogue } from '../i18n/index.js';
import { metrics } from '../ops/metrics.js';
import type { RunClaim, RunRecord } from '../store/run-ledger.js';
import type { Reply } from '../slack/blocks.js';
import type { JobConfig, JobDeps } from './job-deps.js';
import { claimPeriod, holdClaim } from './period-claim.js';

export type JobResult =
  /** `found`: an earlier try had posted it; this one recorded it. */
  | { status: 'posted'; job: JobName; period: string; channel: string; ts: string; found?: boolean }
  | {
      status: 'skipped';
      job: JobName;
      period: string;
      /** already-done: posted before; already-run: ran before with nothing to post; in-progress: another run holds it. */
      reason: 'already-done' | 'already-run' | 'in-progress' | 'nothing-to-post';
      /** in-progress: who holds the claim. */
      heldBy?: string;
    }
  | { status: 'failed'; job: JobName; period: string; error: string; hint: string };

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

/** How far back the channel is searched for a post an earlier try may have made. */
const EARLIER_POST_LOOKBACK_MS = 8 * 24 * 60 * 60 * 1000;

/**
 * Posts a job's message for one period exactly once: the period is claimed in the ledger first
 * (its lease renewed while posting), and marked done only when Slack accepted the message. A
 * failure is recorded as failed, which a later run may retry; a retry first looks for the post in
 * the channel (Slack keeps the period as message metadata), so a post Slack accepted from a run
 * that died before recording it is recorded, not posted again.
 */
export async function postOnce(
  job: JobName,
  period: string,
  deps: JobDeps,
  compose: (now: Date) => Promise<Reply | undefined>,
  now: Date = deps.clock(),
): Promise<JobResult> {
  const channel = requireChannel(deps.config);
  const attempt = await claimPeriod(job, period, deps, now);
  if (!('claim' in attempt)) return counted(alreadyHandled(job, period, attempt.existing, deps));
  const release = holdClaim(attempt.claim, deps);
  try {
    return counted(await postClaimed({ job, period, channel, claim: attempt.claim, deps, compose, now }));
  } finally {
    release();
  }
}

interface ClaimedPost {
  job: JobName;
  period: string;
  channel: string;
  claim: RunClaim;
  deps: JobDeps;
  compose: (now: Date) => Promise<Reply | undefined>;
  now: Date;
}

async function postClaimed(post: ClaimedPost): Promise<JobResult> {
  const { job, period, channel, claim, deps, compose, now } = post;
  const { log, label } = words(job, period, deps);
  if (claim.attempt > 1) {
    const earlier = await findEarlierPost(post);
    if (earlier) return earlier;
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
  const outcome = await deps.poster.post({ channel, text: message.text, blocks: message.blocks, key: { job, period } });
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

/** On a retry: the post an earlier try made, recorded as done; a failure when the channel cannot be read. */
async function findEarlierPost({ job, period, channel, claim, deps, now }: ClaimedPost): Promise<JobResult | undefined> {
  const { log, label } = words(job, period, deps);
  const found = await deps.poster.findPosted(channel, { job, period }, new Date(now.getTime() - EARLIER_POST_LOOKBACK_MS));
  if (found.ok && found.ts) {
    await deps.ledger.complete(claim, { channel, messageTs: found.ts, now: deps.clock() });
    deps.logger.warn(log.foundEarlierPost(label, found.ts));
    return { status: 'posted', job, period, channel, ts: found.ts, found: true };
  }
  if (found.ok) return undefined;
  if (found.error === 'missing_scope') {
    deps.logger.warn(log.historyScopeMissing(label));
    return undefined;
  }
  await deps.ledger.fail(claim, `history: ${found.error}: ${found.hint}`, deps.clock());
  deps.logger.error(log.cannotCheckEarlierPost(label, found.error, found.hint));
  return { status: 'failed', job, period, error: found.error, hint: found.hint };
}

function alreadyHandled(job: JobName, period: string, existing: RunRecord | undefined, deps: JobDeps): JobResult {
  const { log, label } = words(job, period, deps);
  const reason = existing?.state === 'done' ? 'already-done' : existing?.state === 'skipped' ? 'already-run' : 'in-progress';
  deps.logger.info(
    reason === 'in-progress'
      ? log.anotherRun(label, existing?.claimedBy ?? log.unknownOwner)
      : reason === 'already-done'
        ? log.alreadyPosted(label)
        : log.alreadyRun(label),
  );
  return { status: 'skipped', job, period, reason, ...(reason === 'in-progress' ? { heldBy: existing?.claimedBy ?? log.unknownOwner } : {}) };
}

function words(job: JobName, period: string, deps: JobDeps) {
  const log = catalogue(deps.lang ?? 'en').cli.log;
  return { log, label: `${log.label[job]} ${period}` };
}

/** Every outcome counted in the metrics, by job. */
function counted(result: JobResult): JobResult {
  const outcome = result.status === 'posted' ? (result.found ? 'found' : 'posted') : result.status === 'failed' ? 'failed' : result.reason;
  metrics.scheduledPosts.inc({ job: result.job, outcome });
  return result;
}
