import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markSigned } from '../../src/domain/adhesion.js';
import { draftOf } from '../../src/domain/draft.js';
import { digest } from '../../src/jobs/digest.js';
import type { JobLogger } from '../../src/jobs/job-logger.js';
import { remind } from '../../src/jobs/remind.js';
import type { JobDeps } from '../../src/jobs/job-deps.js';
import { createPostingClient, createPostingClients, POSTING_RETRY, SlackPoster } from '../../src/jobs/slack-poster.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { SqliteCorridorStore } from '../../src/store/sqlite/sqlite-corridor-store.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { silentLogger } from '../support/silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

// The jobs against the Slack Web API emulator, through the real WebClient: what Slack answers
// (rate limits, missing channel, bad token, HTTP 500) and what ends up in the run ledger.

const BOT_TOKEN = 'xoxb-corridor-jobs';
const CHANNEL = 'C0CORRIDOR';
const THURSDAY = new Date('2026-11-26T15:00:00Z'); // 10:00 in Toronto

let slack: SlackApiEmulator;
let store: SqliteCorridorStore;

beforeEach(async () => {
  slack = await startSlackApiEmulator({ botToken: BOT_TOKEN });
  store = await openSqliteStore('sqlite::memory:');
});

afterEach(async () => {
  await slack.close();
  await store.close();
});

interface Logged {
  level: 'info' | 'warn' | 'error';
  message: string;
}

function deps(overrides: { token?: string; now?: Date; minIntervalMs?: number; notionUrlFor?: JobDeps['notionUrlFor'] } = {}) {
  const logged: Logged[] = [];
  const logger: JobLogger = {
    info: (message) => logged.push({ level: 'info', message }),
    warn: (message) => logged.push({ level: 'warn', message }),
    error: (message) => logged.push({ level: 'error', message }),
  };
  const client = createPostingClients({
    token: overrides.token ?? BOT_TOKEN,
    slackApiUrl: slack.url,
    // Production's retry count, with short back-offs: Retry-After is still honoured in full.
    retryConfig: { ...POSTING_RETRY, minTimeout: 10, maxTimeout: 20 },
    logger: silentLogger(),
  });
  const jobDeps: JobDeps = {
    store,
    ledger: store.runs,
    poster: new SlackPoster(client, { logger, minIntervalMs: overrides.minIntervalMs ?? 0 }),
    clock: () => overrides.now ?? THURSDAY,
    config: { CORRIDOR_CHANNEL: CHANNEL, CORRIDOR_CHANNEL_LANG: 'both', CORRIDOR_TZ: 'America/Toronto' },
    logger,
    notionUrlFor: overrides.notionUrlFor,
  };
  return { jobDeps, logged };
}

function postedText(index = 0): string {
  const call = slack.callsTo('chat.postMessage')[index];
  expect(call).toBeDefined();
  return renderBlocksAsText(call!.args.blocks as never);
}

