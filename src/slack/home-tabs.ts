import type { WebClient } from '@slack/web-api';
import type { Logger } from '@slack/bolt';
import type { Config } from '../config/env.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { viewerOf, whoIsAsking } from './asker.js';
import type { InstallingOrganisation } from './installation.js';
import type { UserLanguages } from './user-lang.js';
import { homeView } from './views/home-view.js';

/** Users whose Home tab is refreshed after a change, most recent visitors first. */
const MAX_TRACKED_VIEWERS = 50;

/**
 * Publishes the Home tab: when a user opens it, and again after each change for the people concerned
 * and the recent visitors, so an open Home tab does not show stale data. Visitors are kept in the
 * database, so whichever replica makes a change refreshes every recent visitor's tab.
 */
export class HomeTabs {
  constructor(
    private readonly deps: { store: CorridorStore; config: Config; userLanguages: UserLanguages; installation: InstallingOrganisation },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** `app_home_opened`: remember the visitor and publish their view. */
  async opened(client: WebClient, userId: string): Promise<void> {
    await this.deps.store.coordination.rememberHomeViewer(userId, this.clock());
    await this.publish(client, [userId]);
  }

  /** After a change: republish for `userIds` (the actor, an item's owners) and recent visitors. */
  async refresh(client: WebClient, userIds: readonly (string | null | undefined)[], logger: Logger): Promise<void> {
    try {
      const viewers = await this.deps.store.coordination.recentHomeViewers(MAX_TRACKED_VIEWERS);
      const targets = [...new Set([...userIds.filter((id): id is string => Boolean(id)), ...viewers])];
      await this.publish(client, targets);
    } catch (error) {
      logger.warn('Refreshing Home tabs failed:', error);
    }
  }

  /**
   * After statuses of action items changed outside the app (the Notion sync): republish for the
   * items' owners and recent visitors.
   */
  async refreshActions(client: WebClient, actionIds: readonly string[], logger: Logger): Promise<void> {
    const items = await Promise.all(actionIds.map((id) => this.deps.store.actions.get(id)));
    await this.refresh(client, items.map((item) => item?.ownerUserId), logger);
  }

  private async publish(client: WebClient, userIds: readonly string[]): Promise<void> {
    const { store, config } = this.deps;
    const [partners, events, actions] = await Promise.all([store.partners.list(), store.events.list(), store.actions.list()]);
    const now = this.clock();
    const results = await Promise.allSettled(
      userIds.map(async (userId) => {
        // The Home tab follows its viewer: another organisation's user gets the public view.
        const { lang, audience } = await viewerOf(userId, this.deps);
        const viewer = whoIsAsking({ userId, lang, audience, admins: config.CORRIDOR_ADMINS, timeZone: config.CORRIDOR_TZ, now });
        const { isAdmin, t, today } = viewer;
        const view = homeView({ partners, events, actions, viewerId: userId, isAdmin, audience, lang, t, today, now, timeZone: config.CORRIDOR_TZ });
        await client.views.publish({ user_id: userId, view });
      }),
    );
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
