import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../src/jobs/digest.js';
import type { JobLogger } from '../../src/jobs/job-logger.js';
import { releaseHeldClaims } from '../../src/jobs/period-claim.js';
import type { JobDeps } from '../../src/jobs/job-deps.js';
import { createPostingClient, createPostingClients, POST_METADATA_EVENT, POSTING_RETRY, SlackPoster } from '../../src/jobs/slack-poster.js';
import { remind } from '../../src/jobs/remind.js';
import { REPLICA_ID } from '../../src/ops/process-identity.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { silentLogger } from '../support/silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';
import { tempStores } from '../support/temp-stores.js';

// The crash window of a scheduled post, closed: whatever happened to an earlier try (its process
// died before or after Slack accepted the post, Slack did not answer in time), the period ends
// with exactly one message in the channel.

const BOT_TOKEN = 'xoxb-corridor-once';
const CHANNEL = 'C0CORRIDOR';
const NOW = new Date('2026-11-26T14:00:00Z'); // Thursday 09:00 in Toronto, week 2026-W48
const WEEK = '2026-W48';
/** A process of this host that is not running (pid far above any real one). */
const DEAD_HERE = `${hostname()}:4194000:dead01`;

const { open } = tempStores('once');
let slack: SlackApiEmulator;
let store: CorridorStore;

beforeEach(async () => {
  slack = await startSlackApiEmulator({ botToken: BOT_TOKEN });
  store = await open();
});

afterEach(async () => {
  await slack.close();
});

function deps(overrides: Partial<JobDeps> & { deadlineMs?: number } = {}): { jobDeps: JobDeps; warnings: string[] } {
  const warnings: string[] = [];
  const logger: JobLogger = { info: () => {}, warn: (line) => warnings.push(line), error: (line) => warnings.push(line) };
  const client = createPostingClient({
    token: BOT_TOKEN,
    slackApiUrl: slack.url,
    retryConfig: { ...POSTING_RETRY, retries: 0 },
    timeoutMs: overrides.deadlineMs ?? 10_000,
    logger: silentLogger(),
  });
  const jobDeps: JobDeps = {
    store,
    ledger: store.runs,
    poster: new SlackPoster(client, { logger, minIntervalMs: 0, ...(overrides.deadlineMs ? { deadlineMs: overrides.deadlineMs } : {}) }),
    clock: () => NOW,
    config: { CORRIDOR_CHANNEL: CHANNEL, CORRIDOR_CHANNEL_LANG: 'en', CORRIDOR_TZ: 'America/Toronto' },
    logger,
    ...overrides,
  };
  return { jobDeps, warnings };
}

/** Messages Slack accepted for this week's digest (whoever sent them). */
const digestPosts = () =>
  slack.callsTo('chat.postMessage').filter((call) => {
    const payload = (call.args.metadata as { event_payload?: { job?: string; period?: string } } | undefined)?.event_payload;
    return payload?.job === 'digest' && payload.period === WEEK;
  });

