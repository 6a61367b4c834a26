import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config/env.js';
import type { JobName } from '../../src/domain/periods.js';
import { digest } from '../../src/jobs/digest.js';
import type { JobLogger } from '../../src/jobs/job-logger.js';
import { remind } from '../../src/jobs/remind.js';
import type { JobDeps } from '../../src/jobs/job-deps.js';
import { retryOnePost } from '../../src/jobs/retry-within-period.js';
import { startScheduler, validateSchedules, type Scheduler, type Trigger } from '../../src/jobs/scheduler.js';
import type { ChannelMessage, Poster } from '../../src/jobs/slack-poster.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { SqliteCorridorStore } from '../../src/store/sqlite/sqlite-corridor-store.js';

// node-cron 4 arms a setTimeout for the next match and reads `new Date()` when it fires: with
// vitest's fake timers and clock, advancing the clock really drives its schedule.

const TORONTO = 'America/Toronto';
const REMINDER_CRON = '0 10 * * 1-5';
const DIGEST_CRON = '0 9 * * 1';
const DAY = 86_400_000;

const quiet: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };
const schedulers: Scheduler[] = [];
const stores: SqliteCorridorStore[] = [];
const dirs: string[] = [];

function tempDatabaseUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-sched-'));
  dirs.push(dir);
  return `sqlite:${join(dir, 'corridor.sqlite')}`;
}

afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
  vi.useRealTimers();
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function memoryStore(): Promise<SqliteCorridorStore> {
  const store = await openSqliteStore('sqlite::memory:');
  stores.push(store);
  return store;
}

/**
 * A poster that records what it would post and always succeeds; it finds its own posts again by key.
 * `posted` holds the channel messages, `replies` the replies in their threads.
 */
function recordingPoster(): { poster: Poster; posted: ChannelMessage[]; replies: ChannelMessage[] } {
  const posted: ChannelMessage[] = [];
  const replies: ChannelMessage[] = [];
  const poster: Poster = {
    post: async (message) => {
      if (message.threadTs) {
        replies.push(message);
        return { ok: true, channel: message.channel, ts: `${replies.length}.500000` };
      }
      posted.push(message);
      return { ok: true, channel: message.channel, ts: `${posted.length}.000001` };
    },
    audienceOf: async () => 'internal' as const,
    findPosted: async (_channel, key) => {
      const index = posted.findIndex((message) => message.key?.job === key.job && message.key.period === key.period);
      return { ok: true, ts: index < 0 ? undefined : `${index + 1}.000001` };
    },
    findReplies: async (_channel, threadTs, key) => ({
      ok: true,
      parts: replies.filter((m) => m.threadTs === threadTs && m.key?.job === key.job && m.key.period === key.period).map((m) => m.key!.part!),
    }),
  };
  return { poster, posted, replies };
}

function jobDeps(store: SqliteCorridorStore, poster: Poster): JobDeps {
  return {
    store,
    ledger: store.runs,
    poster,
    clock: () => new Date(),
    config: { CORRIDOR_CHANNEL: 'C0CORRIDOR', CORRIDOR_CHANNEL_LANG: 'both', CORRIDOR_TZ: TORONTO },
    logger: quiet,
  };
}

