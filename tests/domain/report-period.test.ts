import { describe, expect, it } from 'vitest';
import { chartMonths, lastFullMonth, parseReportPeriod } from '../../src/domain/report-period.js';

describe('report periods', () => {
  it('reads a month, a quarter and a year as ISO writes them, with their first and last days', () => {
    expect(parseReportPeriod('2026-11')).toEqual({ key: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    expect(parseReportPeriod('2026-Q4')).toEqual({ key: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(parseReportPeriod('2026')).toEqual({ key: '2026', kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(parseReportPeriod('2028-02')?.to).toBe('2028-02-29');
    expect(parseReportPeriod('2026-Q1')?.to).toBe('2026-03-31');
  });

  it('takes the words people type, in French and English', () => {
    expect(parseReportPeriod('T4 2026')?.key).toBe('2026-Q4');
    expect(parseReportPeriod('q2 2026')?.key).toBe('2026-Q2');
    expect(parseReportPeriod('2026 T1')?.key).toBe('2026-Q1');
    expect(parseReportPeriod('novembre 2026')?.key).toBe('2026-11');
    expect(parseReportPeriod('Février 2027')?.key).toBe('2027-02');
    expect(parseReportPeriod('Nov 2026')?.key).toBe('2026-11');
    expect(parseReportPeriod(' août 2026 ')?.key).toBe('2026-08');
  });

  it('names no period for what is not one', () => {
    for (const typed of ['', '2026-13', '2026-00', '2026-Q5', '26-11', 'last month', '11 2026', '2026-11-05', 'brumaire 2026', '1999', '2026 11 12']) {
      expect(parseReportPeriod(typed), typed).toBeUndefined();
    }
  });

  it('defaults to the last full month, January going back to the previous December', () => {
    expect(lastFullMonth('2026-12-05')).toEqual({ key: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    expect(lastFullMonth('2027-01-01').key).toBe('2026-12');
    expect(lastFullMonth('2026-03-31').key).toBe('2026-02');
  });

  it('charts the twelve months that end with the period', () => {
    const months = chartMonths(parseReportPeriod('2026-Q1')!).map((month) => month.key);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-04');
    expect(months[11]).toBe('2026-03');
    expect(chartMonths(parseReportPeriod('2026')!).map((month) => month.key)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
  });
});
