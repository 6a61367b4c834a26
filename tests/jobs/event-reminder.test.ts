import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/env.js';
import { draftOf } from '../../src/domain/draft.js';
import { addDays } from '../../src/domain/dates.js';
import { eventsTomorrow } from '../../src/domain/event-reminders.js';
import type { CorridorEvent, Draft } from '../../src/domain/types.js';
import { remindTomorrowsEvents } from '../../src/jobs/event-reminder.js';
import type { JobLogger } from '../../src/jobs/job-logger.js';
import { scheduleCorridorJobs } from '../../src/jobs/schedule-jobs.js';
import type { Poster } from '../../src/jobs/slack-poster.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { SqliteCorridorStore } from '../../src/store/sqlite/sqlite-corridor-store.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { recordingPoster } from '../support/recording-poster.js';
import { eventRecord } from '../support/records.js';
import { silentLogger } from '../support/silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

const TZ = 'America/Toronto';
// 23:30 on 9 June in Toronto, already 10 June in UTC: "tomorrow" is 10 June in the corridor.
const NOW = new Date('2026-06-10T03:30:00Z');

const quiet: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };

let slack: SlackApiEmulator;
let poster: Poster;
let store: SqliteCorridorStore;

beforeAll(async () => {
  slack = await startSlackApiEmulator({ botToken: 'xoxb-reminders' });
  const client = new WebClient('xoxb-reminders', { slackApiUrl: slack.url, logger: silentLogger(), retryConfig: { retries: 0 } });
  poster = {
    post: async (message) => {
      try {
        const result = await client.chat.postMessage(message);
        return { ok: true, channel: String(result.channel), ts: String(result.ts) };
      } catch (error) {
        return { ok: false, error: (error as { data?: { error?: string } }).data?.error ?? String(error), hint: 'check the channel' };
      }
    },
    audienceOf: async () => 'internal' as const,
    findPosted: async () => ({ ok: true, ts: undefined }),
      findReplies: async () => ({ ok: true, parts: [] }),
  };
});

afterAll(async () => {
  await slack.close();
});

beforeEach(async () => {
  slack.reset();
  store = await openSqliteStore('sqlite::memory:');
});

afterEach(async () => {
  await store.close();
});

/** The state of one event's reminder in the store's run ledger. */
async function ledgerState(key: string) {
  return (await store.runs.get('event-reminder', key))?.state;
}

/** An event to save: in Burlington at 18:30, organised by Technum Québec. */
function event(id: string, date: string, extra: Partial<CorridorEvent> = {}): Draft<CorridorEvent> {
  return draftOf(eventRecord(id, date, { startTime: '18:30', place: 'Burlington <VT>', organiserIds: ['technum-quebec'], ...extra }));
}

const run = (channelLang: 'fr' | 'en' | 'both' = 'both', clock = () => NOW) =>
  remindTomorrowsEvents({
    store,
    ledger: store.runs,
    poster,
    clock,
    logger: quiet,
    owner: 'test:1',
    config: { CORRIDOR_CHANNEL: 'C0CORRIDOR', CORRIDOR_CHANNEL_LANG: channelLang, CORRIDOR_TZ: TZ },
  });

