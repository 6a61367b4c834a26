import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { snoozeUntil } from '../../../domain/snooze.js';
import { formatDate, localDate } from '../../../i18n/format.js';
import { catalogue } from '../../../i18n/index.js';
import type { SlackDeps } from '../../deps.js';
import { reminderButtonPayload } from '../../payloads.js';
import { partnerName } from '../../views/partner-text.js';
import { messageView } from '../../views/unknown-command-view.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** *Snooze 1 week* on a reminder: the partner is left out of the reminders for seven days. */
export function snoozeButtonListener(deps: SlackDeps) {
  return async ({ ack, body, client, respond, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const payload = reminderButtonPayload.safeParse(body);
    if (!payload.success) {
      logger.warn(`Ignoring a malformed Snooze click: ${payload.error.issues[0]?.message}`);
      return;
    }
    const { user, channel, response_url: responseUrl, actions } = payload.data;
    const target = { respond, client, responseUrl, channelId: channel?.id, userId: user.id };
    const lang = await deps.userLanguages.of(user.id);
    const t = catalogue(lang);
    const partnerId = actions[0]!.value ?? '';
    const partner = partnerId ? await deps.store.partners.get(partnerId) : undefined;
    if (!partner || partner.removedAt !== null) {
      await replyEphemeral(target, messageView(t.snooze.notFound));
      return;
    }
    const now = new Date();
    const until = snoozeUntil(localDate(now, deps.config.CORRIDOR_TZ));
    await deps.store.snoozes.snooze({ partnerId: partner.id, until, snoozedBy: user.id, snoozedAt: now.toISOString() });
    await replyEphemeral(target, messageView(t.snooze.done(partnerName(partner), formatDate(until, lang))));
  };
}
