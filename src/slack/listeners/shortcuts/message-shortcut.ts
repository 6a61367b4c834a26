import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { askerOf, type Asker } from '../../asker.js';
import type { SlackDeps } from '../../deps.js';
import { messageShortcutPayload, type MessageShortcutPayload } from '../../payloads.js';
import { answerThroughResponseUrl } from '../../response-url.js';
import { refusalView } from '../../views/refusal-view.js';

export type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** A message shortcut used by a coordinator: the message, who used it, and a link back to it. */
export interface MessageShortcutUse extends Asker {
  payload: MessageShortcutPayload;
  /** The message's permalink, when Slack gave one in time. */
  permalink: string | undefined;
}

/**
 * A message shortcut that opens a form pre-filled from the message, for coordinators only: others
 * of the workspace get the polite refusal; other organisations get nothing at all. Acknowledged at
 * once; the form opens on the trigger within Slack's 3 s.
 */
export function messageShortcut(deps: SlackDeps, build: (use: MessageShortcutUse) => Promise<ModalView>) {
  return async ({ ack, body, client, logger }: ShortcutArgs): Promise<void> => {
    await ack();
    const payload = messageShortcutPayload.safeParse(body);
    if (!payload.success) {
      logger.warn('Ignoring a malformed message shortcut');
      return;
    }
    const asker = await askerOf(payload.data.user.id, deps);
    if (asker.audience === 'public') return;
    if (!asker.isAdmin) {
      const refusal = refusalView(deps.config.CORRIDOR_ADMINS, asker.t, asker.audience);
      if (payload.data.response_url) await answerThroughResponseUrl(payload.data.response_url, refusal).catch(() => undefined);
      return;
    }
    const permalink = await client.chat
      .getPermalink({ channel: payload.data.channel.id, message_ts: payload.data.message.ts })
      .then((answer) => answer.permalink)
      .catch(() => undefined);
    try {
      await deps.modalClient.views.open({ trigger_id: payload.data.trigger_id, view: await build({ ...asker, payload: payload.data, permalink }) });
    } catch (error) {
      logger.warn(`Could not open the form of ${payload.data.callback_id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  };
}
