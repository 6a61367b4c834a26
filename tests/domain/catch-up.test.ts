import { describe, expect, it } from 'vitest';
import { catchUpTime, type CatchUpSchedule } from '../../src/domain/catch-up.js';
import { isoWeekday } from '../../src/domain/dates.js';

const TORONTO = 'America/Toronto';
const mondays: CatchUpSchedule = { timeOfDay: '09:00:00', latestTimeOfDay: '09:00:00', postsOn: (date) => isoWeekday(date) === 1 };
const everyDay: CatchUpSchedule = { timeOfDay: '09:00:00', latestTimeOfDay: '09:00:00', postsOn: () => true };
const at = (iso: string) => catchUpTime('digest', new Date(iso), mondays, TORONTO)?.toISOString();

describe('catchUpTime', () => {
  it('is now in working hours, from the post’s own time of day to 18:00', () => {
    expect(at('2026-11-04T14:00:00Z')).toBe('2026-11-04T14:00:00.000Z'); // Wednesday 09:00
    expect(at('2026-11-04T22:59:59Z')).toBe('2026-11-04T22:59:59.000Z'); // Wednesday 17:59:59
  });

  it('waits for the post’s time that morning, or the next working morning', () => {
    expect(at('2026-11-04T10:24:00Z')).toBe('2026-11-04T14:00:00.000Z'); // Wednesday 05:24 → 09:00
    expect(at('2026-11-04T23:00:00Z')).toBe('2026-11-05T14:00:00.000Z'); // Wednesday 18:00 → Thursday 09:00
    expect(at('2026-11-06T23:00:00Z')).toBeUndefined(); // Friday 18:00: the week ends first
  });

  it('never on a weekend the schedule does not post on; a daily post’s Saturday is a working day', () => {
    expect(at('2026-11-07T10:24:00Z')).toBeUndefined(); // Saturday 05:24
    const saturday = catchUpTime('event-reminder', new Date('2026-11-07T10:24:00Z'), everyDay, TORONTO);
    expect(saturday?.toISOString()).toBe('2026-11-07T14:00:00.000Z');
  });

  it('runs until midnight for a schedule that posts after working hours', () => {
    const evening: CatchUpSchedule = { timeOfDay: '20:00:00', latestTimeOfDay: '20:00:00', postsOn: (date) => isoWeekday(date) === 1 };
    const now = new Date('2026-11-04T03:30:00Z'); // Tuesday 22:30
    expect(catchUpTime('digest', now, evening, TORONTO)).toEqual(now);
    const everyMinute: CatchUpSchedule = { timeOfDay: '00:00:00', latestTimeOfDay: '23:59:00', postsOn: () => true };
    const saturdayNight = new Date('2026-11-08T04:30:00Z'); // Saturday 23:30
    expect(catchUpTime('digest', saturdayNight, everyMinute, TORONTO)).toEqual(saturdayNight);
  });
});