describe('reminder', () => {
  it('posts the pending adhesions once a day, with their ages, to CORRIDOR_CHANNEL', async () => {
    const { jobDeps } = deps();
    expect(await remind(jobDeps)).toMatchObject({ status: 'posted', period: '2026-11-26', channel: CHANNEL });
    expect(await remind(jobDeps)).toMatchObject({ status: 'skipped', reason: 'already-done' });
    const calls = slack.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args.channel).toBe(CHANNEL);
    expect(blockKitViolations(calls[0]!.args.blocks, 'message')).toEqual([]);
    const text = postedText();
    for (const name of ['Venture Lab', 'CMC Microsystems', 'State of New Hampshire']) expect(text).toContain(`${name} — intention declared for 1 year, 7 months`);
    expect(text).toContain('Venture Lab — intention déclarée depuis 1 an et 7 mois');
    expect(await store.runs.get('remind', '2026-11-26')).toMatchObject({ state: 'done', channel: CHANNEL, messageTs: expect.any(String) });
    // The next day is another period.
    const friday = deps({ now: new Date('2026-11-27T15:00:00Z') });
    expect(await remind(friday.jobDeps)).toMatchObject({ status: 'posted', period: '2026-11-27' });
  });

  it('posts nothing when nothing is pending, and leaves snoozed partners out', async () => {
    await store.snoozes.snooze({ partnerId: 'venture-lab', until: '2026-12-03', snoozedBy: 'U0ADMIN', snoozedAt: THURSDAY.toISOString() });
    const { jobDeps } = deps();
    await remind(jobDeps);
    expect(postedText()).not.toContain('Venture Lab');
    expect(postedText(1)).not.toContain('Venture Lab');
    for (const partner of (await store.partners.list()).filter((p) => p.status === 'pending')) {
      await store.partners.save(markSigned(partner, '2026-11-20'), { actor: 'U0ADMIN' });
    }
    const friday = deps({ now: new Date('2026-11-27T15:00:00Z') });
    expect(await remind(friday.jobDeps)).toMatchObject({ status: 'skipped', reason: 'nothing-to-post' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(await store.runs.get('remind', '2026-11-27')).toMatchObject({ state: 'skipped' });
  });

  it('links a partner to its Notion page once the sync knows it', async () => {
    const { jobDeps } = deps({ notionUrlFor: async (id) => (id === 'cmc-microsystems' ? 'https://www.notion.so/CMC-0123' : undefined) });
    await remind(jobDeps);
    const buttons = (slack.callsTo('chat.postMessage')[1]!.args.blocks as { type: string; elements?: { url?: string; value?: string }[] }[])
      .flatMap((block) => block.elements ?? [])
      .filter((element) => element.url);
    expect(buttons).toEqual([expect.objectContaining({ url: 'https://www.notion.so/CMC-0123', value: 'cmc-microsystems' })]);
  });
});

describe('reminder posts people do not mute', () => {
  const owned = async (partnerId: string, userId: string) => {
    const partner = (await store.partners.get(partnerId))!;
    await store.partners.save({ ...draftOf(partner), followUpUserId: userId }, { actor: 'U0ADMIN' });
  };

  it('posts one line per adhesion in the channel and the details with their buttons in a reply in its thread', async () => {
    const { jobDeps } = deps();
    const result = await remind(jobDeps);
    expect(result).toMatchObject({ status: 'posted' });
    const [summary, details] = slack.callsTo('chat.postMessage');
    expect(summary!.args.thread_ts).toBeUndefined();
    const lines = postedText(0).split('\n').filter((line) => line.startsWith('• '));
    expect(lines).toHaveLength(6); // three adhesions, in French then English
    expect(JSON.stringify(summary!.args.blocks)).not.toContain('"type":"actions"');
    expect(details!.args).toMatchObject({ channel: CHANNEL, thread_ts: (result as { ts: string }).ts });
    expect(details!.args.metadata).toMatchObject({ event_type: 'corridor_scheduled_post', event_payload: { job: 'remind', period: '2026-11-26', part: 'details' } });
    expect(postedText(1)).toContain('[Marquer comme signée / Mark as signed] [Reporter d’une semaine / Snooze 1 week]');
  });

  it('flags the seed’s next step, without a due date 19 months on, as overdue', async () => {
    await remind(deps().jobDeps);
    expect(postedText(0)).toContain('Venture Lab — intention declared for 1 year, 7 months · :warning: next step overdue');
    expect(postedText(1)).toContain(':warning: Next step overdue: still no due date after 8 weeks');
  });

  it('mentions a follow-up owner once a week per adhesion, whichever run posts', async () => {
    await owned('venture-lab', 'U0OWNER');
    await remind(deps().jobDeps);
    expect(JSON.stringify(slack.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('<@U0OWNER>');
    // Friday, same ISO week: named without a ping, in the channel and in the thread.
    slack.reset();
    await remind(deps({ now: new Date('2026-11-27T15:00:00Z') }).jobDeps);
    const friday = slack.callsTo('chat.postMessage').map((call) => JSON.stringify(call.args.blocks));
    expect(friday).toHaveLength(2);
    expect(friday.join('')).not.toContain('<@U0OWNER>');
    expect(postedText(0)).toContain('Venture Lab — intention declared for 1 year, 7 months · :warning: next step overdue · follow-up owner already reminded this week');
    // The next week: mentioned again.
    slack.reset();
    await remind(deps({ now: new Date('2026-12-01T15:00:00Z') }).jobDeps);
    expect(JSON.stringify(slack.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('<@U0OWNER>');
  });

  it('posts the thread reply once when a retry finds the message an earlier try posted', async () => {
    slack.failNext('chat.postMessage', {}); // the message goes through…
    slack.failNext('chat.postMessage', { error: 'internal_error' }); // …its thread reply does not
    const { jobDeps } = deps();
    expect(await remind(jobDeps)).toMatchObject({ status: 'failed', error: 'internal_error' });
    expect(await store.runs.get('remind', '2026-11-26')).toMatchObject({ state: 'failed' });
    const retried = await remind(jobDeps);
    expect(retried).toMatchObject({ status: 'posted', found: true });
    const posts = slack.callsTo('chat.postMessage');
    expect(posts.map((call) => Boolean(call.args.thread_ts))).toEqual([false, true, true]);
    expect(slack.callsTo('conversations.replies')).toHaveLength(1);
    // A third run has nothing left to do.
    expect(await remind(jobDeps)).toMatchObject({ status: 'skipped', reason: 'already-done' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
  });
});

describe('digest', () => {
  it('posts once per ISO week, in French then English, and reports what changed since the previous one', async () => {
    const { jobDeps } = deps();
    expect(await digest(jobDeps)).toMatchObject({ status: 'posted', period: '2026-W48' });
    expect(await digest(deps({ now: new Date('2026-11-29T20:00:00Z') }).jobDeps)).toMatchObject({ status: 'skipped', reason: 'already-done' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    const first = postedText(0);
    expect(first.indexOf('RÉSUMÉ DU CORRIDOR')).toBeLessThan(first.indexOf('CORRIDOR DIGEST'));
    expect(first).toContain('Nothing new in the records.');

    const venture = (await store.partners.get('venture-lab'))!;
    await store.partners.save(markSigned(venture, '2026-11-27'), { actor: 'U0ADMIN', now: new Date('2026-11-27T15:00:00Z') });
    const nextMonday = new Date('2026-11-30T14:00:00Z');
    expect(await digest(deps({ now: nextMonday }).jobDeps)).toMatchObject({ status: 'posted', period: '2026-W49' });
    const second = postedText(1);
    expect(second).toContain('Since the last digest (November 26, 2026)');
    expect(second).toContain('Adhesions signed: Venture Lab');
    expect(second).toContain('Adhésions signées\u00a0: Venture Lab');
    expect(second).toContain('Pending adhesions (2)');
  });
});

describe('Slack errors', () => {
  it('waits out a rate limit (Retry-After) and posts once the wait is over', async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 1 });
    const { jobDeps, logged } = deps();
    expect(await digest(jobDeps)).toMatchObject({ status: 'posted' });
    const calls = slack.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
    expect(logged).toContainEqual({ level: 'warn', message: expect.stringContaining('waiting 1 s (Retry-After)') });
    expect(await store.runs.get('digest', '2026-W48')).toMatchObject({ state: 'done' });
  });

  it('says to invite the bot on not_in_channel, records the run as failed, and posts on the next try', async () => {
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const { jobDeps, logged } = deps();
    expect(await remind(jobDeps)).toMatchObject({ status: 'failed', error: 'not_in_channel' });
    const errors = logged.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^reminder 2026-11-26 not posted \(not_in_channel\): .*invite it \(type \/invite @corridor in that channel\)/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1); // not retried: a person must act
    expect(await store.runs.get('remind', '2026-11-26')).toMatchObject({ state: 'failed', error: expect.stringContaining('not_in_channel') });
    expect(await remind(jobDeps)).toMatchObject({ status: 'posted' });
    expect(await store.runs.get('remind', '2026-11-26')).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('says to fix the channel ID on channel_not_found', async () => {
    slack.setMissingChannel(CHANNEL);
    const { jobDeps, logged } = deps();
    expect(await digest(jobDeps)).toMatchObject({ status: 'failed', error: 'channel_not_found' });
    expect(logged.filter((line) => line.level === 'error')).toEqual([
      { level: 'error', message: expect.stringContaining(`CORRIDOR_CHANNEL=${CHANNEL} is not a channel the bot can see: fix the channel ID`) },
    ]);
    expect(await store.runs.get('digest', '2026-W48')).toMatchObject({ state: 'failed' });
  });

  it('says to fix SLACK_BOT_TOKEN on invalid_auth', async () => {
    const { jobDeps, logged } = deps({ token: 'xoxb-revoked' });
    expect(await remind(jobDeps)).toMatchObject({ status: 'failed', error: 'invalid_auth' });
    expect(logged.filter((line) => line.level === 'error')).toEqual([
      { level: 'error', message: expect.stringContaining('Slack rejects SLACK_BOT_TOKEN') },
    ]);
    expect(await store.runs.get('remind', '2026-11-26')).toMatchObject({ state: 'failed' });
  });

  it('retries an HTTP 500, and records a failure when Slack keeps answering 500', async () => {
    slack.failNext('chat.postMessage', { httpStatus: 500 });
    expect(await remind(deps().jobDeps)).toMatchObject({ status: 'posted' });
    // The refused call, its retry once the channel showed it missing, then the thread reply.
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(slack.callsTo('conversations.history')).toHaveLength(1);

    slack.reset();
    for (let i = 0; i <= POSTING_RETRY.retries!; i++) slack.failNext('chat.postMessage', { httpStatus: 500 });
    const { jobDeps, logged } = deps();
    expect(await digest(jobDeps)).toMatchObject({ status: 'failed', error: 'http_500' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(POSTING_RETRY.retries! + 1);
    expect(logged.filter((line) => line.level === 'error')).toHaveLength(1);
    expect(await store.runs.get('digest', '2026-W48')).toMatchObject({ state: 'failed', error: expect.stringContaining('http_500') });
  });
});

describe('pacing', () => {
  it('keeps about a second between two posts to the same channel, not across channels', async () => {
    let now = 1_000_000;
    const sleeps: number[] = [];
    const client = createPostingClient({ token: BOT_TOKEN, slackApiUrl: slack.url, logger: silentLogger() });
    const poster = new SlackPoster(client, {
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    const message = (channel: string, text: string) => ({ channel, text, blocks: [] });
    const results = await Promise.all([
      poster.post(message('C0ONE', 'first')),
      poster.post(message('C0ONE', 'second')),
      poster.post(message('C0TWO', 'elsewhere')),
      poster.post(message('C0ONE', 'third')),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(sleeps).toEqual([1000, 1000]);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0ONE').map((c) => c.args.text)).toEqual(['first', 'second', 'third']);
  });
});
