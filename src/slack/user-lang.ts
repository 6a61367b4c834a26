import type { WebClient } from '@slack/web-api';
import type { UserOrganisation } from '../domain/permissions.js';
import { langFromLocale, type Lang } from '../i18n/index.js';

const CACHE_MS = 60 * 60 * 1000;
/** A failed lookup is retried sooner, but not on every command. */
const FAILURE_CACHE_MS = 5 * 60 * 1000;
/** Slack waits 3 s for an answer; the lookup must never eat that budget. */
const LOOKUP_TIMEOUT_MS = 800;

/** What one users.info tells of a user: their language, and their organisation (undefined when the lookup failed). */
export interface UserFacts {
  lang: Lang;
  organisation: UserOrganisation | undefined;
}

interface SlackUserInfo {
  locale?: string;
  team_id?: string;
  is_stranger?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  enterprise_user?: { enterprise_id?: string };
}

/**
 * Slash command payloads carry no locale, so the user's is asked once (users.info with
 * include_locale) and cached; the same answer says which organisation they belong to. On any
 * failure or delay the reply is in English and the organisation is unknown.
 */
export class UserLanguages {
  private readonly cache = new Map<string, { facts: UserFacts; until: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly clock: () => number = Date.now,
    /** How long a lookup may take: a command's budget by default; a scheduled job may wait longer. */
    private readonly timeoutMs = LOOKUP_TIMEOUT_MS,
  ) {}

  async of(userId: string): Promise<Lang> {
    return (await this.facts(userId)).lang;
  }

  /** What is known of the user already, without waiting: most requests come from known users. */
  knownFacts(userId: string): UserFacts | undefined {
    const cached = this.cache.get(userId);
    return cached && cached.until > this.clock() ? cached.facts : undefined;
  }

  async facts(userId: string): Promise<UserFacts> {
    const known = this.knownFacts(userId);
    if (known) return known;
    const found = await Promise.race([this.lookUp(userId), delay(this.timeoutMs).then(() => undefined)]);
    const facts = found ?? { lang: 'en' as const, organisation: undefined };
    this.cache.set(userId, { facts, until: this.clock() + (found ? CACHE_MS : FAILURE_CACHE_MS) });
    return facts;
  }

  private async lookUp(userId: string): Promise<UserFacts | undefined> {
    try {
      const result = await this.client.users.info({ user: userId, include_locale: true });
      const user = result.user as SlackUserInfo | undefined;
      if (!user) return undefined;
      return {
        lang: langFromLocale(user.locale),
        organisation: {
          teamId: user.team_id ?? null,
          enterpriseId: user.enterprise_user?.enterprise_id ?? null,
          isStranger: user.is_stranger === true,
          isGuest: user.is_restricted === true || user.is_ultra_restricted === true,
        },
      };
    } catch {
      return undefined;
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
