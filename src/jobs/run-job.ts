import { ConfigError } from '../config/env.js';
import { periodKey, type JobName } from '../domain/periods.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { catalogue } from '../i18n/index.js';
import { metrics } from '../ops/metrics.js';
import type { RunClaim, RunRecord } from '../store/run-ledger.js';
import type { Reply } from '../slack/blocks.js';
import type { JobConfig, JobDeps } from './job-deps.js';
import { configuredPeriod } from './job-period.js';
import { claimPeriod, holdClaim } from './period-claim.js';
import type { ChannelFile, PostOutcome, UploadOutcome } from './slack-poster.js';

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

/** A reply in a post's thread: a message, or a file (shared with files.uploadV2, its part the file's: see filePart). */
export type ThreadItem = { part: string; reply: Reply } | { part: string; file: Omit<ChannelFile, 'channel' | 'threadTs'> };

/** What a job posts: a message, and replies in its thread, each posted exactly once too. */
export interface ComposedPost extends Reply {
  /** Replies in the message's thread, each named by a `part` so a retry posts only those missing. */
  thread?: ThreadItem[];
  /** Runs once the message and its replies are all posted (the reminder remembers whom it mentioned). */
  afterPosted?: (posted: { channel: string; ts: string }) => Promise<void>;
}

type Compose = (now: Date) => Promise<ComposedPost | undefined>;

export function requireChannel(config: JobConfig): string {
  if (!config.CORRIDOR_CHANNEL) {
    throw new ConfigError(bothLanguages((words) => words.cli.errors.channelRequired));
  }
  return config.CORRIDOR_CHANNEL;
}

/**
 * Posts a job's message for the current period (a day, an ISO week) exactly once; see postOnce.
 * `period`: another one, a post held over a holiday sent on the next working day.
 */
export async function runPostingJob(job: JobName, deps: JobDeps, compose: Compose, period?: string): Promise<JobResult> {
  const now = deps.clock();
  return postOnce(job, period ?? periodKey(job, now, deps.config.CORRIDOR_TZ, configuredPeriod(job, deps.config)), deps, compose, now);
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
  compose: Compose,
  now: Date = deps.clock(),
  to?: Destination,
): Promise<JobResult> {
  const channel = to ? undefined : requireChannel(deps.config);
  const attempt = await claimPeriod(job, period, deps, now);
  if (!('claim' in attempt)) return counted(alreadyHandled(job, period, attempt.existing, deps));
  const release = holdClaim(attempt.claim, deps);
  try {
    const where = to ? await to() : { ok: true as const, channel: channel! };
    const post = { job, period, channel: where.ok ? where.channel : '', claim: attempt.claim, deps, compose, now };
    return counted(where.ok ? await postClaimed(post) : await failed(post, where));
  } finally {
    release();
  }
}

/** Where a post goes when not to CORRIDOR_CHANNEL: a conversation opened once the period is claimed (a person's direct messages). */
export type Destination = () => Promise<{ ok: true; channel: string } | { ok: false; error: string; hint: string }>;

interface ClaimedPost {
  job: JobName;
  period: string;
  channel: string;
  claim: RunClaim;
  deps: JobDeps;
  compose: Compose;
  now: Date;
}

