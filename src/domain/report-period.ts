import { addDays, dateParts, isoDateOf } from './dates.js';
import { normalize } from './text.js';

/**
 * The span a report covers: a calendar month (`2026-11`), a quarter (`2026-Q4`) or a year
 * (`2026`), with its first and last days (inclusive). Pure.
 */
export interface ReportPeriod {
  /** `2026-11`, `2026-Q4` or `2026`: the period's name in file names and run keys. */
  key: string;
  kind: 'month' | 'quarter' | 'year';
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** Years a report may name: the corridor's records start in 2025. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Month names people type, in either language, normalised (accents folded): `novembre 2026`, `Nov 2026`. */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['january', 'jan', 'janvier', 'janv'],
  ['february', 'feb', 'fevrier', 'fev', 'fevr'],
  ['march', 'mar', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai'],
  ['june', 'jun', 'juin'],
  ['july', 'jul', 'juillet', 'juil'],
  ['august', 'aug', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'decembre'],
];

export function monthPeriod(year: number, month: number): ReportPeriod {
  const from = isoDateOf(year, month, 1);
  return { key: from.slice(0, 7), kind: 'month', from, to: lastDayOfMonth(year, month) };
}

export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { key: `${year}-Q${quarter}`, kind: 'quarter', from: isoDateOf(year, firstMonth, 1), to: lastDayOfMonth(year, firstMonth + 2) };
}

export function yearPeriod(year: number): ReportPeriod {
  return { key: String(year), kind: 'year', from: isoDateOf(year, 1, 1), to: isoDateOf(year, 12, 31) };
}

function lastDayOfMonth(year: number, month: number): string {
  return month === 12 ? isoDateOf(year, 12, 31) : addDays(isoDateOf(year, month + 1, 1), -1);
}

function validYear(text: string | undefined): number | undefined {
  const year = Number(text);
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR ? year : undefined;
}

/**
 * A period as typed: `2026-11`, `2026-Q4` (`Q4 2026`, `T4 2026`, `2026 T4`: French writes
 * *trimestre*), `2026`, or a month in words (`novembre 2026`, `Nov 2026`). Undefined when it names none.
 */
export function parseReportPeriod(text: string): ReportPeriod | undefined {
  const tokens = normalize(text).split(' ').filter(Boolean);
  const yearAt = tokens.findIndex((token) => /^\d{4}$/.test(token));
  const year = validYear(tokens[yearAt]);
  if (year === undefined || tokens.length > 2) return undefined;
  if (tokens.length === 1) return yearPeriod(year);
  const other = tokens[1 - yearAt]!;
  const quarter = /^[qt]([1-4])$/.exec(other);
  if (quarter) return quarterPeriod(year, Number(quarter[1]));
  // A month by number only after its year, as ISO writes it (`2026-11`): `11 2026` could be a day.
  if (/^\d{1,2}$/.test(other)) return yearAt === 0 && Number(other) >= 1 && Number(other) <= 12 ? monthPeriod(year, Number(other)) : undefined;
  const month = MONTH_WORDS.findIndex((names) => names.includes(other));
  return month >= 0 ? monthPeriod(year, month + 1) : undefined;
}

/** The last calendar month that ended before `today` (`YYYY-MM-DD`): the report's default. */
export function lastFullMonth(today: string): ReportPeriod {
  const [year, month] = dateParts(today);
  return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
}

/** The months a period's charts run over: the twelve months ending with the period's last (a year: its own twelve). */
export function chartMonths(period: ReportPeriod, count = 12): ReportPeriod[] {
  const [year, month] = dateParts(period.to);
  return Array.from({ length: count }, (_, index) => {
    const back = count - 1 - index;
    const total = year * 12 + (month - 1) - back;
    return monthPeriod(Math.floor(total / 12), (total % 12) + 1);
  });
}

/** Whether a calendar date falls within the period. */
export function inPeriod(date: string, period: Pick<ReportPeriod, 'from' | 'to'>): boolean {
  return date >= period.from && date <= period.to;
}
