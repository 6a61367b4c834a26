import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/env.js';
import { localIsoDate, wallClockTime } from '../../src/domain/dates.js';
import { periodKey } from '../../src/domain/periods.js';
import { startScheduler, type Scheduler, type Trigger } from '../../src/jobs/scheduler.js';
import type { JobLogger } from '../../src/jobs/job-logger.js';
import type { JobDeps } from '../../src/jobs/job-deps.js';
import { postMonthlyReport } from '../../src/jobs/report-post.js';
import { createPostingClient, createPostingClients, POST_METADATA_EVENT, POSTING_RETRY, SlackPoster } from '../../src/jobs/slack-poster.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { silentLogger } from '../support/silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';
import { tempStores } from '../support/temp-stores.js';

// The monthly report in the channel: its summary, its PDF in the thread, exactly once per month,
// whatever replicas, restarts and slow answers from Slack do.

const BOT_TOKEN = 'xoxb-corridor-report';
const CHANNEL = 'C0CORRIDOR';
/** Tuesday 1 December 2026, 09:00 in Toronto: the first working day of the month; it reports November. */
const NOW = new Date('2026-12-01T14:00:00Z');
const MONTH = '2026-11';
const TZ = 'America/Toronto';
const DAY = 86_400_000;
const PDF_NAME = 'corridor-report-2026-11.pdf';
/** A process of this host that is not running (pid far above any real one). */
const DEAD_HERE = `${hostname()}:4194000:dead01`;

let slack: SlackApiEmulator;

beforeEach(async () => {
  slack = await startSlackApiEmulator({ botToken: BOT_TOKEN });
});

afterEach(async () => {
  await slack.close();
});

interface DepsOptions {
  owner?: string;
  clock?: () => Date;
  /** The poster's clients: the app's own by default, with a short call time-out. */
  timeoutMs?: number;
  audience?: 'public' | 'internal';
}

function deps(store: CorridorStore, { owner, clock = () => NOW, timeoutMs = 10_000, audience }: DepsOptions = {}): { jobDeps: JobDeps; warnings: string[] } {
  const warnings: string[] = [];
  const logger: JobLogger = { info: () => {}, warn: (line) => warnings.push(line), error: (line) => warnings.push(line) };
  const clients = createPostingClients({ token: BOT_TOKEN, slackApiUrl: slack.url, timeoutMs, retryConfig: { ...POSTING_RETRY, minTimeout: 50, maxTimeout: 100 }, logger: silentLogger() });
  const jobDeps: JobDeps = {
    store,
    ledger: store.runs,
    poster: new SlackPoster(clients, { logger, minIntervalMs: 0 }),
    clock,
    config: { CORRIDOR_CHANNEL: CHANNEL, CORRIDOR_CHANNEL_LANG: 'both', CORRIDOR_TZ: 'America/Toronto', ...(audience ? { REPORT_AUDIENCE: audience } : {}) },
    logger,
    ...(owner ? { owner } : {}),
  };
  return { jobDeps, warnings };
}

/** The summaries Slack accepted for the month (whoever sent them). */
const summaries = () =>
  slack.callsTo('chat.postMessage').filter((call) => {
    const payload = (call.args.metadata as { event_payload?: { job?: string; period?: string } } | undefined)?.event_payload;
    return payload?.job === 'report' && payload.period === MONTH;
  });

/** The files shared in the channel (in threads included). */
const pdfs = () => slack.filesSharedIn(CHANNEL).filter((file) => file.filename === PDF_NAME);

/** Exactly one summary, and one PDF in its thread: what the channel must hold once the month is done. */
function expectPostedOnce(): void {
  expect(summaries()).toHaveLength(1);
  const [summary] = summaries();
  expect(pdfs()).toHaveLength(1);
  expect(pdfs()[0]!.bytes!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfs()[0]!.threadTs).toBeDefined();
  const parent = slack.callsTo('files.completeUploadExternal').at(-1)!.args.thread_ts;
  expect(summary).toBeDefined();
  expect(parent).toBe(pdfs()[0]!.threadTs);
}

