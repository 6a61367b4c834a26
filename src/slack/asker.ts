import type { Config } from '../config/env.js';
import { localIsoDate } from '../domain/dates.js';
import { audienceOfUser, canChangeRecords, type Audience } from '../domain/permissions.js';
import { catalogue, type Catalogue, type Lang } from '../i18n/index.js';
import type { InstallingOrganisation } from './installation.js';
import type { UserLanguages } from './user-lang.js';

/** Who is asking and what they may do: the same for a command, a click, a form submission and the Home tab. */
export interface Asker {
  userId: string;
  lang: Lang;
  t: Catalogue;
  /** What they may see: the coordinators' side (`internal`) or the public view (another organisation, or unknown). */
  audience: Audience;
  /** May change the corridor's records (a coordinator, from inside). */
  isAdmin: boolean;
  now: Date;
  /** Today in the corridor's time zone, `YYYY-MM-DD`. */
  today: string;
}

export interface AskerInput {
  userId: string;
  lang: Lang;
  audience: Audience;
  admins: readonly string[];
  timeZone: string;
  /** Defaults to the current time; tests inject theirs. */
  now?: Date;
}

export function whoIsAsking({ userId, lang, audience, admins, timeZone, now = new Date() }: AskerInput): Asker {
  return {
    userId,
    lang,
    t: catalogue(lang),
    audience,
    isAdmin: canChangeRecords(userId, admins, audience),
    now,
    today: localIsoDate(now, timeZone),
  };
}

/** How a Slack user is known: one cached users.info (language and organisation) against the installing organisation. */
export interface ViewerSources {
  userLanguages: UserLanguages;
  installation: InstallingOrganisation;
}

/** The viewer's language and audience: the one place where inside and outside are told apart. */
export async function viewerOf(userId: string, sources: ViewerSources): Promise<{ lang: Lang; audience: Audience }> {
  const known = knownViewerOf(userId, sources);
  if (known) return known;
  const [facts, installation] = await Promise.all([sources.userLanguages.facts(userId), sources.installation.get()]);
  return { lang: facts.lang, audience: audienceOfUser(facts.organisation, installation) };
}

/** The same, when both the user and the installation are known already: a command need not wait for it. */
export function knownViewerOf(userId: string, sources: ViewerSources): { lang: Lang; audience: Audience } | undefined {
  const facts = sources.userLanguages.knownFacts(userId);
  const installation = sources.installation.current;
  return facts && installation ? { lang: facts.lang, audience: audienceOfUser(facts.organisation, installation) } : undefined;
}

/**
 * The asker of a Slack request (a click, a submission, a Home tab): the app's coordinators, zone and
 * clock. `lang` overrides the user's own (a form answers in the language it was opened in).
 */
export async function askerOf(
  userId: string,
  deps: ViewerSources & { config: Pick<Config, 'CORRIDOR_ADMINS' | 'CORRIDOR_TZ'>; clock?: () => Date },
  lang?: Lang,
): Promise<Asker> {
  const viewer = await viewerOf(userId, deps);
  return whoIsAsking({
    userId,
    lang: lang ?? viewer.lang,
    audience: viewer.audience,
    admins: deps.config.CORRIDOR_ADMINS,
    timeZone: deps.config.CORRIDOR_TZ,
    now: deps.clock?.(),
  });
}
