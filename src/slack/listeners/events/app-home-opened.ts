import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { appHomeOpenedEvent } from '../../payloads.js';
import type { SlackDeps } from '../../deps.js';

/** The user opened the app's Home tab: publish their overview. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = appHomeOpenedEvent.safeParse(event);
    if (!parsed.success) {
      logger.warn(`Ignoring a malformed app_home_opened event: ${parsed.error.issues[0]?.message}`);
      return;
    }
    // The Messages tab opens the same event; only the Home tab has a view to publish.
    if (parsed.data.tab !== 'home') return;
    await deps.home.opened(client, parsed.data.user);
  };
}