describe('which events are tomorrow', () => {
  it('takes tomorrow in the corridor’s zone and leaves cancelled and removed events out', () => {
    const events = [
      eventRecord('b', '2026-06-10', { startTime: '09:00' }),
      eventRecord('a', '2026-06-10', { startTime: '18:00' }),
      eventRecord('later', '2026-06-11'),
      eventRecord('off', '2026-06-10', { status: 'cancelled' }),
      eventRecord('gone', '2026-06-10', { removedAt: '2026-06-01T00:00:00.000Z' }),
    ];
    expect(eventsTomorrow(events, '2026-06-09').map((e) => e.id)).toEqual(['b', 'a']);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('remindTomorrowsEvents', () => {
  it('posts each of tomorrow’s events once, in both languages, however often it runs', async () => {
    await store.events.save(event('forum', '2026-06-10'), { actor: 'U0ADMIN' });
    await store.events.save(event('next-week', '2026-06-16'), { actor: 'U0ADMIN' });

    expect(await run()).toEqual([expect.objectContaining({ status: 'posted', eventIds: ['forum'], key: '2026-06-10' })]);
    expect(await run()).toEqual([{ status: 'skipped', eventIds: ['forum'], key: '2026-06-10', inProgress: false }]);
    expect(await ledgerState('forum@2026-06-10')).toBe('done');

    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    const blocks = posts[0]!.args.blocks;
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
    const text = JSON.stringify(blocks);
    expect(text).toContain('Rappel\u00a0: *Rencontre forum* a lieu demain.');
    expect(text).toContain('Reminder: *Meeting forum* is tomorrow.');
    expect(text).toContain('Wednesday, June 10, 2026, 6:30 p.m.');
    expect(text).toContain('Burlington &lt;VT&gt;');
    expect(text).toContain('Organized by Technum Québec.');
    expect(text.indexOf('Rappel')).toBeLessThan(text.indexOf('Reminder'));
  });

  it('reminds a re-dated event again for its new date, and a new event added later the same day', async () => {
    await store.events.save(event('forum', '2026-06-10'), { actor: 'U0ADMIN' });
    await run('en');
    const forum = (await store.events.get('forum'))!;
    await store.events.save({ ...forum, date: '2026-06-12' }, { actor: 'U0ADMIN' });
    await store.events.save(event('pop-up', '2026-06-10'), { actor: 'U0ADMIN' });
    // A follow-up message for the event added after the day's message went out, naming it alone.
    expect((await run('en')).map((r) => [r.eventIds, r.key, r.status])).toEqual([[['pop-up'], '2026-06-10+pop-up', 'posted']]);
    expect(JSON.stringify(slack.callsTo('chat.postMessage')[1]!.args.blocks)).not.toContain('Meeting forum');
    expect((await run('en')).map((r) => r.status)).toEqual(['skipped']);
    // Two days later, the day before the new date.
    const results = await run('en', () => new Date('2026-06-11T14:00:00Z'));
    expect(results.map((r) => [r.key, r.status])).toEqual([['2026-06-12', 'posted']]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('groups the events of one day in one message, soonest first', async () => {
    await store.events.save(event('forum', '2026-06-10'), { actor: 'U0ADMIN' });
    await store.events.save(event('atelier', '2026-06-10', { startTime: '09:00' }), { actor: 'U0ADMIN' });
    expect(await run('en')).toEqual([expect.objectContaining({ status: 'posted', eventIds: ['atelier', 'forum'], key: '2026-06-10' })]);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    const text = JSON.stringify(posts[0]!.args.blocks);
    expect(text).toContain('Reminder: 2 events tomorrow.');
    expect(text.indexOf('Meeting atelier')).toBeLessThan(text.indexOf('Meeting forum'));
    expect(await ledgerState('atelier@2026-06-10')).toBe('done');
  });

  it('records a failed post so that the next run retries it', async () => {
    await store.events.save(event('forum', '2026-06-10'), { actor: 'U0ADMIN' });
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    expect(await run('fr')).toEqual([{ status: 'failed', eventIds: ['forum'], key: '2026-06-10', error: 'not_in_channel' }]);
    expect(await ledgerState('2026-06-10')).toBe('failed');
    expect(await ledgerState('forum@2026-06-10')).toBeUndefined();
    expect((await run('fr')).map((r) => r.status)).toEqual(['posted']);
    expect(await ledgerState('2026-06-10')).toBe('done');
    expect(await ledgerState('forum@2026-06-10')).toBe('done');
  });

  it('posts nothing when no event is tomorrow, and needs a channel', async () => {
    expect(await run()).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
    await expect(
      remindTomorrowsEvents({ store, ledger: store.runs, poster, clock: () => NOW, logger: quiet, owner: 'x', config: { CORRIDOR_CHANNEL_LANG: 'en', CORRIDOR_TZ: TZ } }),
    ).rejects.toThrow('CORRIDOR_CHANNEL');
  });
});

describe('on EVENT_REMINDER_CRON, with the other scheduled posts', () => {
  const dirs: string[] = [];

  afterEach(() => {
    vi.useRealTimers();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('fires at 09:00 in Toronto, lists tomorrow’s events in both languages, and posts each once across a restart', async () => {
    // Tuesday 9 June 2026, 08:00 EDT.
    vi.useFakeTimers({ now: new Date('2026-06-09T12:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const dir = mkdtempSync(join(tmpdir(), 'corridor-event-reminder-'));
    dirs.push(dir);
    const url = `sqlite:${join(dir, 'corridor.sqlite')}`;
    const { poster: recording, posted } = recordingPoster();
    const eventPosts = () => posted.filter((message) => /is tomorrow|events tomorrow/.test(message.text));
    const config = parseConfig({ CORRIDOR_CHANNEL: 'C0CORRIDOR' });
    expect(config.EVENT_REMINDER_CRON).toBe('0 9 * * *');
    let fileStore = await openSqliteStore(url);
    await fileStore.events.save(event('forum', '2026-06-10'), { actor: 'U0ADMIN' });
    await fileStore.events.save(event('atelier', '2026-06-10', { startTime: '09:00', place: 'Sherbrooke' }), { actor: 'U0ADMIN' });
    await fileStore.events.save(event('later', '2026-06-12'), { actor: 'U0ADMIN' });
    const start = async () => {
      const scheduler = scheduleCorridorJobs({ config, store: fileStore, logger: quiet, poster: recording });
      await scheduler.caughtUp;
      return scheduler;
    };
    let scheduler = await start();
    try {
      expect(eventPosts()).toEqual([]); // 09:00 has not come yet today
      expect(scheduler.nextRun('event-reminder')?.toISOString()).toBe('2026-06-09T13:00:00.000Z');

      await vi.advanceTimersByTimeAsync(90 * 60_000); // to 09:30
      // One message for the day's two events, French then English.
      expect(eventPosts().map((message) => message.at)).toEqual(['2026-06-09T13:00:00.000Z']);
      const day = JSON.stringify(eventPosts()[0]!.blocks);
      expect(day).toContain('Rappel\u00a0: 2 événements demain.');
      expect(day).toContain('Reminder: 2 events tomorrow.');
      expect(day.indexOf('Rappel')).toBeLessThan(day.indexOf('Reminder'));
      expect(day).toContain('*Meeting atelier*\\nWednesday, June 10, 2026, 9:00 a.m.');
      expect(day).toContain('*Meeting forum*\\nWednesday, June 10, 2026, 6:30 p.m.');

      // A restart later the same day catches the job up, and finds both reminders posted.
      await scheduler.stop();
      await fileStore.close();
      fileStore = await openSqliteStore(url);
      scheduler = await start();
      expect(eventPosts()).toHaveLength(1);
      expect(await fileStore.runs.get('event-reminder', '2026-06-10')).toMatchObject({ state: 'done', attempts: 1 });
      expect(await fileStore.runs.get('event-reminder', 'forum@2026-06-10')).toMatchObject({ state: 'done', attempts: 1 });
      expect(await fileStore.runs.get('event-reminder', 'atelier@2026-06-10')).toMatchObject({ state: 'done', attempts: 1 });

      // Two days on, the day before the next event.
      await vi.advanceTimersByTimeAsync(2 * 86_400_000);
      expect(eventPosts().map((message) => [message.at, message.text.includes('Meeting later')])).toEqual([
        ['2026-06-09T13:00:00.000Z', false],
        ['2026-06-11T13:00:00.000Z', true],
      ]);
    } finally {
      await scheduler.stop();
      await fileStore.close();
    }
  });
});
