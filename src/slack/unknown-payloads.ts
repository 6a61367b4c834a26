import type { Logger } from '@slack/bolt';
import { BoundedSet } from './bounded-set.js';

// Enough for every kind an app realistically receives; beyond it the oldest may be logged again.
const REMEMBERED_KINDS = 200;

/**
 * Payloads the bot does not understand (an unknown type, button, form or event) are acknowledged so
 * Slack does not retry them, and logged once per kind: a retried or repeated one would flood the log.
 */
export class UnknownPayloads {
  private readonly seen = new BoundedSet(REMEMBERED_KINDS);

  /** Logs `what` the first time this kind is seen; true when it was logged. */
  note(kind: string, logger: Pick<Logger, 'warn'>, what = kind): boolean {
    if (!this.seen.add(kind)) return false;
    logger.warn(`Acknowledged a payload the bot does not handle: ${what} (logged once)`);
    return true;
  }
}
