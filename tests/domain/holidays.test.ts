import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, localIsoDate, localParts } from '../../src/domain/dates.js';
import { nextPostDay, planDay, type HolidaySchedule } from '../../src/domain/holiday-schedule.js';
import { holidayName, holidayRegion, holidaysOn, isWorkingDay, nextWorkingDay } from '../../src/domain/holidays.js';
import { localInstant } from '../../src/domain/periods.js';

const QUEBEC = [holidayRegion('CA-QC')!];
const CORRIDOR = ['CA-QC', 'US-VT', 'US-NH'].map((entry) => holidayRegion(entry)!);

/** A cron-like schedule: the weekdays (1 = Monday … 7 = Sunday) it fires on, at one time. */
function firesOn(weekdays: number[], time: string, regions = QUEBEC): HolidaySchedule {
  return { regions, firstFiringOn: (date) => (weekdays.includes(isoWeekday(date)) ? time : undefined) };
}

describe('holiday regions', () => {
  it('knows countries and their states or provinces, in any case, and refuses the rest', () => {
    expect(holidayRegion('ca-qc')).toEqual({ country: 'CA', state: 'QC' });
    expect(holidayRegion('US')).toEqual({ country: 'US' });
    for (const entry of ['US-XX', 'XX', 'Quebec', 'CA-QC-1', '']) expect(holidayRegion(entry), entry).toBeUndefined();
  });

  it('names US holidays in French where French has a name, and a holiday two states name differently once', () => {
    const names = (date: string, lang: 'fr' | 'en') => holidaysOn(date, CORRIDOR).map((holiday) => holidayName(holiday, lang));
    // Vermont's "Presidents' Day" and New Hampshire's "President's Day" are one holiday, one name.
    expect(names('2026-02-16', 'en')).toEqual(['Presidents’ Day']);
    // A French reader gets the French name, with the states' own name beside it.
    expect(names('2026-02-16', 'fr')).toEqual(['Jour des Présidents (Presidents’ Day)']);
    expect(names('2026-11-26', 'fr')).toEqual(['Jour de l’Action de grâce (Thanksgiving Day)']);
    expect(names('2026-11-27', 'fr')).toEqual(['Lendemain de l’Action de grâce (Day after Thanksgiving)']);
    expect(names('2026-11-11', 'fr')).toEqual(['Jour du Souvenir (Veterans Day)']);
    expect(names('2026-01-19', 'fr')).toEqual(['Journée de Martin Luther King Jr. (Martin Luther King Jr. Day)']);
    // Labor Day is one day in Québec and in the states: its US spelling in English, « Fête du Travail » in French.
    expect(names('2026-09-07', 'en')).toEqual(['Labor Day (Fête du Travail)']);
    expect(names('2026-09-07', 'fr')).toEqual(['Fête du Travail (Labor Day)']);
  });

  it('lists the public holidays of Québec only, with their names in both languages', () => {
    const [fete] = holidaysOn('2026-06-24', QUEBEC);
    expect(fete).toMatchObject({ date: '2026-06-24', name: { fr: 'Fête nationale du Québec', en: 'National Holiday' }, region: 'CA-QC' });
    expect(holidayName(fete!, 'en')).toBe('National Holiday (Fête nationale du Québec)');
    expect(holidayName(fete!, 'fr')).toBe('Fête nationale du Québec (National Holiday)');
    // Remembrance Day is no public holiday in Québec; US Independence Day is not one either.
    expect(holidaysOn('2026-11-11', QUEBEC)).toEqual([]);
    expect(holidaysOn('2026-07-03', QUEBEC)).toEqual([]);
  });

  it('joins the regions of the corridor, naming a shared holiday once', () => {
    expect(holidaysOn('2026-07-03', CORRIDOR).map((holiday) => holiday.name.en)).toEqual(['Independence Day (substitute day)']);
    expect(holidayName(holidaysOn('2026-07-03', CORRIDOR)[0]!, 'en')).toBe('Independence Day (substitute day)');
    expect(holidaysOn('2026-09-07', CORRIDOR)).toHaveLength(1);
    expect(holidaysOn('2026-11-26', CORRIDOR).map((holiday) => holiday.region)).toEqual(['US-VT']);
  });

  it('counts weekdays that are not holidays as working days', () => {
    expect(isWorkingDay('2026-09-07', QUEBEC)).toBe(false);
    expect(isWorkingDay('2026-09-05', QUEBEC)).toBe(false); // a Saturday
    expect(isWorkingDay('2026-09-08', QUEBEC)).toBe(true);
    expect(nextWorkingDay('2026-04-03', QUEBEC)).toBe('2026-04-06'); // Good Friday → Monday
    expect(nextWorkingDay('2026-12-24', QUEBEC)).toBe('2026-12-28');
  });
});

