/**
 * CORRIDOR_TZ must name a place (America/Toronto), not an abbreviation: Intl accepts "EST", which
 * stays at UTC−5 all year, so every summer date and time would be an hour off.
 */

/** The place to suggest for an abbreviation (North American ones first: the corridor's). */
const PLACE_FOR: Readonly<Record<string, string>> = {
  EST: 'America/Toronto',
  EDT: 'America/Toronto',
  ET: 'America/Toronto',
  EST5EDT: 'America/Toronto',
  CST: 'America/Winnipeg',
  CDT: 'America/Winnipeg',
  CT: 'America/Winnipeg',
  CST6CDT: 'America/Winnipeg',
  MST: 'America/Edmonton',
  MDT: 'America/Edmonton',
  MT: 'America/Edmonton',
  MST7MDT: 'America/Edmonton',
  PST: 'America/Vancouver',
  PDT: 'America/Vancouver',
  PT: 'America/Vancouver',
  PST8PDT: 'America/Vancouver',
  AST: 'America/Halifax',
  ADT: 'America/Halifax',
  NST: 'America/St_Johns',
  NDT: 'America/St_Johns',
  AKST: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  GMT: 'UTC',
  BST: 'Europe/London',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
};

/** What the default suggests when the abbreviation is not one we know. */
export const DEFAULT_PLACE = 'America/Toronto';

export type TimeZoneProblem = { kind: 'unknown' } | { kind: 'abbreviation'; suggestion: string };

/** Why a CORRIDOR_TZ value is refused; undefined when it names a place (or UTC) Intl knows. */
export function timeZoneProblem(value: string): TimeZoneProblem | undefined {
  const known = isIntlTimeZone(value);
  if (known && (value.includes('/') || value.toUpperCase() === 'UTC')) return undefined;
  const suggestion = PLACE_FOR[value.toUpperCase()];
  if (known || suggestion) return { kind: 'abbreviation', suggestion: suggestion ?? DEFAULT_PLACE };
  return { kind: 'unknown' };
}

function isIntlTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
