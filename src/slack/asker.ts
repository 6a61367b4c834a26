import type { Config } from '../config/env.js';
import { localIsoDate } from '../domain/dates.js';
import { canChangeRecords } from '../domain/permissions.js';
import { catalogue, type Catalogue, type Lang } from '../i18n/index.js';

/** Who is asking and what they may do: the same for a command, a click and a form submission. */
export interface Asker {
  userId: string;
  lang: Lang;
  t: Catalogue;
  /** May change the corridor's records (a coordinator). */
  isAdmin: boolean;
  now: Date;
  /** Today in the corridor's time zone, `YYYY-MM-DD`. */
  today: string;
}

export interface AskerInput {
  userId: string;
  lang: Lang;
  admins: readonly string[];
  timeZone: string;
  /** Defaults to the current time; tests inject theirs. */
  now?: Date;
}

export function whoIsAsking({ userId, lang, admins, timeZone, now = new Date() }: AskerInput): Asker {
  return {
    userId,
    lang,
    t: catalogue(lang),
    isAdmin: canChangeRecords(userId, admins),
    now,
    today: localIsoDate(now, timeZone),
  };
}

/** The asker of a Slack request (a click, a submission): the app's coordinators, zone and clock. */
export function askerOf(userId: string, lang: Lang, deps: { config: Pick<Config, 'CORRIDOR_ADMINS' | 'CORRIDOR_TZ'>; clock?: () => Date }): Asker {
  return whoIsAsking({ userId, lang, admins: deps.config.CORRIDOR_ADMINS, timeZone: deps.config.CORRIDOR_TZ, now: deps.clock?.() });
}
