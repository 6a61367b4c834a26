import { afterEach, describe, expect, it, vi } from 'vitest';
import { holidayRegion } from '../../src/domain/holidays.js';
import type { JobName } from '../../src/domain/periods.js';
import type { JobLogger } from '../../src/jobs/job-logger.js';
import { startScheduler, type Scheduler, type ScheduledJob, type Trigger } from '../../src/jobs/scheduler.js';
import { tempStores } from '../support/temp-stores.js';

// As in scheduler.test.ts: vitest's fake timers and clock drive node-cron's real schedule.

const TORONTO = 'America/Toronto';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const QUEBEC = [holidayRegion('CA-QC')!];

const stores = tempStores('holidays');
const schedulers: Scheduler[] = [];

afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
  vi.useRealTimers();
});

function useClock(iso: string): void {
  vi.useFakeTimers({ now: new Date(iso), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

function toronto(instant: Date): string {
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone: TORONTO, dateStyle: 'short', timeStyle: 'short' }).format(instant);
  return text.replace(',', '');
}

interface Options {
  regions?: typeof QUEBEC;
  reminderCron?: string;
  digestCron?: string;
  catchUp?: boolean;
  eventReminderCron?: string;
}

async function recordFirings({ regions = QUEBEC, reminderCron = '0 10 * * 1-5', digestCron = '0 9 * * 1', catchUp = false, eventReminderCron }: Options = {}) {
  const { runs } = await stores.open();
  const fired: string[] = [];
  const logged: string[] = [];
  const logger: JobLogger = { info: (line) => logged.push(line), warn: (line) => logged.push(line), error: (line) => logged.push(line) };
  const job = (name: JobName, cron: string, extra: Partial<ScheduledJob> = {}): ScheduledJob => ({
    job: name,
    cron,
    source: name,
    run: async (trigger: Trigger) => {
      fired.push(`${name} ${toronto(new Date())} ${trigger}`);
    },
    ...extra,
  });
  const jobs = [job('remind', reminderCron), job('digest', digestCron)];
  if (eventReminderCron) jobs.push(job('event-reminder', eventReminderCron, { heldOnHolidays: false }));
  schedulers.push(startScheduler({ timeZone: TORONTO, logger, catchUp, holidays: { regions, ledger: runs }, jobs }));
  return { fired, logged };
}

describe('public holidays in the running schedule', () => {
  it('holds the Labour Day digest to Tuesday 09:00 and skips that day’s reminder (2026-09-07)', async () => {
    useClock('2026-09-04T12:00:00Z'); // Friday 08:00 EDT
    const { fired, logged } = await recordFirings();
    await vi.advanceTimersByTimeAsync(6 * DAY); // to Thursday 08:00
    expect(fired).toEqual([
      'remind 2026-09-04 10:00 schedule',
      'digest 2026-09-08 09:00 held',
      'remind 2026-09-08 10:00 schedule',
      'remind 2026-09-09 10:00 schedule',
    ]);
    expect(logged.join('\n')).toContain('public holiday (Labour Day)');
  });

  it('skips the reminder of the Fête nationale (Wednesday 2026-06-24) and posts the next day', async () => {
    useClock('2026-06-23T12:00:00Z'); // Tuesday 08:00
    const { fired } = await recordFirings();
    await vi.advanceTimersByTimeAsync(3 * DAY + 4 * HOUR); // to Friday 12:00
    expect(fired).toEqual(['remind 2026-06-23 10:00 schedule', 'remind 2026-06-25 10:00 schedule', 'remind 2026-06-26 10:00 schedule']);
  });

  it('holds a reminder due only on Fridays from Good Friday (2026-04-03) to Monday 10:00', async () => {
    useClock('2026-04-02T12:00:00Z');
    const { fired } = await recordFirings({ reminderCron: '0 10 * * 5', digestCron: '0 9 1 1 *' });
    await vi.advanceTimersByTimeAsync(5 * DAY);
    expect(fired).toEqual(['remind 2026-04-06 10:00 held']);
  });

  it('leaves a job marked to post on holidays alone (event reminders)', async () => {
    useClock('2026-09-06T12:00:00Z'); // Sunday 08:00
    const { fired } = await recordFirings({ eventReminderCron: '0 9 * * *' });
    await vi.advanceTimersByTimeAsync(DAY + 4 * HOUR); // to Labour Day 12:00
    expect(fired).toContain('event-reminder 2026-09-07 09:00 schedule');
    expect(fired.filter((line) => line.includes('2026-09-07'))).toEqual(['event-reminder 2026-09-07 09:00 schedule']);
  });
});

describe('public holidays at start', () => {
  it('does not catch up on a holiday, and holds the post it missed to the next working day', async () => {
    useClock('2026-09-07T15:00:00Z'); // Labour Day 11:00, after the digest's 09:00
    const { fired } = await recordFirings({ catchUp: true });
    await schedulers[0]!.caughtUp;
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(fired).toEqual(['digest 2026-09-08 09:00 held', 'remind 2026-09-08 10:00 schedule']);
  });

  it('started the next morning before the held time, waits for it instead of catching up early', async () => {
    useClock('2026-09-08T11:00:00Z'); // Tuesday 07:00
    const { fired } = await recordFirings({ catchUp: true });
    await schedulers[0]!.caughtUp;
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(fired).toEqual(['digest 2026-09-08 09:00 held', 'remind 2026-09-08 10:00 schedule']);
  });

  it('restarted over a weekend or a second holiday in a row, still sends the held post on the next working day', async () => {
    // Good Friday's Friday reminder, the app restarted on Saturday (neither a holiday nor a working day).
    useClock('2026-04-04T16:00:00Z');
    const { fired } = await recordFirings({ catchUp: true, reminderCron: '0 10 * * 5', digestCron: '0 9 1 1 *' });
    await schedulers[0]!.caughtUp;
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(fired).toEqual(['remind 2026-04-06 10:00 held']);
    // Thanksgiving's Thursday reminder in New Hampshire, restarted on the Friday after, a holiday there too.
    await schedulers.splice(0)[0]!.stop();
    vi.setSystemTime(new Date('2027-11-26T17:00:00Z'));
    const thanksgiving = await recordFirings({ catchUp: true, regions: [holidayRegion('US-NH')!], reminderCron: '0 10 * * 4', digestCron: '0 9 1 1 *' });
    await schedulers[0]!.caughtUp;
    await vi.advanceTimersByTimeAsync(3 * DAY);
    expect(thanksgiving.fired).toEqual(['remind 2027-11-29 10:00 held']);
  });

  it('started after the held time, catches the held post up at once', async () => {
    useClock('2026-09-08T14:30:00Z'); // Tuesday 10:30
    const { fired } = await recordFirings({ catchUp: true });
    await schedulers[0]!.caughtUp;
    expect(fired).toEqual(['remind 2026-09-08 10:30 catch-up', 'digest 2026-09-08 10:30 held']);
  });
});
