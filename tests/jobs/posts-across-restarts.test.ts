import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/env.js';
import type { JobLogger } from '../../src/jobs/job-logger.js';
import { scheduleCorridorJobs } from '../../src/jobs/schedule-jobs.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { createPostingClients, POSTING_RETRY, SlackPoster } from '../../src/jobs/slack-poster.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { silentLogger } from '../support/silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';
import { tempStores, type StoreKind } from '../support/temp-stores.js';

// Posts held over a public holiday, through the running schedule (node-cron driven by vitest's
// fake clock, as in scheduler-holidays.test.ts), the real jobs and the real WebClient against the
// Slack API emulator: the post is recorded in the run ledger, so a restart — or another replica —
// sends it on the next working day, once.

const BOT_TOKEN = 'xoxb-corridor-held';
const CHANNEL = 'C0CORRIDOR';
const HOUR = 3_600_000;
const LABOUR_DAY_8AM = '2026-09-07T12:00:00Z'; // Monday 7 September 2026, 08:00 in Toronto; the digest is due at 09:00
const TUESDAY_8AM = '2026-09-08T12:00:00Z';
const TUESDAY_9AM = new Date('2026-09-08T13:00:00Z');
const FRIDAYS = '0 9 * * 5';
const MONDAYS = '0 10 * * 1';

const quiet: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };

let slack: SlackApiEmulator;
const schedulers: Scheduler[] = [];

beforeEach(async () => {
  slack = await startSlackApiEmulator({ botToken: BOT_TOKEN });
});

afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
  vi.useRealTimers();
  await slack.close();
});

