import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Partner } from '../../../domain/types.js';
import { formatDate } from '../../../i18n/format.js';
import { catalogue } from '../../../i18n/index.js';
import type { SlackDeps } from '../../deps.js';
import { messageAt } from '../../message-at.js';
import { mentionUser } from '../../mrkdwn.js';
import { channelLangs } from '../../views/channel-message.js';
import type { MessageOrigin } from '../../views/modals/metadata.js';
import { partnerName } from '../../views/partner-text.js';
import { signedInReminder } from '../../views/reminder-view.js';

/**
 * The reminder whose *Mark as signed* was clicked, updated in place (chat.update): the partner shown
 * signed, by whom, its buttons gone, so nobody clicks a stale button. The message is read back first
 * (`messageAt`): the other partners it shows stay as they are.
 */
export async function showSignedInReminder(
  { client, logger }: { client: WebClient; logger: Logger },
  deps: SlackDeps,
  origin: MessageOrigin,
  partner: Partner,
  signedBy: string,
): Promise<void> {
  const { channelId, messageTs } = origin;
  if (!channelId || !messageTs) return;
  try {
    const message = await messageAt(client, channelId, messageTs);
    const langs = channelLangs(deps.config.CORRIDOR_CHANNEL_LANG);
    const text = langs
      .map((lang) => catalogue(lang).reminder.signedBy(partnerName(partner), formatDate(partner.joinedOn ?? '', lang), mentionUser(signedBy)))
      .join('\n');
    const blocks = message?.blocks.length ? signedInReminder(message.blocks, partner.id, text) : undefined;
    if (!blocks) return;
    await client.chat.update({ channel: channelId, ts: messageTs, text: message?.text || text, blocks });
  } catch (error) {
    logger.warn(`Could not update the reminder ${messageTs} in ${channelId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
