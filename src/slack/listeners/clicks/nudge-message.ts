import { isOpen } from '../../../domain/action-items.js';
import type { ActionItem } from '../../../domain/types.js';
import { formatDate } from '../../../i18n/format.js';
import { messageAt, type HeldMessage } from '../../message-at.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { isNudgeButtonsBlockId, nudgeOffersItem, nudgeWithItemHandled } from '../../views/nudge-view.js';
import type { Click, ClickArgs } from './click.js';

/** The personal nudge a click came from, as Slack holds it now, with where it is. */
export interface ClickedNudge extends HeldMessage {
  channelId: string;
  ts: string;
}

/**
 * The nudge clicked in, read back from the direct message (a click on a stale copy carries the
 * message as it was); undefined for a click elsewhere (Home tab, item card) or when Slack cannot say.
 */
export async function clickedNudge(args: ClickArgs, click: Click): Promise<ClickedNudge | undefined> {
  const { channelId, messageTs } = click;
  if (!isNudgeButtonsBlockId(click.blockId) || !channelId || !messageTs) return undefined;
  try {
    const message = await messageAt(args.client, channelId, messageTs);
    return message && { ...message, channelId, ts: messageTs };
  } catch (error) {
    args.logger.warn(`Could not read the nudge ${messageTs} in ${channelId}: ${describe(error)}`);
    return undefined;
  }
}

/** Whether the click may act: anywhere but a nudge, or in a nudge that still offers the item's buttons. */
export function stillOffered(nudge: ClickedNudge | undefined, item: ActionItem): boolean {
  return !nudge || nudgeOffersItem(nudge.blocks, item.id);
}

/** The polite answer to a click on an item handled already: done, or postponed to its due date. */
export function alreadyHandled(item: ActionItem, { t, lang }: Click): string {
  const title = escapeMrkdwn(item.title[lang]);
  if (!isOpen(item) || !item.dueOn) return t.changes.alreadyDone(title);
  return t.nudges.alreadyPostponed(title, formatDate(item.dueOn, lang, { weekday: true }));
}

/**
 * The nudge updated in place (chat.update on the bot's own message in the direct message): the
 * item's line becomes `line`, without its buttons, the other items keep theirs. False when Slack
 * refused, so the caller answers otherwise.
 */
export async function showHandledInNudge(args: ClickArgs, nudge: ClickedNudge, item: ActionItem, line: string): Promise<boolean> {
  const blocks = nudgeWithItemHandled(nudge.blocks, item.id, line);
  if (!blocks) return false;
  try {
    await args.client.chat.update({ channel: nudge.channelId, ts: nudge.ts, text: nudge.text || line, blocks });
    return true;
  } catch (error) {
    args.logger.warn(`Could not update the nudge ${nudge.ts} in ${nudge.channelId}: ${describe(error)}`);
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
