import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { UnknownPayloads } from '../../unknown-payloads.js';

export type EventArgs = SlackEventMiddlewareArgs & AllMiddlewareArgs;

/**
 * The one Bolt listener for events, dispatching by type: Bolt runs every listener's matchers on
 * every request, slash commands included, so one listener costs each request less than one per type.
 * Events the app is subscribed to by mistake, or new ones Slack sends, are logged once each, then ignored.
 */
export function eventRouter(routes: Readonly<Record<string, (args: EventArgs) => Promise<void>>>, unknown: UnknownPayloads) {
  const known = new Map(Object.entries(routes));
  return async (args: EventArgs): Promise<void> => {
    const type = String(args.event.type).slice(0, 80);
    const listener = known.get(type);
    if (listener) return listener(args);
    unknown.note(`event ${type}`, args.logger);
  };
}
