import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { UnknownPayloads } from '../../unknown-payloads.js';

/** Events the app is subscribed to by mistake, or new ones Slack sends: logged once each, then ignored. */
export function otherEvents(handled: readonly string[], unknown: UnknownPayloads) {
  const known = new Set(handled);
  return async ({ event, logger }: SlackEventMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const type = String(event.type).slice(0, 80);
    if (!known.has(type)) unknown.note(`event ${type}`, logger);
  };
}
