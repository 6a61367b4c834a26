import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { channelSharingEvent } from '../../payloads.js';

/**
 * A channel was shared with another organisation, or one left it: the posts it gets switch view at
 * once. An unsharing that leaves other organisations in the channel keeps it shared.
 */
export function channelSharingChanged(deps: SlackDeps) {
  return async ({ event, logger }: SlackEventMiddlewareArgs<'channel_shared' | 'channel_unshared'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = channelSharingEvent.safeParse(event);
    if (!parsed.success) {
      logger.warn(`Ignoring a malformed ${String(event.type).slice(0, 40)} event: ${parsed.error.issues[0]?.message}`);
      return;
    }
    const { type, channel, is_ext_shared: stillShared } = parsed.data;
    deps.channels.noteShared(channel, type === 'channel_shared' || stillShared !== false);
  };
}