describe('a digest whose earlier run died', () => {
  it('takes over at once a claim whose holder on this host is gone, and posts once with its period as metadata', async () => {
    await store.runs.claim('digest', WEEK, { owner: DEAD_HERE, now: NOW, leaseMs: 60_000 });
    const { jobDeps, warnings } = deps();
    expect(await digest(jobDeps)).toMatchObject({ status: 'posted', period: WEEK });
    expect(warnings.some((line) => line.includes(`(${DEAD_HERE}) is gone; taking over`))).toBe(true);
    expect(digestPosts()).toHaveLength(1);
    expect(digestPosts()[0]!.args.metadata).toEqual({ event_type: POST_METADATA_EVENT, event_payload: { job: 'digest', period: WEEK } });
    expect(await store.runs.get('digest', WEEK)).toMatchObject({ state: 'done', attempts: 2, claimedBy: REPLICA_ID });
  });

  it('finds the post Slack accepted before the holder died, records it, and posts nothing more', async () => {
    await store.runs.claim('digest', WEEK, { owner: DEAD_HERE, now: NOW, leaseMs: 60_000 });
    // What the dead run got through: Slack has its message, the ledger never heard of it.
    const client = createPostingClient({ token: BOT_TOKEN, slackApiUrl: slack.url });
    const earlier = await client.chat.postMessage({
      channel: CHANNEL,
      text: 'Digest (earlier run)',
      metadata: { event_type: POST_METADATA_EVENT, event_payload: { job: 'digest', period: WEEK } },
    });
    const { jobDeps, warnings } = deps();
    expect(await digest(jobDeps)).toMatchObject({ status: 'posted', found: true, ts: earlier.ts });
    expect(digestPosts()).toHaveLength(1);
    expect(warnings.some((line) => line.includes('already in the channel'))).toBe(true);
    expect(await store.runs.get('digest', WEEK)).toMatchObject({ state: 'done', messageTs: earlier.ts });
    // The history was read with the metadata, which Slack only returns when asked.
    expect(slack.callsTo('conversations.history')[0]!.args).toMatchObject({ channel: CHANNEL, include_all_metadata: 'true' });
  });

  it('does not take for its own a message of another period or another job', async () => {
    await store.runs.claim('digest', WEEK, { owner: DEAD_HERE, now: NOW, leaseMs: 60_000 });
    const client = createPostingClient({ token: BOT_TOKEN, slackApiUrl: slack.url });
    for (const payload of [{ job: 'digest', period: '2026-W47' }, { job: 'remind', period: WEEK }]) {
      await client.chat.postMessage({ channel: CHANNEL, text: 'other', metadata: { event_type: POST_METADATA_EVENT, event_payload: payload } });
    }
    expect(await digest(deps().jobDeps)).toMatchObject({ status: 'posted' });
    expect(await digest(deps().jobDeps)).toMatchObject({ status: 'skipped', reason: 'already-done' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('leaves a claim renewed by a live replica elsewhere alone until its lease lapses', async () => {
    await store.runs.claim('digest', WEEK, { owner: 'elsewhere:1:abc123', now: NOW, leaseMs: 60_000 });
    expect(await digest(deps().jobDeps)).toMatchObject({ status: 'skipped', reason: 'in-progress', heldBy: 'elsewhere:1:abc123' });
    const later = new Date(NOW.getTime() + 61_000);
    expect(await digest(deps({ clock: () => later }).jobDeps)).toMatchObject({ status: 'posted' });
    expect(digestPosts()).toHaveLength(1);
  });
});

describe('a digest Slack does not answer in time', () => {
  it('fails within its deadline, leaves the period open, and the retry finds the late post instead of doubling it', async () => {
    // Slack takes the message but answers only after 5 s: the poster gives up after 1.5 s.
    slack.failNext('chat.postMessage', { delayMs: 5000 });
    const started = Date.now();
    const first = await digest(deps({ deadlineMs: 1500 }).jobDeps);
    expect(first).toMatchObject({ status: 'failed', error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(4500);
    expect(await store.runs.get('digest', WEEK)).toMatchObject({ state: 'failed' });
    const second = await digest(deps().jobDeps);
    expect(second).toMatchObject({ status: 'posted', found: true });
    expect(digestPosts()).toHaveLength(1);
  });

  it('does not post again when the channel history cannot be read (it might double the post)', async () => {
    await store.runs.claim('digest', WEEK, { owner: DEAD_HERE, now: NOW, leaseMs: 60_000 });
    slack.failNext('conversations.history', { httpStatus: 503 });
    expect(await digest(deps().jobDeps)).toMatchObject({ status: 'failed', error: 'http_503' });
    expect(digestPosts()).toHaveLength(0);
    expect(await digest(deps().jobDeps)).toMatchObject({ status: 'posted' });
    expect(digestPosts()).toHaveLength(1);
  });
});

/** This week's digests the channel holds, read back as a person scrolling it would find them. */
async function digestsInChannel(): Promise<number> {
  const history = await createPostingClient({ token: BOT_TOKEN, slackApiUrl: slack.url }).conversations.history({ channel: CHANNEL, include_all_metadata: true });
  return (history.messages ?? []).filter((message) => {
    const payload = message.metadata?.event_payload as { job?: string; period?: string } | undefined;
    return payload?.job === 'digest' && payload.period === WEEK;
  }).length;
}

describe('a post Slack accepted but answered too late', () => {
  /** The app's own clients and retries, with the call time-out cut from 10 s so the test does not wait Slack's 25 s. */
  function appDeps(): { jobDeps: JobDeps; warnings: string[] } {
    const { jobDeps, warnings } = deps();
    const clients = createPostingClients({ token: BOT_TOKEN, slackApiUrl: slack.url, timeoutMs: 300, logger: silentLogger() });
    return { jobDeps: { ...jobDeps, poster: new SlackPoster(clients, { logger: jobDeps.logger, minIntervalMs: 0 }) }, warnings };
  }

  it('leaves exactly one digest: the poster finds the message in the channel instead of sending it again', async () => {
    // Slack takes the message at once and answers 25 s later: the client has given up long before.
    slack.failNext('chat.postMessage', { delayMs: 25_000 });
    const result = await digest(appDeps().jobDeps);
    expect(digestPosts()).toHaveLength(1);
    expect(result).toMatchObject({ status: 'posted', period: WEEK });
    const history = slack.callsTo('conversations.history');
    expect(history).toHaveLength(1);
    expect(history[0]!.at).toBeGreaterThanOrEqual(slack.callsTo('chat.postMessage')[0]!.at);
    expect(await store.runs.get('digest', WEEK)).toMatchObject({ state: 'done', messageTs: (result as { ts: string }).ts });
    expect(await digestsInChannel()).toBe(1);
  });

  it('posts again, once, when the channel shows the message never arrived', async () => {
    // A 503 from a proxy in front of Slack: nothing was posted.
    slack.failNext('chat.postMessage', { httpStatus: 503 });
    expect(await digest(appDeps().jobDeps)).toMatchObject({ status: 'posted' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(slack.callsTo('conversations.history')).toHaveLength(1);
    expect(await digestsInChannel()).toBe(1);
  });

  it('does not send again when the channel cannot be read to tell', async () => {
    slack.failNext('chat.postMessage', { delayMs: 25_000 });
    slack.failNext('conversations.history', { error: 'missing_scope' });
    expect(await digest(appDeps().jobDeps)).toMatchObject({ status: 'failed' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('leaves exactly one reply in the reminder’s thread when Slack answers the reply late', async () => {
    slack.failNext('chat.postMessage', {}); // the summary line, answered at once
    slack.failNext('chat.postMessage', { delayMs: 25_000 }); // its details, in the thread
    expect(await remind(appDeps().jobDeps)).toMatchObject({ status: 'posted' });
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.args.thread_ts).toEqual(expect.any(String));
    expect(slack.callsTo('conversations.replies')).toHaveLength(1);
    expect(slack.callsTo('conversations.history')).toHaveLength(0);
  });
});

describe('shutdown', () => {
  it('hands back the claims it holds, so the period is open for another replica at once', async () => {
    slack.failNext('chat.postMessage', { delayMs: 3000 });
    const running = digest(deps({ deadlineMs: 10_000 }).jobDeps);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.runs.get('digest', WEEK)).toMatchObject({ state: 'claimed' });
    expect(await releaseHeldClaims('stopping', NOW)).toBe(1);
    expect(await store.runs.get('digest', WEEK)).toMatchObject({ state: 'failed', error: 'stopping' });
    // The holder's own completion is refused: the claim is no longer its own.
    expect(await running).toMatchObject({ status: 'posted' });
    expect(await digest(deps({ owner: 'elsewhere:2:abc' }).jobDeps)).toMatchObject({ status: 'posted', found: true });
    expect(digestPosts()).toHaveLength(1);
  });
});
