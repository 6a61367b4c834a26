import { describe, expect, it } from 'vitest';
import { addDays, ageBetween, localIsoDate, mondayOf } from '../../src/domain/dates.js';

describe('calendar dates', () => {
  it('takes the calendar date in the corridor’s zone, not UTC', () => {
    // 02:30 UTC on the 27th is still the 26th in Toronto.
    expect(localIsoDate(new Date('2026-11-27T02:30:00Z'), 'America/Toronto')).toBe('2026-11-26');
    expect(localIsoDate(new Date('2026-11-27T02:30:00Z'), 'UTC')).toBe('2026-11-27');
  });

  it('moves dates across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the Monday of a date’s week (a Monday is its own)', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('counts an age in whole years, months and days, zero when the end is not later', () => {
    expect(ageBetween('2025-04-16', '2026-11-26')).toEqual({ years: 1, months: 7, days: 10 });
    expect(ageBetween('2026-11-20', '2026-11-26')).toEqual({ years: 0, months: 0, days: 6 });
    expect(ageBetween('2026-11-26', '2026-11-26')).toEqual({ years: 0, months: 0, days: 0 });
    expect(ageBetween('2026-11-27', '2026-11-26')).toEqual({ years: 0, months: 0, days: 0 });
  });
});
