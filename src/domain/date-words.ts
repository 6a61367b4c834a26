import { normalize } from './text.js';

/** A calendar day as people write it: the month always, the day and year when given. */
export interface DateInWords {
  month: number;
  day?: number;
  year?: number;
}

const MONTHS: readonly (readonly string[])[] = [
  ['janvier', 'january'],
  ['fevrier', 'february'],
  ['mars', 'march'],
  ['avril', 'april'],
  ['mai', 'may'],
  ['juin', 'june'],
  ['juillet', 'july'],
  ['aout', 'august'],
  ['septembre', 'september'],
  ['octobre', 'october'],
  ['novembre', 'november'],
  ['decembre', 'december'],
];

/** Words around a date that say nothing about which day it is ("le mercredi 16 avril", "on April 16th"). */
const FILLER_WORDS = new Set([
  'le', 'the', 'on', 'of', 'du', 'en',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** "avril", "April", "avr", "sept": a month's name in either language, or its first three letters or more. */
function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const months = new Set<number>();
  MONTHS.forEach((names, index) => names.forEach((name) => name.startsWith(word) && months.add(index + 1)));
  return months.size === 1 ? [...months][0] : undefined;
}

/** "16", "16th", "1st", "1er" → the day of the month. */
function dayOf(word: string): number | undefined {
  const day = /^(\d{1,2})(?:st|nd|rd|th|er|e)?$/.exec(word)?.[1];
  return day && Number(day) >= 1 && Number(day) <= 31 ? Number(day) : undefined;
}

function yearOf(word: string): number | undefined {
  return /^\d{4}$/.test(word) ? Number(word) : undefined;
}

/**
 * Reads a date written in words, French or English: "16 avril", "le 16 avril 2025", "April 16",
 * "April 16th, 2025", "16 April", "avril 2025" (the whole month). Undefined for anything else.
 */
export function parseDateWords(text: string): DateInWords | undefined {
  const tokens = normalize(text)
    .split(' ')
    .filter((word) => word && !FILLER_WORDS.has(word));
  const [first = '', second = '', third, ...more] = tokens;
  if (more.length > 0) return undefined;
  const withYear = (date: DateInWords): DateInWords | undefined => {
    if (third === undefined) return date;
    const year = yearOf(third);
    return year === undefined ? undefined : { ...date, year };
  };
  const dayFirst = { day: dayOf(first), month: monthOf(second) };
  if (dayFirst.day !== undefined && dayFirst.month !== undefined) return withYear({ month: dayFirst.month, day: dayFirst.day });
  const month = monthOf(first);
  if (month === undefined) return undefined;
  const day = dayOf(second);
  if (day !== undefined) return withYear({ month, day });
  const year = yearOf(second);
  return year !== undefined && third === undefined ? { month, year } : undefined;
}

/** True when the `YYYY-MM-DD` date falls on the day (or in the month) written in words. */
export function isOnDate(isoDate: string, date: DateInWords): boolean {
  const [year, month, day] = isoDate.split('-').map(Number);
  return month === date.month && (date.day === undefined || day === date.day) && (date.year === undefined || year === date.year);
}