describe('the monthly report on two replicas of one PostgreSQL database', () => {
  const { open, databaseUrl } = tempStores('report-post', 'postgres');

  it('goes out once for its month, the PDF in its thread, and not again after a restart', async () => {
    const url = await databaseUrl();
    const [a, b] = [await open(url), await open(url)];
    const results = await Promise.all([
      postMonthlyReport(deps(a, { owner: 'replica-a:101:aaaaaa' }).jobDeps),
      postMonthlyReport(deps(b, { owner: 'replica-b:202:bbbbbb' }).jobDeps),
    ]);
    expect(results.filter((result) => result.status === 'posted')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'skipped')).toEqual([expect.objectContaining({ period: MONTH })]);
    expectPostedOnce();
    expect(await a.runs.get('report', MONTH)).toMatchObject({ state: 'done' });

    // Both replicas fire again later that day, and the next; a replica restarts on the same database.
    const later = () => new Date(NOW.getTime() + 26 * 3600_000);
    expect(await postMonthlyReport(deps(a, { clock: later }).jobDeps)).toMatchObject({ status: 'skipped', reason: 'already-done', period: MONTH });
    await b.close();
    const restarted = await open(url);
    expect(await postMonthlyReport(deps(restarted, { owner: 'replica-b:303:cccccc' }).jobDeps)).toMatchObject({ status: 'skipped', reason: 'already-done' });
    expectPostedOnce();

    // January reports December, once.
    const january = () => new Date('2027-01-04T14:00:00Z');
    expect(await postMonthlyReport(deps(restarted, { clock: january }).jobDeps)).toMatchObject({ status: 'posted', period: '2026-12' });
    expect(slack.filesSharedIn(CHANNEL).map((file) => file.filename)).toEqual([PDF_NAME, 'corridor-report-2026-12.pdf']);
  });
});

describe('the monthly report', () => {
  const { open } = tempStores('report-post-sqlite');
  let store: CorridorStore;

  beforeEach(async () => {
    store = await open();
  });

  it('posts the summary in French then English within Block Kit’s limits, and the PDF with a comment in its thread', async () => {
    expect(await postMonthlyReport(deps(store).jobDeps)).toMatchObject({ status: 'posted', period: MONTH, channel: CHANNEL });
    const [summary] = summaries();
    expect(blockKitViolations(summary!.args.blocks, 'message')).toEqual([]);
    const text = String(summary!.args.text);
    expect(text).toContain('Rapport du corridor — novembre 2026');
    expect(text).toContain('Corridor report — November 2026');
    expect(JSON.stringify(summary!.args.blocks)).toContain('Internal edition');
    expect(pdfs()[0]!.initialComment).toBe('Le rapport de novembre 2026 en PDF.\nThe report for November 2026, as a PDF.');
    const { messageTs } = (await store.runs.get('report', MONTH))!;
    expect(slack.callsTo('files.completeUploadExternal')[0]!.args).toMatchObject({ channel_id: CHANNEL, thread_ts: messageTs });
  });

  it('is the public edition in a channel shared with other organisations, unless REPORT_AUDIENCE says otherwise', async () => {
    slack.setSharedChannel(CHANNEL);
    await postMonthlyReport(deps(store).jobDeps);
    const blocks = JSON.stringify(summaries()[0]!.args.blocks);
    expect(blocks).toContain('Public edition');
    expect(blocks).toContain('Édition publique');
    expect(blocks).not.toContain('Internal edition');
    slack.reset();
    await postMonthlyReport(deps(store, { audience: 'internal', clock: () => new Date('2027-01-04T14:00:00Z') }).jobDeps);
    const [january] = slack.callsTo('chat.postMessage');
    expect(JSON.stringify(january!.args.blocks)).toContain('Internal edition');
  });

  it('finds the PDF an upload Slack answered too late had shared, instead of sharing it twice', async () => {
    // Slack shares the file at once and answers 5 s later: the client has given up after 300 ms.
    slack.failNext('files.completeUploadExternal', { delayMs: 5000 });
    expect(await postMonthlyReport(deps(store, { timeoutMs: 300 }).jobDeps)).toMatchObject({ status: 'posted' });
    expect(slack.callsTo('conversations.replies').length).toBeGreaterThanOrEqual(1);
    expectPostedOnce();
  });

  it('shares the PDF again, once, when the thread shows the upload never arrived', async () => {
    slack.failNext('file_upload', { httpStatus: 503 });
    expect(await postMonthlyReport(deps(store).jobDeps)).toMatchObject({ status: 'posted' });
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(2);
    expectPostedOnce();
  });

  it('after a run that died between the summary and its PDF, shares only the PDF', async () => {
    await store.runs.claim('report', MONTH, { owner: DEAD_HERE, now: NOW, leaseMs: 60_000 });
    const client = createPostingClient({ token: BOT_TOKEN, slackApiUrl: slack.url });
    await client.chat.postMessage({ channel: CHANNEL, text: 'Report (earlier run)', metadata: { event_type: POST_METADATA_EVENT, event_payload: { job: 'report', period: MONTH } } });
    const { jobDeps, warnings } = deps(store);
    expect(await postMonthlyReport(jobDeps)).toMatchObject({ status: 'posted', found: true });
    expect(warnings.some((line) => line.includes('already in the channel'))).toBe(true);
    expectPostedOnce();
  });

  it('after a run that died once both were out, records the month and shares nothing more', async () => {
    await store.runs.claim('report', MONTH, { owner: DEAD_HERE, now: NOW, leaseMs: 60_000 });
    // What the dead run got through: the summary and its PDF; the ledger never heard of them.
    const client = createPostingClient({ token: BOT_TOKEN, slackApiUrl: slack.url });
    const earlier = await client.chat.postMessage({ channel: CHANNEL, text: 'Report (earlier run)', metadata: { event_type: POST_METADATA_EVENT, event_payload: { job: 'report', period: MONTH } } });
    await client.files.uploadV2({ channel_id: CHANNEL, thread_ts: earlier.ts!, file: Buffer.from('%PDF-1.7 earlier'), filename: PDF_NAME });
    slack.reset();
    expect(await postMonthlyReport(deps(store).jobDeps)).toMatchObject({ status: 'posted', found: true, ts: earlier.ts });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(await store.runs.get('report', MONTH)).toMatchObject({ state: 'done', messageTs: earlier.ts });
  });

  it('fails without a double when the thread cannot be read to tell, and the period stays open', async () => {
    slack.failNext('files.completeUploadExternal', { delayMs: 5000 });
    slack.failNext('conversations.replies', { httpStatus: 503 });
    slack.failNext('conversations.replies', { httpStatus: 503 });
    slack.failNext('conversations.replies', { httpStatus: 503 });
    expect(await postMonthlyReport(deps(store, { timeoutMs: 300 }).jobDeps)).toMatchObject({ status: 'failed' });
    expect(await store.runs.get('report', MONTH)).toMatchObject({ state: 'failed' });
    expect(pdfs()).toHaveLength(1);
    // The next try finds the summary and the PDF, and records the month.
    expect(await postMonthlyReport(deps(store).jobDeps)).toMatchObject({ status: 'posted', found: true });
    expectPostedOnce();
  });

  it('says what to do when the token lacks files:write, and leaves the month open', async () => {
    slack.failNext('files.getUploadURLExternal', { error: 'missing_scope' });
    const { jobDeps, warnings } = deps(store);
    expect(await postMonthlyReport(jobDeps)).toMatchObject({ status: 'failed', error: 'missing_scope', hint: expect.stringContaining('files:write') });
    expect(warnings.some((line) => line.includes('files:write'))).toBe(true);
    expect(await postMonthlyReport(deps(store).jobDeps)).toMatchObject({ status: 'posted', found: true });
    expectPostedOnce();
  });
});

