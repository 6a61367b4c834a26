import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { askerOf, type Asker } from '../../asker.js';
import type { SlackDeps } from '../../deps.js';
import { blockActionsPayload } from '../../payloads.js';
import { parseRecordRef } from '../../interaction-ids.js';
import { noticeModal } from '../../views/modals/outcome-modals.js';
import { refusalView } from '../../views/refusal-view.js';

export type ClickArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** A parsed button click: who clicked which button, and where answers can go. */
export interface Click extends Asker {
  actionId: string;
  value: string;
  /** The block of the button clicked: tells a nudge's buttons from the same buttons elsewhere. */
  blockId: string | undefined;
  triggerId: string;
  /** The channel of the message clicked in; undefined in the Home tab and in modals. */
  channelId: string | undefined;
  /** The message clicked in (its ts), and where to answer the clicker; undefined outside messages. */
  messageTs: string | undefined;
  responseUrl: string | undefined;
  /** Opens modals within the trigger's 3 s, with no retry (see slack-clients.ts). */
  modalClient: WebClient;
}

/** Acknowledges the click at once (Slack waits 3 s), then parses it. */
export async function readClick({ ack, body, logger }: ClickArgs, deps: SlackDeps): Promise<Click | undefined> {
  await ack();
  const payload = blockActionsPayload.safeParse(body);
  if (!payload.success) {
    logger.warn(`Ignoring a malformed click: ${payload.error.issues[0]?.message}`);
    return undefined;
  }
  const { user, trigger_id: triggerId, channel, actions, container, response_url: responseUrl } = payload.data;
  const action = actions[0]!;
  return {
    ...(await askerOf(user.id, deps)),
    actionId: action.action_id,
    value: action.value,
    blockId: action.block_id,
    triggerId,
    channelId: channel?.id,
    messageTs: container?.message_ts,
    responseUrl,
    modalClient: deps.modalClient,
  };
}

/**
 * Tells the clicker something: an ephemeral reply under the message they clicked in, or, from the
 * Home tab (no message to answer), a small modal.
 */
export async function tell(args: ClickArgs, click: Click, title: string, text: string): Promise<void> {
  if (args.respond && args.body.response_url) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text });
    return;
  }
  if (click.triggerId) await click.modalClient.views.open({ trigger_id: click.triggerId, view: noticeModal(title, text, click.t) });
}

export async function refuse(args: ClickArgs, click: Click, deps: SlackDeps): Promise<void> {
  await tell(args, click, click.t.modals.refused.title, refusalView(deps.config.CORRIDOR_ADMINS, click.t, click.audience).text);
}

/** Opens a modal for the click; when Slack does not, a click in a message gets a polite line instead. */
export async function openView(args: ClickArgs, click: Click, view: ModalView): Promise<void> {
  try {
    await click.modalClient.views.open({ trigger_id: click.triggerId, view });
  } catch (error) {
    args.logger.warn(`Could not open a modal for ${click.actionId}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    if (args.body.response_url) await args.respond({ response_type: 'ephemeral', replace_original: false, text: click.t.common.modalUnavailable });
  }
}

/** The Home tab's coordinator buttons: *Add partner*, *Add event*, *Add action item*. */
export function addClicked(deps: SlackDeps, build: (click: Click) => Promise<ModalView>) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    if (!click.isAdmin) return refuse(args, click, deps);
    await openView(args, click, await build(click));
  };
}

/** *Edit* under a card: the record's form on its current version, for coordinators; a record gone meanwhile is said so. */
export function editClicked<T extends { removedAt: string | null }>(
  deps: SlackDeps,
  load: (id: string) => Promise<T | undefined>,
  build: (record: T, click: Click) => Promise<ModalView>,
) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    if (!click.isAdmin) return refuse(args, click, deps);
    const record = await load(parseRecordRef(click.value).id);
    if (!record || record.removedAt) return tell(args, click, click.t.modals.gone.title, click.t.changes.gone);
    await openView(args, click, await build(record, click));
  };
}
