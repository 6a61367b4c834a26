import { randomBytes } from 'node:crypto';
import type { Logger } from '@slack/bolt';
import { catalogue, type Lang } from '../i18n/index.js';
import { markFailed } from './receiver/request-record.js';

/**
 * What the user reads of an error on our side, made true: the error is logged with an ID the user
 * is given to quote, and the request it broke (its Bolt context, when there is one) counts as an
 * error in the metrics rather than `ok`.
 */
export function reportedError(what: string, error: unknown, { logger, lang, context }: { logger: Pick<Logger, 'error'>; lang: Lang; context?: Record<string, unknown> }): string {
  const id = randomBytes(4).toString('hex');
  logger.error(`${what} failed (error ${id}):`, error);
  if (context) markFailed(context);
  return catalogue(lang).common.internalError(id);
}
