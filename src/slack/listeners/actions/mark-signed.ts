import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { canChangeRecords } from '../../../domain/permissions.js';
import { localDate } from '../../../i18n/format.js';
import { catalogue } from '../../../i18n/index.js';
import type { SlackDeps } from '../../deps.js';
import { reminderButtonPayload } from '../../payloads.js';
import { markSignedModal } from '../../views/mark-signed-view.js';
import { partnerName } from '../../views/partner-text.js';
import { refusalView } from '../../views/refusal-view.js';
import { messageView } from '../../views/unknown-command-view.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** *Mark as signed* on a reminder: coordinators get the signing-date form, others a polite refusal. */
export function markSignedButtonListener(deps: SlackDeps) {
  return async ({ ack, body, client, respond, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const payload = reminderButtonPayload.safeParse(body);
    if (!payload.success) {
      logger.warn(`Ignoring a malformed Mark as signed click: ${payload.error.issues[0]?.message}`);
      return;
    }
    const { user, trigger_id: triggerId, channel, response_url: responseUrl, actions } = payload.data;
    const target = { respond, client, responseUrl, channelId: channel?.id, userId: user.id };
    const t = catalogue(await deps.userLanguages.of(user.id));
    if (!canChangeRecords(user.id, deps.config.CORRIDOR_ADMINS)) {
      await replyEphemeral(target, refusalView(deps.config.CORRIDOR_ADMINS, t));
      return;
    }
    const partnerId = actions[0]!.value ?? '';
    const partner = partnerId ? await deps.store.partners.get(partnerId) : undefined;
    if (!partner || partner.removedAt !== null) {
      await replyEphemeral(target, messageView(t.markSigned.notFound));
      return;
    }
    if (partner.status !== 'pending') {
      await replyEphemeral(target, messageView(t.markSigned.notPending(partnerName(partner))));
      return;
    }
    const today = localDate(new Date(), deps.config.CORRIDOR_TZ);
    await client.views.open({
      trigger_id: triggerId,
      view: markSignedModal(partner, today, t, { partnerId: partner.id, version: partner.version, channelId: channel?.id }),
    });
  };
}
