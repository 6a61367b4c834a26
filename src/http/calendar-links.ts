import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/env.js';
import type { Audience } from '../domain/permissions.js';
import type { Lang } from '../i18n/index.js';

/**
 * Links to one event's calendar file: `PUBLIC_URL/calendar/event.ics?id=…&sig=…`. The signature, an
 * HMAC of the event ID under CALENDAR_FEED_KEY, makes a link stable (the same for every replica and
 * restart) and unguessable: without the key nobody can make one for another event.
 */

export type CalendarConfig = Partial<Pick<Config, 'PUBLIC_URL' | 'CALENDAR_FEED_KEY'>>;

export const FEED_PATH = '/calendar.ics';
export const EVENT_FILE_PATH = '/calendar/event.ics';

/**
 * The signature of an event's link for an audience: the file of an internal link (shown to the
 * installing organisation's people only) lists invitees' e-mails; a public one, which other
 * organisations may read, never does. Public links keep the form they always had.
 */
export function eventSignature(key: string, eventId: string, audience: Audience = 'public'): string {
  const signed = audience === 'internal' ? `event:${eventId}:internal` : `event:${eventId}`;
  // 128 bits of the HMAC, in URL-safe base64: far beyond guessing.
  return createHmac('sha256', key).update(signed).digest('base64url').slice(0, 22);
}

/** The *Add to calendar* link of an event, in a language; undefined unless PUBLIC_URL and CALENDAR_FEED_KEY are set. */
export function eventCalendarUrl(config: CalendarConfig, eventId: string, lang: Lang, audience: Audience = 'public'): string | undefined {
  if (!config.PUBLIC_URL || !config.CALENDAR_FEED_KEY) return undefined;
  const query = new URLSearchParams({ id: eventId, sig: eventSignature(config.CALENDAR_FEED_KEY, eventId, audience), lang });
  return `${config.PUBLIC_URL}${EVENT_FILE_PATH}?${query}`;
}

/** The links of an event in each language, for views that show one per language. */
export function calendarLinks(config: CalendarConfig, eventId: string): ((lang: Lang) => string | undefined) | undefined {
  if (!config.PUBLIC_URL || !config.CALENDAR_FEED_KEY) return undefined;
  return (lang) => eventCalendarUrl(config, eventId, lang);
}

/** Compares secrets in constant time, whatever their lengths (both are hashed to 32 bytes first). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
