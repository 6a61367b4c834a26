import Holidays from 'date-holidays';
import { addDays, dateParts, isoWeekday } from './dates.js';
import type { Lang } from './lang.js';
import type { BilingualText } from './types.js';

/**
 * The corridor's public holidays, from the date-holidays package (its `public` type only: bank
 * holidays, observances and optional days are working days here). Pure: the package computes them
 * from its own rules, without I/O.
 */

/** A region as CORRIDOR_HOLIDAYS names it: `CA-QC`, `US-VT`, or a whole country (`CA`). */
export interface HolidayRegion {
  country: string;
  state?: string;
}

export interface PublicHoliday {
  date: string;
  name: BilingualText;
  /** Which of the corridor's languages the region speaks (date-holidays' list): Québec both, Vermont English. */
  regionLangs: readonly Lang[];
  /** The region it is a holiday of, as configured (`CA-QC`). */
  region: string;
}

/** `CA-QC` → { country: 'CA', state: 'QC' }; undefined when date-holidays does not know the region. */
export function holidayRegion(entry: string): HolidayRegion | undefined {
  const match = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,3}))?$/.exec(entry.trim());
  if (!match) return undefined;
  const country = match[1]!.toUpperCase();
  const state = match[2]?.toUpperCase();
  const known = new Holidays();
  if (!known.getCountries()?.[country]) return undefined;
  if (state !== undefined && !known.getStates(country)?.[state]) return undefined;
  return state === undefined ? { country } : { country, state };
}

export function regionName({ country, state }: HolidayRegion): string {
  return state === undefined ? country : `${country}-${state}`;
}

/**
 * The names date-holidays gives that a reader of the corridor would not use: US holidays it leaves
 * in English in French (Thanksgiving Day → Jour de l’Action de grâce), one holiday named differently
 * by two states (Presidents' Day, President's Day, Washington's Birthday), and the US spelling of
 * Labor Day, the same day as Canada's. Keyed by date-holidays' English name.
 */
const HOLIDAY_NAMES: Readonly<Record<string, BilingualText>> = (() => {
  const presidents = { en: 'Presidents’ Day', fr: 'Jour des Présidents' };
  const kingDay = { en: 'Martin Luther King Jr. Day', fr: 'Journée de Martin Luther King Jr.' };
  return {
    "Presidents' Day": presidents,
    "President's Day": presidents,
    "Washington's Birthday": presidents,
    "Washington's Birthday/President's Day": presidents,
    'Martin Luther King Jr. Day': kingDay,
    'Martin Luther King, Jr./ Civil Rights Day': kingDay,
    'Thanksgiving Day': { en: 'Thanksgiving Day', fr: 'Jour de l’Action de grâce' },
    'Day after Thanksgiving': { en: 'Day after Thanksgiving', fr: 'Lendemain de l’Action de grâce' },
    'Veterans Day': { en: 'Veterans Day', fr: 'Jour du Souvenir' },
    'Columbus Day': { en: 'Columbus Day', fr: 'Jour de Christophe Colomb' },
    "Indigenous Peoples' Day": { en: 'Indigenous Peoples’ Day', fr: 'Journée des peuples autochtones' },
    'Election Day': { en: 'Election Day', fr: 'Jour des élections' },
    'Labour Day': { en: 'Labor Day', fr: 'Fête du Travail' },
  };
})();

/** Holidays per region and year, in both languages: computing a year's rules costs milliseconds. */
const yearCache = new Map<string, PublicHoliday[]>();

function publicHolidaysOfYear(region: HolidayRegion, year: number): PublicHoliday[] {
  const key = `${regionName(region)}:${year}`;
  let holidays = yearCache.get(key);
  if (!holidays) {
    const calendar = new Holidays(region.country, region.state ?? '', { types: ['public'] });
    // The lists come from the same rules, in the same order: only the names differ.
    // Before asking for names in a language, which adds it to the instance's languages.
    const spoken = calendar.getLanguages();
    const regionLangs = (['fr', 'en'] as const).filter((lang) => spoken.some((code) => code.startsWith(lang)));
    // Both lists come from the same rules, in the same order: only the names differ.
    const french = calendar.getHolidays(year, 'fr');
    holidays = calendar
      .getHolidays(year, 'en')
      .map((holiday, index) => ({ holiday, name: HOLIDAY_NAMES[holiday.name] ?? { en: holiday.name, fr: french[index]?.name ?? holiday.name } }))
      .filter(({ holiday }) => holiday.type === 'public')
      .map(({ holiday, name }) => ({ date: holiday.date.slice(0, 10), name, regionLangs, region: regionName(region) }));
    yearCache.set(key, holidays);
  }
  return holidays;
}

/**
 * A holiday's name in a language, with its name in the other language beside it where the region
 * speaks that one too: `National Holiday (Fête nationale du Québec)`, but Vermont's `Independence Day` alone.
 */
export function holidayName(holiday: PublicHoliday, lang: Lang): string {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const name = holiday.name[lang];
  const gloss = holiday.name[other];
  return holiday.regionLangs.includes(other) && gloss !== name ? `${name} (${gloss})` : name;
}

/** The public holidays falling on a date in any of the regions (one entry per name: regions often share one). */
export function holidaysOn(isoDate: string, regions: readonly HolidayRegion[]): PublicHoliday[] {
  const [year] = dateParts(isoDate);
  const found = new Map<string, PublicHoliday>();
  for (const region of regions) {
    for (const holiday of publicHolidaysOfYear(region, year)) {
      if (holiday.date === isoDate && !found.has(holiday.name.en)) found.set(holiday.name.en, holiday);
    }
  }
  return [...found.values()];
}

/** Monday to Friday, and a public holiday in none of the regions. */
export function isWorkingDay(isoDate: string, regions: readonly HolidayRegion[]): boolean {
  return isoWeekday(isoDate) <= 5 && holidaysOn(isoDate, regions).length === 0;
}

/** The first working day after a date. */
export function nextWorkingDay(isoDate: string, regions: readonly HolidayRegion[]): string {
  let day = addDays(isoDate, 1);
  // A year holds far fewer than 60 days off in a row: the bound only guards against a bad rule.
  for (let step = 0; step < 60 && !isWorkingDay(day, regions); step += 1) day = addDays(day, 1);
  return day;
}