async function postClaimed(post: ClaimedPost): Promise<JobResult> {
  const { job, period, channel, claim, deps } = post;
  const { log, label } = words(job, period, deps);
  const earlier = claim.attempt > 1 ? await findEarlierPost(post) : undefined;
  if (earlier?.status === 'failed') return earlier;
  const message = await composeRecordingFailure(post);
  if (!message && !earlier) {
    await deps.ledger.skip(claim, deps.clock());
    deps.logger.info(log.nothingToPost(label));
    return { status: 'skipped', job, period, reason: 'nothing-to-post' };
  }
  let posted: { channel: string; ts: string } | undefined = earlier;
  if (!posted) {
    const outcome = await deps.poster.post({ channel, text: message!.text, blocks: message!.blocks, key: { job, period } });
    if (!outcome.ok) return failed(post, outcome);
    posted = outcome;
  }
  const threadFailure = message?.thread?.length ? await postThread(post, posted, message.thread) : undefined;
  if (threadFailure) return failed(post, threadFailure);
  const kept = await deps.ledger.complete(claim, { channel: posted.channel, messageTs: posted.ts, now: deps.clock() });
  if (!kept) deps.logger.warn(log.staleClaim(label));
  if (earlier) deps.logger.warn(log.foundEarlierPost(label, earlier.ts));
  else deps.logger.info(log.posted(label, posted.channel, posted.ts));
  // The post is out and recorded: what follows is bookkeeping, and its failure must not read as the post's.
  await message?.afterPosted?.(posted).catch((error: unknown) => deps.logger.warn(`${label}: ${error instanceof Error ? error.message : String(error)}`));
  return { status: 'posted', job, period, channel: posted.channel, ts: posted.ts, ...(earlier ? { found: true } : {}) };
}

async function composeRecordingFailure({ claim, deps, compose, now }: ClaimedPost): Promise<ComposedPost | undefined> {
  try {
    return await compose(now);
  } catch (error) {
    await deps.ledger.fail(claim, `compose: ${error instanceof Error ? error.message : String(error)}`, deps.clock());
    throw error;
  }
}

/** The period stays open: a later try finds what was posted and posts the rest. */
async function failed({ job, period, claim, deps }: ClaimedPost, outcome: { error: string; hint: string }): Promise<JobResult> {
  const { log, label } = words(job, period, deps);
  await deps.ledger.fail(claim, `${outcome.error}: ${outcome.hint}`, deps.clock());
  deps.logger.error(log.notPosted(label, outcome.error, outcome.hint));
  return { status: 'failed', job, period, error: outcome.error, hint: outcome.hint };
}

/**
 * Posts the replies the thread does not hold yet. On a first try the thread is new; on a retry
 * (the parent found in the channel) the replies an earlier try posted are looked for first.
 */
async function postThread(
  { job, period, claim, deps }: ClaimedPost,
  parent: { channel: string; ts: string },
  thread: NonNullable<ComposedPost['thread']>,
): Promise<{ error: string; hint: string } | undefined> {
  let already: string[] = [];
  if (claim.attempt > 1) {
    const found = await deps.poster.findReplies(parent.channel, parent.ts, { job, period });
    if (!found.ok) return found;
    already = found.parts;
  }
  for (const item of thread.filter((each) => !already.includes(each.part))) {
    const outcome = await postThreadItem(item, parent, { job, period }, deps);
    if (!outcome.ok) return outcome;
  }
  return undefined;
}

function postThreadItem(item: ThreadItem, parent: { channel: string; ts: string }, post: { job: JobName; period: string }, deps: JobDeps): Promise<PostOutcome | UploadOutcome> {
  const where = { channel: parent.channel, threadTs: parent.ts };
  if ('file' in item) {
    const log = catalogue(deps.lang ?? 'en').cli.slack;
    return deps.poster.upload?.({ ...item.file, ...where }) ?? Promise.resolve({ ok: false as const, error: 'no_upload', hint: log.refused('no_upload') });
  }
  return deps.poster.post({ ...where, text: item.reply.text, blocks: item.reply.blocks, key: { ...post, part: item.part } });
}

/** On a retry: the post an earlier try made; a failure when the channel cannot be read. */
async function findEarlierPost({ job, period, channel, claim, deps, now }: ClaimedPost): Promise<
  { status: 'found'; channel: string; ts: string } | (JobResult & { status: 'failed' }) | undefined
> {
  const { log, label } = words(job, period, deps);
  const found = await deps.poster.findPosted(channel, { job, period }, new Date(now.getTime() - EARLIER_POST_LOOKBACK_MS));
  if (found.ok && found.ts) return { status: 'found', channel, ts: found.ts };
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
