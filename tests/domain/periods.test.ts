import fc from 'fast-check';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/domain/dates.js';
import { isoWeekKey, periodKey, periodStart, startOfLocalDay } from '../../src/domain/periods.js';
import { schedulePeriod } from '../../src/jobs/job-period.js';

const TORONTO = 'America/Toronto';

describe('period keys', () => {
  it('names a reminder by its local day and a digest by its ISO week', () => {
    const now = new Date('2026-11-26T15:00:00Z');
    expect(periodKey('remind', now, TORONTO)).toBe('2026-11-26');
    expect(periodKey('digest', now, TORONTO)).toBe('2026-W48');
  });

  it('takes the week as the period of a reminder scheduled on one weekday only, as the cron says', () => {
    const now = new Date('2026-11-26T15:00:00Z');
    expect(schedulePeriod('remind', '0 10 * * 2')).toBe('isoWeek'); // REMINDER_CRON's default
    expect(periodKey('remind', now, TORONTO, schedulePeriod('remind', '0 10 * * 2'))).toBe('2026-W48');
    expect(schedulePeriod('remind', '0 10 * * 7')).toBe('isoWeek'); // Sunday written as 7
    expect(schedulePeriod('remind', '0 10,15 * * 2')).toBe('isoWeek'); // twice on its day: still once a week
    expect(schedulePeriod('remind', '0 10 * * 1-5')).toBe('day');
    expect(schedulePeriod('remind', '0 10 * * *')).toBe('day');
    expect(schedulePeriod('remind', '0 10 1 * 2')).toBe('day'); // a day of the month as well: not a weekly post
    expect(schedulePeriod('event-reminder', '0 9 * * 1')).toBe('day'); // its posts belong to the day before the events
    expect(schedulePeriod('digest', '0 9 * * *')).toBe('isoWeek');
  });

  it('reads the day in the corridor’s zone, not in UTC', () => {
    // 22:30 in Toronto on Sunday 29 November is already Monday in UTC.
    const lateSunday = new Date('2026-11-30T03:30:00Z');
    expect(periodKey('remind', lateSunday, TORONTO)).toBe('2026-11-29');
    expect(periodKey('digest', lateSunday, TORONTO)).toBe('2026-W48');
    expect(periodKey('digest', lateSunday, 'UTC')).toBe('2026-W49');
  });

  it('follows ISO weeks across year ends', () => {
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
  });

  it('agrees with date-fns on the ISO week of any date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const iso = instant.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const local = new Date(y, m - 1, d, 12);
        expect(isoWeekKey(iso)).toBe(`${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`);
      }),
    );
  });
});

describe('period starts', () => {
  it('starts a day at local midnight on both sides of the daylight-saving changes', () => {
    expect(startOfLocalDay('2026-11-01', TORONTO).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDay('2026-11-02', TORONTO).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(startOfLocalDay('2027-03-14', TORONTO).toISOString()).toBe('2027-03-14T05:00:00.000Z');
    expect(startOfLocalDay('2027-03-15', TORONTO).toISOString()).toBe('2027-03-15T04:00:00.000Z');
  });

  it('starts a day where the zone skips midnight at the first time that exists', () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 11 September 2022.
    const start = startOfLocalDay('2022-09-11', 'America/Santiago');
    expect(localIsoDate(start, 'America/Santiago')).toBe('2022-09-11');
    expect(localIsoDate(new Date(start.getTime() - 1000), 'America/Santiago')).toBe('2022-09-10');
  });

  it('starts a digest week on Monday at midnight, local time', () => {
    const thursday = new Date('2026-11-26T15:00:00Z');
    expect(periodStart('digest', thursday, TORONTO).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(periodStart('remind', thursday, TORONTO).toISOString()).toBe('2026-11-26T05:00:00.000Z');
  });

  it('holds the instant it starts from, for any instant and zone', () => {
    const zones = [TORONTO, 'Europe/Paris', 'Pacific/Auckland', 'UTC', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        fc.constantFrom('remind' as const, 'digest' as const, 'event-reminder' as const),
        (now, zone, job) => {
          const start = periodStart(job, now, zone);
          expect(start.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(periodKey(job, start, zone)).toBe(periodKey(job, now, zone));
          expect(periodKey(job, new Date(start.getTime() - 1000), zone)).not.toBe(periodKey(job, now, zone));
        },
      ),
    );
  });

  it('moves calendar dates by whole days across month and year ends', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
