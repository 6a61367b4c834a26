import type { KnownBlock } from '@slack/types';
import type { FollowUpDue, Nudge } from '../../domain/nudges.js';
import type { ActionItem } from '../../domain/types.js';
import { formatDate } from '../../i18n/format.js';
import { catalogue, type Catalogue, type Lang } from '../../i18n/index.js';
import { context, header, section, truncate, type Reply } from '../blocks.js';
import { ACTION_IDS, keyedActionId } from '../interaction-ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { button } from './buttons.js';
import { actionDoneButton } from './record-buttons.js';

/** Items shown with their buttons (two blocks each): the message stays far within Slack's 50 blocks. */
const MAX_ITEMS = 15;
/** Follow-ups shown (one or two blocks each), after the items: the whole stays under 50 blocks. */
const MAX_FOLLOW_UPS = 6;
const TEXT_TITLES = 10;
const TEXT_MAX = 3000;

/**
 * A person's weekly nudge, in their language: their overdue action items, then those due within
 * 7 days, each with *Done* and *Postpone a week*; then the adhesions they follow whose follow-up
 * is due, with *Log a contact* for a coordinator (the form is theirs). Only ever sent to an
 * internal person, so the buttons, dates and follow-ups are theirs to see.
 */
export function nudgeView(nudge: Nudge, lang: Lang, canLogContacts = false): Reply {
  const t = catalogue(lang);
  const items = [...nudge.overdue, ...nudge.dueSoon];
  const shown = new Set(items.slice(0, MAX_ITEMS));
  const part = (title: string, list: readonly ActionItem[]): KnownBlock[] => {
    const kept = list.filter((item) => shown.has(item));
    return kept.length ? [section(`*${title}*`), ...kept.flatMap((item) => itemBlocks(item, lang, t))] : [];
  };
  const blocks: KnownBlock[] = [
    header(t.nudges.title),
    context(t.nudges.summary(nudge.overdue.length, nudge.dueSoon.length)),
    ...part(t.nudges.overdueTitle, nudge.overdue),
    ...part(t.nudges.dueSoonTitle, nudge.dueSoon),
    ...(items.length > MAX_ITEMS ? [context(t.nudges.more(items.length - MAX_ITEMS))] : []),
    ...followUpBlocks(nudge.followUps.slice(0, MAX_FOLLOW_UPS), lang, t, canLogContacts),
    context(t.nudges.footer),
  ];
  const titles = items.slice(0, TEXT_TITLES).map((item) => item.title[lang]);
  const rest = items.length > TEXT_TITLES ? [t.common.andMore(items.length - TEXT_TITLES)] : [];
  const text = [
    ...(items.length ? [t.nudges.text(items.length, t.common.semicolonJoin([...titles, ...rest]))] : []),
    ...(nudge.followUps.length ? [t.nudges.followUpsText(nudge.followUps.length, t.common.semicolonJoin(nudge.followUps.map(({ partner }) => partner.name)))] : []),
  ].join('\n');
  return { text: truncate(text, TEXT_MAX), blocks };
}

/** The block_id of an item's buttons in a nudge: a click on them is a click in a nudge, and the update finds them. */
export function nudgeButtonsBlockId(itemId: string): string {
  return `${NUDGE_BUTTONS}${itemId}`.slice(0, 255);
}

const NUDGE_BUTTONS = 'nudge:';

export function isNudgeButtonsBlockId(blockId: string | undefined): boolean {
  return blockId?.startsWith(NUDGE_BUTTONS) ?? false;
}

/**
 * The nudge as Slack holds it, with one item handled: its line and buttons become `line` (done,
 * postponed), the rest as it was. Undefined when the item has no buttons there any more (handled
 * already): the message stays as it is. The message only gets shorter, so Slack's limits hold.
 */
export function nudgeWithItemHandled(blocks: readonly KnownBlock[], itemId: string, line: string): KnownBlock[] | undefined {
  const at = itemButtonsAt(blocks, itemId);
  if (at < 0) return undefined;
  const from = at > 0 && blocks[at - 1]!.type === 'section' ? at - 1 : at;
  return [...blocks.slice(0, from), section(line), ...blocks.slice(at + 1)];
}

/** Whether the nudge still offers the item's buttons: otherwise it was handled from there already. */
export function nudgeOffersItem(blocks: readonly KnownBlock[], itemId: string): boolean {
  return itemButtonsAt(blocks, itemId) >= 0;
}

function itemButtonsAt(blocks: readonly KnownBlock[], itemId: string): number {
  return blocks.findIndex((block) => block.type === 'actions' && block.block_id === nudgeButtonsBlockId(itemId));
}

function itemBlocks(item: ActionItem, lang: Lang, t: Catalogue): KnownBlock[] {
  return [
    section(t.nudges.line(escapeMrkdwn(item.title[lang]), formatDate(item.dueOn!, lang, { weekday: true }))),
    {
      type: 'actions',
      block_id: nudgeButtonsBlockId(item.id),
      elements: [actionDoneButton(item, t), button(t.nudges.postpone, keyedActionId(ACTION_IDS.actionPostpone, item.id), item.id)],
    },
  ];
}

function followUpBlocks(followUps: readonly FollowUpDue[], lang: Lang, t: Catalogue, canLogContacts: boolean): KnownBlock[] {
  if (followUps.length === 0) return [];
  return [
    section(`*${t.nudges.followUpsTitle}*`),
    ...followUps.map(({ partner, dueOn }) => {
      const line = t.nudges.followUpLine(escapeMrkdwn(partner.name), formatDate(dueOn, lang, { weekday: true }));
      return section(line, canLogContacts ? button(t.contactLog.button, keyedActionId(ACTION_IDS.logContact, partner.id), partner.id) : undefined);
    }),
  ];
}
