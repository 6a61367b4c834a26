// What OQLF typography asks of French prose, for the tests that read the catalogue and what is rendered.

/** A colon or semicolon of the prose (followed by a space or the end) with no non-breaking space before it. */
export function lacksSpaceBefore(text: string): boolean {
  return /(^|[^\u00a0\u202f])[:;](?=\s|$)/m.test(prose(text));
}

/**
 * A text without the spots where a colon is no punctuation: emoji codes, web addresses, what people
 * type (code spans, options, variables such as `sqlite:<chemin>`), times and cron expressions.
 */
export function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, '')
    .replace(/:[a-z0-9_+-]+:/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\b(https?|sqlite|postgres|ws):\S*/g, '')
    .replace(/\d:\d/g, '');
}

/** A whole hour written with its zero minutes: the OQLF writes « 11 h », not « 11 h 00 ». */
export const ZERO_MINUTES = /\b\d{1,2} h 00\b/;
