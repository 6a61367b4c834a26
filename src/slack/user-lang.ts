import type { WebClient } from '@slack/web-api';
import { langFromLocale, type Lang } from '../i18n/index.js';

const CACHE_MS = 60 * 60 * 1000;
/** A failed lookup is retried sooner, but not on every command. */
const FAILURE_CACHE_MS = 5 * 60 * 1000;
/** Slack waits 3 s for an answer; the language lookup must never eat that budget. */
const LOOKUP_TIMEOUT_MS = 800;

/**
 * Slash command payloads carry no locale, so the user's is asked once (users.info with
 * include_locale) and cached; on any failure or delay the reply is in English.
 */
export class UserLanguages {
  private readonly cache = new Map<string, { lang: Lang; until: number }>();

  constructor(private readonly client: WebClient, private readonly clock: () => number = Date.now) {}

  /** The user's language when already known, without waiting: most commands come from known users. */
  known(userId: string): Lang | undefined {
    const cached = this.cache.get(userId);
    return cached && cached.until > this.clock() ? cached.lang : undefined;
  }

  async of(userId: string): Promise<Lang> {
    const known = this.known(userId);
    if (known) return known;
    const lang = await Promise.race([this.lookUp(userId), delay(LOOKUP_TIMEOUT_MS).then(() => undefined)]);
    this.cache.set(userId, { lang: lang ?? 'en', until: this.clock() + (lang ? CACHE_MS : FAILURE_CACHE_MS) });
    return lang ?? 'en';
  }

  private async lookUp(userId: string): Promise<Lang | undefined> {
    try {
      const result = await this.client.users.info({ user: userId, include_locale: true });
      return langFromLocale(result.user?.locale);
    } catch {
      return undefined;
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