function useClock(iso: string): void {
  vi.useFakeTimers({ now: new Date(iso), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/**
 * The app's scheduled jobs on a store, posting through the real WebClient to the emulator: the
 * digest on its default schedule (Mondays 09:00, CORRIDOR_HOLIDAYS CA-QC); the other posts moved to
 * New Year's Day, out of the way.
 */
async function startApp(store: CorridorStore, crons: { DIGEST_CRON?: string; REMINDER_CRON?: string } = {}): Promise<Scheduler> {
  const elsewhere = '0 9 1 1 *';
  const config = parseConfig({
    CORRIDOR_CHANNEL: CHANNEL,
    CORRIDOR_CHANNEL_LANG: 'en',
    REMINDER_CRON: elsewhere,
    EVENT_REMINDER_CRON: elsewhere,
    NUDGE_CRON: elsewhere,
    ...crons,
  });
  expect(config.DIGEST_CRON).toBe(crons.DIGEST_CRON ?? '0 9 * * 1');
  const clients = createPostingClients({
    token: BOT_TOKEN,
    slackApiUrl: slack.url,
    retryConfig: { ...POSTING_RETRY, minTimeout: 10, maxTimeout: 20 },
    logger: silentLogger(),
  });
  const poster = new SlackPoster(clients, { logger: quiet, minIntervalMs: 0 });
  const scheduler = scheduleCorridorJobs({ config, store, logger: quiet, poster });
  schedulers.push(scheduler);
  await scheduler.caughtUp;
  return scheduler;
}

/** The channel messages of a job Slack received (thread replies left out), by the period their metadata names. */
function postedPeriods(job: 'digest' | 'remind'): string[] {
  return slack
    .callsTo('chat.postMessage')
    .filter((call) => call.args.thread_ts === undefined)
    .map((call) => call.args.metadata as { event_payload?: { job?: string; period?: string } } | undefined)
    .filter((metadata) => metadata?.event_payload?.job === job)
    .map((metadata) => metadata!.event_payload!.period!);
}

const digestsPosted = () => postedPeriods('digest');

/**
 * Real I/O (the database, the emulator) finishes outside the fake clock: look again until it has.
 * The clock is only ever moved just past a firing, so that no time-out of a connection under way
 * runs out in fake time; the stores are opened before the clock is faked.
 */
async function eventually(check: () => void | Promise<void>): Promise<void> {
  await vi.waitFor(check, { timeout: 5000, interval: 20 });
}

async function stop(scheduler: Scheduler): Promise<void> {
  schedulers.splice(schedulers.indexOf(scheduler), 1);
  await scheduler.stop();
}

describe.each<StoreKind>(['sqlite', 'postgres'])('a digest held over Labour Day (%s)', (kind) => {
  const stores = tempStores('held', kind);

  /**
   * Two stores on one database (a process before and after its restart, or two replicas), the
   * first running the app from `at` (an hour before the holiday's digest) until just past 09:00.
   */
  async function firingOnHoliday(at: string, DIGEST_CRON?: string) {
    const url = await stores.databaseUrl();
    const first = await stores.open(url);
    const second = await stores.open(url);
    useClock(at);
    const running = await startApp(first, { DIGEST_CRON });
    await vi.advanceTimersByTimeAsync(HOUR + 1000);
    return { first, second, running };
  }

  it('survives a restart while it waits, and goes out once on Tuesday at 09:00', async () => {
    const { first: beforeRestart, second: store, running: first } = await firingOnHoliday(LABOUR_DAY_8AM); // held, not posted
    await eventually(async () => {
      expect(await store.runs.heldPosts(new Date(LABOUR_DAY_8AM))).toMatchObject([{ job: 'digest', period: '2026-W37', dueAt: TUESDAY_9AM }]);
    });
    expect(digestsPosted()).toEqual([]);

    // The app restarts that evening: nothing of the held post is left in its memory.
    await stop(first);
    await beforeRestart.close();
    vi.setSystemTime(new Date('2026-09-07T22:00:00Z'));
    await startApp(store);
    await vi.advanceTimersByTimeAsync(14 * HOUR); // to Tuesday 08:00: still waiting
    expect(digestsPosted()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 * HOUR + 1000); // 09:00
    await eventually(() => expect(digestsPosted()).toEqual(['2026-W37']));
    // Recorded once Slack has answered.
    await eventually(async () => expect(await store.runs.get('digest', '2026-W37')).toMatchObject({ state: 'done', attempts: 1 }));
    expect(await store.runs.heldPosts(new Date(LABOUR_DAY_8AM))).toEqual([]);

    await vi.advanceTimersByTimeAsync(2 * 24 * HOUR); // the rest of the week: no second digest
    expect(digestsPosted()).toEqual(['2026-W37']);
  });

  it('is sent by another replica when the one that held it is gone, and only once when it comes back', async () => {
    const { first: replicaA, second: replicaB, running: a } = await firingOnHoliday(LABOUR_DAY_8AM);
    await eventually(async () => expect(await replicaB.runs.heldPosts(new Date(LABOUR_DAY_8AM))).toHaveLength(1));
    await stop(a); // replica A is gone before Tuesday

    vi.setSystemTime(new Date(TUESDAY_8AM));
    await startApp(replicaB); // B never saw the holiday's firing
    await vi.advanceTimersByTimeAsync(1 * HOUR + 1000);
    await eventually(() => expect(digestsPosted()).toEqual(['2026-W37']));

    await eventually(async () => expect(await replicaB.runs.get('digest', '2026-W37')).toMatchObject({ state: 'done', attempts: 1 }));
    await startApp(replicaA); // A comes back after 09:00: the held post is settled, and nothing is caught up again
    expect(await replicaA.runs.get('digest', '2026-W37')).toMatchObject({ state: 'done', attempts: 1 });
    await vi.advanceTimersByTimeAsync(2 * 24 * HOUR);
    expect(digestsPosted()).toEqual(['2026-W37']);
  });

  it('held from Good Friday over a weekend restart, goes out Monday as its own week’s, and the next Friday’s goes out too', async () => {
    // Good Friday, 08:00: the Friday digest is due at 09:00.
    const { first: beforeRestart, second: store, running: first } = await firingOnHoliday('2026-04-03T12:00:00Z', FRIDAYS);
    await eventually(async () => {
      expect(await store.runs.heldPosts(new Date('2026-04-03T00:00:00Z'))).toMatchObject([{ period: '2026-W14', dueAt: new Date('2026-04-06T13:00:00Z') }]);
    });
    await stop(first);
    await beforeRestart.close();
    vi.setSystemTime(new Date('2026-04-04T16:00:00Z')); // restarted on Saturday, neither a holiday nor a working day
    await startApp(store, { DIGEST_CRON: FRIDAYS });
    await vi.advanceTimersByTimeAsync(44 * HOUR); // to Monday 08:00
    expect(digestsPosted()).toEqual([]);
    await vi.advanceTimersByTimeAsync(HOUR + 1000); // Monday 09:00
    await eventually(() => expect(digestsPosted()).toEqual(['2026-W14']));
    await eventually(async () => expect(await store.runs.get('digest', '2026-W14')).toMatchObject({ state: 'done' }));
    await vi.advanceTimersByTimeAsync(4 * 24 * HOUR); // Friday 10 April 09:00: week 15's own digest
    await eventually(() => expect(digestsPosted()).toEqual(['2026-W14', '2026-W15']));
  });

  it('started after the held time on the next working day, sends it at once, even if no replica ran on the holiday', async () => {
    const store = await stores.open();
    useClock('2026-09-08T14:30:00Z'); // Tuesday 10:30
    await startApp(store);
    expect(digestsPosted()).toEqual(['2026-W37']);
    expect(await store.runs.get('digest', '2026-W37')).toMatchObject({ state: 'done', attempts: 1 });
  });
});

describe.each<StoreKind>(['sqlite', 'postgres'])('a weekly reminder missed on its day (%s)', (kind) => {
  const stores = tempStores('weekly-reminder', kind);

  it('is caught up once at Tuesday’s start, under its week, and not again that week', async () => {
    const url = await stores.databaseUrl();
    const tuesday = await stores.open(url);
    const wednesday = await stores.open(url);
    // Monday's 10:00 reminder came while the app was down; it starts on Tuesday 08:00.
    useClock('2026-11-03T13:00:00Z');
    const app = await startApp(tuesday, { REMINDER_CRON: MONDAYS });
    expect(postedPeriods('remind')).toEqual([]); // before the post's own time of day: it waits
    await vi.advanceTimersByTimeAsync(2 * HOUR + 1000); // Tuesday 10:00
    await eventually(() => expect(postedPeriods('remind')).toEqual(['2026-W45']));
    await stop(app);

    vi.setSystemTime(new Date('2026-11-04T16:00:00Z')); // restarted on Wednesday 11:00
    await startApp(wednesday, { REMINDER_CRON: MONDAYS });
    expect(await wednesday.runs.get('remind', '2026-W45')).toMatchObject({ state: 'done', attempts: 1 });
    await vi.advanceTimersByTimeAsync(4 * 24 * HOUR); // to Sunday: nothing more this week
    expect(postedPeriods('remind')).toEqual(['2026-W45']);
    await vi.advanceTimersByTimeAsync(23 * HOUR + 1000); // next Monday 10:00: the next week's
    await eventually(() => expect(postedPeriods('remind')).toEqual(['2026-W45', '2026-W46']));
  });
});