function useClock(iso: string): void {
  vi.useFakeTimers({ now: new Date(iso), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/** Toronto wall-clock reading of an instant, e.g. "Mon 2026-11-02 10:00". */
function toronto(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: TORONTO,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function recordFirings(options: { catchUp?: boolean; reminderCron?: string } = {}) {
  const fired: { job: JobName; trigger: Trigger; at: Date }[] = [];
  const job = (name: JobName, cron: string) => ({
    job: name,
    cron,
    source: name === 'remind' ? 'REMINDER_CRON' : 'DIGEST_CRON',
    run: async (trigger: Trigger) => {
      fired.push({ job: name, trigger, at: new Date() });
    },
  });
  schedulers.push(
    startScheduler({
      timeZone: TORONTO,
      logger: quiet,
      catchUp: options.catchUp ?? false,
      jobs: [job('remind', options.reminderCron ?? REMINDER_CRON), job('digest', DIGEST_CRON)],
    }),
  );
  return fired;
}

describe('schedules in America/Toronto', () => {
  it('fires at 10:00 and 09:00 local time across the November change (2026-11-01, back to EST)', async () => {
    useClock('2026-10-29T12:00:00Z'); // Thursday 08:00 EDT
    const fired = recordFirings();
    await vi.advanceTimersByTimeAsync(6 * DAY); // to Wednesday 07:00
    expect(fired.map((f) => `${f.job} ${toronto(f.at)} ${f.at.toISOString()}`)).toEqual([
      'remind Thu 2026-10-29 10:00 2026-10-29T14:00:00.000Z',
      'remind Fri 2026-10-30 10:00 2026-10-30T14:00:00.000Z',
      // Clocks went back on Sunday: 09:00 and 10:00 are now an hour later in UTC.
      'digest Mon 2026-11-02 09:00 2026-11-02T14:00:00.000Z',
      'remind Mon 2026-11-02 10:00 2026-11-02T15:00:00.000Z',
      'remind Tue 2026-11-03 10:00 2026-11-03T15:00:00.000Z',
    ]);
    expect(fired.every((f) => f.trigger === 'schedule')).toBe(true);
  });

  it('fires at 10:00 and 09:00 local time across the March change (2027-03-14, to EDT)', async () => {
    useClock('2027-03-11T12:00:00Z'); // Thursday 07:00 EST
    const fired = recordFirings();
    await vi.advanceTimersByTimeAsync(6 * DAY); // to Wednesday 08:00
    expect(fired.map((f) => `${f.job} ${toronto(f.at)} ${f.at.toISOString()}`)).toEqual([
      'remind Thu 2027-03-11 10:00 2027-03-11T15:00:00.000Z',
      'remind Fri 2027-03-12 10:00 2027-03-12T15:00:00.000Z',
      'digest Mon 2027-03-15 09:00 2027-03-15T13:00:00.000Z',
      'remind Mon 2027-03-15 10:00 2027-03-15T14:00:00.000Z',
      'remind Tue 2027-03-16 10:00 2027-03-16T14:00:00.000Z',
    ]);
  });

  it('skips a time the spring change removes (02:30 on 2027-03-14) and fires the days around it', async () => {
    useClock('2027-03-13T00:00:00Z');
    const fired = recordFirings({ reminderCron: '30 2 * * *' });
    await vi.advanceTimersByTimeAsync(3 * DAY);
    expect(fired.filter((f) => f.job === 'remind').map((f) => toronto(f.at))).toEqual(['Sat 2027-03-13 02:30', 'Mon 2027-03-15 02:30']);
  });

  it('fires the time the November change repeats (01:30 on 2026-11-01) once, and posts once', async () => {
    useClock('2026-10-31T20:00:00Z');
    const store = await memoryStore();
    const { poster, posted } = recordingPoster();
    const firings: Date[] = [];
    schedulers.push(
      startScheduler({
        timeZone: TORONTO,
        logger: quiet,
        catchUp: false,
        jobs: [{ job: 'remind', cron: '30 1 * * *', source: 'REMINDER_CRON', run: () => (firings.push(new Date()), remind(jobDeps(store, poster))) }],
      }),
    );
    await vi.advanceTimersByTimeAsync(DAY);
    expect(firings.map((at) => at.toISOString())).toEqual(['2026-11-01T05:30:00.000Z']); // 01:30 EDT
    expect(posted).toHaveLength(1);
    expect(await store.runs.get('remind', '2026-11-01')).toMatchObject({ state: 'done' });
  });

  it('posts once when two app instances on one SQLite file both fire at 10:00', async () => {
    useClock('2026-11-26T14:00:00Z'); // Thursday 09:00 EST
    const url = tempDatabaseUrl();
    const { poster, posted } = recordingPoster();
    const fired: string[] = [];
    for (const instance of ['a', 'b']) {
      const store = await openSqliteStore(url);
      stores.push(store);
      schedulers.push(
        startScheduler({
          timeZone: TORONTO,
          logger: quiet,
          jobs: [{ job: 'remind', cron: REMINDER_CRON, source: 'REMINDER_CRON', run: () => (fired.push(instance), remind(jobDeps(store, poster))) }],
        }),
      );
    }
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(fired.sort()).toEqual(['a', 'b']);
    expect(posted).toHaveLength(1);
  });
});

describe('catch-up at start', () => {
  it('runs at start a job whose time already came in the current period, and only those', async () => {
    useClock('2026-11-03T13:00:00Z'); // Tuesday 08:00 EST: Monday's digest came, today's reminder not yet
    const fired = recordFirings({ catchUp: true });
    await schedulers[0]!.caughtUp;
    // The digest waits for its own time of day, 09:00.
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(fired.map((f) => `${f.job} ${f.trigger} ${toronto(f.at)}`)).toEqual([
      'digest catch-up Tue 2026-11-03 09:00',
      'remind schedule Tue 2026-11-03 10:00',
    ]);
  });

  it('catches up a reminder missed this morning, but not one from a day before', async () => {
    useClock('2026-11-03T17:00:00Z'); // Tuesday 12:00
    expect(recordFirings({ catchUp: true }).map((f) => f.job).sort()).toEqual(['digest', 'remind']);
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    vi.setSystemTime(new Date('2026-11-03T06:00:00Z')); // Tuesday 01:00: Monday's 10:00 belongs to Monday
    const night = recordFirings({ catchUp: true });
    expect(night).toEqual([]);
    await vi.advanceTimersByTimeAsync(8 * 3_600_000 + 1000);
    expect(night.map((f) => `${f.job} ${f.trigger} ${toronto(f.at)}`)).toEqual(['digest catch-up Tue 2026-11-03 09:00']);
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    vi.setSystemTime(new Date('2026-11-02T13:30:00Z')); // Monday 08:30: this week's digest has not come yet
    expect(recordFirings({ catchUp: true })).toEqual([]);
  });

  it('a first start at 05:24 on a Saturday posts nothing before Monday’s digest', async () => {
    useClock('2026-11-07T10:24:00Z'); // Saturday 05:24 EST: this week's Monday 09:00 came long ago
    const fired = recordFirings({ catchUp: true });
    await schedulers[0]!.caughtUp;
    await vi.advanceTimersByTimeAsync(2 * DAY + 4 * 3_600_000); // to Monday 09:24
    expect(fired.map((f) => `${f.job} ${f.trigger} ${toronto(f.at)}`)).toEqual(['digest schedule Mon 2026-11-09 09:00']);
  });

  it('a start in the evening catches the week’s digest up the next working morning, at its time', async () => {
    useClock('2026-11-04T23:30:00Z'); // Wednesday 18:30 EST
    const fired = recordFirings({ catchUp: true });
    await vi.advanceTimersByTimeAsync(DAY);
    expect(fired.map((f) => `${f.job} ${f.trigger} ${toronto(f.at)}`)).toEqual([
      'digest catch-up Thu 2026-11-05 09:00',
      'remind schedule Thu 2026-11-05 10:00',
    ]);
  });

  it('a new install’s first digest, caught up midweek, looks back to the week its title names', async () => {
    useClock('2026-11-04T15:00:00Z'); // Wednesday 10:00 EST, the week of Monday 2 November
    const store = await memoryStore();
    const { poster, posted } = recordingPoster();
    const job = { job: 'digest' as const, cron: DIGEST_CRON, source: 'DIGEST_CRON', run: () => digest(jobDeps(store, poster)) };
    const scheduler = startScheduler({ timeZone: TORONTO, logger: quiet, jobs: [job] });
    schedulers.push(scheduler);
    await scheduler.caughtUp;
    expect(posted).toHaveLength(1);
    const text = JSON.stringify(posted[0]);
    expect(text).toContain('week of November 2');
    expect(text).toContain('Since November 2');
    expect(text).toContain('semaine du 2 novembre');
    expect(text).toContain('Depuis le 2 novembre');
  });

  it('across a restart posts each period once: the catch-up finds it already posted', async () => {
    useClock('2026-11-02T13:00:00Z'); // Monday 08:00 EST
    const url = tempDatabaseUrl();
    const { poster, posted } = recordingPoster();
    const start = async () => {
      const store = await openSqliteStore(url);
      stores.push(store);
      const deps = jobDeps(store, poster);
      const scheduler = startScheduler({
        timeZone: TORONTO,
        logger: quiet,
        jobs: [
          { job: 'remind', cron: REMINDER_CRON, source: 'REMINDER_CRON', run: () => remind(deps) },
          { job: 'digest', cron: DIGEST_CRON, source: 'DIGEST_CRON', run: () => digest(deps) },
        ],
      });
      schedulers.push(scheduler);
      await scheduler.caughtUp;
      return { store, scheduler };
    };
    const first = await start();
    await vi.advanceTimersByTimeAsync(2.5 * 3_600_000); // through 09:00 and 10:00
    expect(posted).toHaveLength(2);
    await first.scheduler.stop();
    await first.store.close();
    const second = await start(); // 10:30: both times came today, both already posted
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(posted).toHaveLength(2);
    expect(await second.store.runs.get('digest', '2026-W45')).toMatchObject({ state: 'done', attempts: 1 });
    expect(await second.store.runs.get('remind', '2026-11-02')).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('after a restart catches up a period whose post failed', async () => {
    useClock('2026-11-02T13:00:00Z');
    const store = await memoryStore();
    let failing = true;
    const posted: string[] = [];
    const poster: Poster = {
      post: async (m) => {
        if (failing) return { ok: false, error: 'not_in_channel', hint: 'invite the bot' };
        posted.push(m.text);
        return { ok: true, channel: m.channel, ts: '1.0' };
      },
      audienceOf: async () => 'internal' as const,
      findPosted: async () => ({ ok: true, ts: undefined }),
      findReplies: async () => ({ ok: true, parts: [] }),
    };
    const job = { job: 'digest' as const, cron: DIGEST_CRON, source: 'DIGEST_CRON', run: () => digest(jobDeps(store, poster)) };
    const first = startScheduler({ timeZone: TORONTO, logger: quiet, jobs: [job] });
    schedulers.push(first);
    await vi.advanceTimersByTimeAsync(3_600_000); // 09:00 fires and fails
    expect(await store.runs.get('digest', '2026-W45')).toMatchObject({ state: 'failed' });
    await first.stop();
    failing = false; // someone invited the bot
    const second = startScheduler({ timeZone: TORONTO, logger: quiet, jobs: [job] });
    schedulers.push(second);
    await second.caughtUp;
    expect(posted).toHaveLength(1);
    expect(await store.runs.get('digest', '2026-W45')).toMatchObject({ state: 'done', attempts: 2 });
  });
});

describe('retries within the period', () => {
  it('stops trying a failed weekly post at the end of the working week, rather than posting on the weekend', async () => {
    useClock('2026-11-06T22:54:30Z'); // Friday 17:54:30 EST
    const tries: string[] = [];
    const job = {
      job: 'digest' as const,
      cron: '55 17 * * 5',
      source: 'DIGEST_CRON',
      run: async (trigger: Trigger) => {
        tries.push(`${trigger} ${toronto(new Date())}`);
        return 'failed';
      },
      retryIn: () => 60_000,
    };
    schedulers.push(startScheduler({ timeZone: TORONTO, logger: quiet, catchUp: false, jobs: [job] }));
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(tries).toEqual(['schedule Fri 2026-11-06 17:55', ...['56', '57', '58', '59'].map((minute) => `retry Fri 2026-11-06 17:${minute}`)]);
  });

  it('tries a failed post again within the period, backing off, and stops once it is posted', async () => {
    useClock('2026-11-02T13:59:00Z'); // Monday 08:59 in Toronto
    const store = await memoryStore();
    let failures = 2;
    const posted: string[] = [];
    const poster: Poster = {
      post: async (m) => {
        if (failures-- > 0) return { ok: false, error: 'http_503', hint: 'Slack answered 503' };
        posted.push(m.text);
        return { ok: true, channel: m.channel, ts: '1.0' };
      },
      audienceOf: async () => 'internal' as const,
      findPosted: async () => ({ ok: true, ts: undefined }),
      findReplies: async () => ({ ok: true, parts: [] }),
    };
    const deps = jobDeps(store, poster);
    const scheduler = startScheduler({
      timeZone: TORONTO,
      logger: quiet,
      jobs: [{ job: 'digest', cron: DIGEST_CRON, source: 'DIGEST_CRON', run: () => digest(deps), retryIn: retryOnePost }],
    });
    schedulers.push(scheduler);
    await vi.advanceTimersByTimeAsync(60_000); // 09:00: fails
    expect(await store.runs.get('digest', '2026-W45')).toMatchObject({ state: 'failed', attempts: 1 });
    await vi.advanceTimersByTimeAsync(60_000); // 09:01: the first retry fails too
    expect(await store.runs.get('digest', '2026-W45')).toMatchObject({ state: 'failed', attempts: 2 });
    await vi.advanceTimersByTimeAsync(119_000); // the next one waits twice as long
    expect(posted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(posted).toHaveLength(1);
    expect(await store.runs.get('digest', '2026-W45')).toMatchObject({ state: 'done', attempts: 3 });
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(posted).toHaveLength(1);
  });

  it('does not carry a retry over into the next period', async () => {
    useClock('2026-11-02T13:59:00Z'); // Monday 08:59
    const store = await memoryStore();
    const attempts: string[] = [];
    const scheduler = startScheduler({
      timeZone: TORONTO,
      logger: quiet,
      jobs: [
        {
          job: 'remind',
          cron: '59 23 * * *', // 23:59: the retry a minute later falls on the next day
          source: 'REMINDER_CRON',
          run: async () => {
            attempts.push(new Date().toISOString());
            return { status: 'failed', job: 'remind', period: '2026-11-02', error: 'http_503', hint: '' };
          },
          retryIn: retryOnePost,
        },
      ],
      catchUp: false,
    });
    schedulers.push(scheduler);
    await vi.advanceTimersByTimeAsync(15 * 3_600_000 + 5 * 60_000); // past midnight
    expect(attempts).toEqual(['2026-11-03T04:59:00.000Z']);
    void store;
  });
});

describe('stopping', () => {
  it('stops firing, and waits for a run under way so its period gets recorded', async () => {
    useClock('2026-11-26T14:59:00Z'); // Thursday 09:59
    let release = () => {};
    const finished: string[] = [];
    const scheduler = startScheduler({
      timeZone: TORONTO,
      logger: quiet,
      jobs: [
        {
          job: 'remind',
          cron: REMINDER_CRON,
          source: 'REMINDER_CRON',
          run: () => new Promise<void>((resolve) => (release = resolve)).then(() => void finished.push('remind')),
        },
      ],
    });
    await vi.advanceTimersByTimeAsync(60_000); // 10:00: the run starts and waits
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toEqual(['remind']);
    expect(scheduler.nextRun('remind')).toBeNull();
  });
});

describe('schedule validation', () => {
  it('names the variable with a bad cron expression or zone', () => {
    expect(() => validateSchedules([{ cron: '0 25 * * *', source: 'REMINDER_CRON' }], TORONTO)).toThrow(ConfigError);
    expect(() => validateSchedules([{ cron: '0 25 * * *', source: 'REMINDER_CRON' }], TORONTO)).toThrow(/^REMINDER_CRON: "0 25 \* \* \*"/);
    expect(() => validateSchedules([{ cron: 'every monday', source: 'DIGEST_CRON' }], TORONTO)).toThrow(/^DIGEST_CRON:/);
    expect(() => validateSchedules([], 'Mars/Olympus')).toThrow(/^CORRIDOR_TZ:/);
    expect(() => validateSchedules([{ cron: REMINDER_CRON, source: 'REMINDER_CRON' }], TORONTO)).not.toThrow();
  });
});