describe('on REPORT_CRON', () => {
  const { open } = tempStores('report-cron');
  const schedulers: Scheduler[] = [];

  afterEach(async () => {
    for (const scheduler of schedulers.splice(0)) await scheduler.stop();
    vi.useRealTimers();
  });

  /** The default schedule with Québec's holidays, started at `iso`: when it fires, in Toronto time, and which month it reports. */
  async function startAt(iso: string): Promise<string[]> {
    const { runs } = await open();
    vi.useFakeTimers({ now: new Date(iso), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const fired: string[] = [];
    const job = {
      job: 'report' as const,
      cron: parseConfig({}).REPORT_CRON,
      source: 'REPORT_CRON',
      run: async (trigger: Trigger, period?: string) => {
        const now = new Date();
        fired.push(`${trigger} ${localIsoDate(now, TZ)} ${wallClockTime(now, TZ).slice(0, 5)} reports ${period ?? periodKey('report', now, TZ)}`);
      },
    };
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    schedulers.push(startScheduler({ timeZone: TZ, logger: quiet, jobs: [job], holidays: { regions: parseConfig({}).CORRIDOR_HOLIDAYS, ledger: runs } }));
    return fired;
  }

  it('fires on the first weekday of the month at 09:00, and holds New Year’s Day over to the next working day', async () => {
    const fired = await startAt('2026-11-30T14:00:00Z'); // Monday 30 November, 09:00
    await vi.advanceTimersByTimeAsync(70 * DAY);
    expect(fired).toEqual([
      // Started on the month's last day: its own post, due on the 2nd, is caught up (the job posts a month once).
      'catch-up 2026-11-30 09:00 reports 2026-10',
      'schedule 2026-12-01 09:00 reports 2026-11',
      // 1 January 2027, a Friday, is a holiday: held to Monday the 4th.
      'held 2027-01-04 09:00 reports 2026-12',
      'schedule 2027-02-01 09:00 reports 2027-01',
    ]);
  });

  it('catches up a month whose post is missed at start, in working hours only', async () => {
    const thursday = await startAt('2026-12-03T15:00:00Z'); // Thursday 3 December, 10:00
    await vi.advanceTimersByTimeAsync(1000);
    expect(thursday).toEqual(['catch-up 2026-12-03 10:00 reports 2026-11']);
    for (const scheduler of schedulers.splice(0)) await scheduler.stop();
    vi.useRealTimers();
    const saturday = await startAt('2026-12-05T15:00:00Z'); // Saturday: the catch-up waits for Monday's 09:00
    await vi.advanceTimersByTimeAsync(3 * DAY);
    expect(saturday).toEqual(['catch-up 2026-12-07 09:00 reports 2026-11']);
  });
});
