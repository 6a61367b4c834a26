import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Coordination } from '../store/coordination.js';

/**
 * Global middleware: an Events API delivery is handled once whichever replica receives it. Slack
 * retries an event it thinks was missed (X-Slack-Retry-Num) with the same event_id, possibly to
 * another replica; the ID is recorded in the database, so the repeat is acknowledged and dropped.
 */
export function handleEachEventOnce(coordination: Coordination, clock: () => Date = () => new Date()): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      // The database unreachable: better to handle an event twice than to lose it.
      const first = await coordination.firstDelivery(`event:${eventId}`, clock()).catch(() => true);
      if (!first) {
        logger.debug(`Event ${eventId} was already handled (a retry from Slack); dropped.`);
        return;
      }
    }
    await next();
  };
}