describe('the holiday rule of a schedule', () => {
  const weekdays = firesOn([1, 2, 3, 4, 5], '10:00:00');
  const mondays = firesOn([1], '09:00:00');

  it('skips a holiday when the next working day posts anyway', () => {
    expect(planDay('2026-06-24', weekdays)).toMatchObject({ kind: 'skipped', next: '2026-06-25' });
    expect(nextPostDay('2026-06-24', weekdays)).toEqual({ kind: 'post', date: '2026-06-25', time: '10:00:00' });
  });

  it('holds a post to the next working day when that day has none of its own', () => {
    expect(planDay('2026-09-07', mondays)).toMatchObject({ kind: 'held', to: '2026-09-08', time: '09:00:00' });
    expect(planDay('2026-09-08', mondays)).toMatchObject({ kind: 'post', time: '09:00:00', heldFrom: { date: '2026-09-07' } });
    expect(planDay('2026-09-09', mondays)).toMatchObject({ kind: 'none', holidays: [] });
    expect(planDay('2026-09-14', mondays)).toEqual({ kind: 'post', date: '2026-09-14', time: '09:00:00' });
  });

  it('carries a post over a holiday and the weekend after it (Good Friday to Monday)', () => {
    const fridays = firesOn([5], '10:00:00');
    expect(planDay('2026-04-03', fridays)).toMatchObject({ kind: 'held', to: '2026-04-06' });
    expect(planDay('2026-04-06', fridays)).toMatchObject({ kind: 'post', heldFrom: { date: '2026-04-03' } });
  });

  it('posts once the held posts of holidays in a row, as the latest of them (Thanksgiving and the day after, in New Hampshire)', () => {
    const thursdaysAndFridays = firesOn([4, 5], '09:00:00', CORRIDOR);
    expect(planDay('2027-11-25', thursdaysAndFridays)).toMatchObject({ kind: 'held', to: '2027-11-29' });
    expect(planDay('2027-11-26', thursdaysAndFridays)).toMatchObject({ kind: 'held', to: '2027-11-29' });
    expect(planDay('2027-11-29', thursdaysAndFridays)).toMatchObject({ kind: 'post', heldFrom: { date: '2027-11-26' } });
  });

  it('never posts on a public holiday and posts each held post once, whatever the weekdays', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), fc.integer({ min: 0, max: 700 }), (days, offset) => {
        const schedule = firesOn(days, '09:00:00', CORRIDOR);
        const date = addDays('2026-01-01', offset);
        const plan = planDay(date, schedule);
        if (plan.kind === 'post') expect(holidaysOn(date, CORRIDOR)).toEqual([]);
        if (plan.kind === 'held') {
          // It lands on its working day: as itself, or with a later holiday's held post that stands for both.
          const landed = planDay(plan.to, schedule);
          expect(landed).toMatchObject({ kind: 'post' });
          expect(landed.kind === 'post' && landed.heldFrom !== undefined && landed.heldFrom.date >= date).toBe(true);
        }
      }),
    );
  });
});

describe('localInstant', () => {
  it('reads a wall-clock time in the zone, across both daylight-saving changes', () => {
    expect(localInstant('2026-09-08', '09:00', 'America/Toronto').toISOString()).toBe('2026-09-08T13:00:00.000Z');
    expect(localInstant('2026-12-08', '09:00:00', 'America/Toronto').toISOString()).toBe('2026-12-08T14:00:00.000Z');
    expect(localInstant('2027-03-14', '10:00', 'America/Toronto').toISOString()).toBe('2027-03-14T14:00:00.000Z');
    expect(localInstant('2026-11-01', '10:00', 'America/Toronto').toISOString()).toBe('2026-11-01T15:00:00.000Z');
  });

  it('gives back the wall-clock time it was asked for, for any date and time outside the changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 }), (offset, hour, minute) => {
        const date = addDays('2020-01-01', offset);
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const instant = localInstant(date, time, 'America/Toronto');
        const parts = localParts(instant, 'America/Toronto');
        expect([localIsoDate(instant, 'America/Toronto'), parts.hour, parts.minute]).toEqual([date, hour, minute]);
      }),
    );
  });
});
