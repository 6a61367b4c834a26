import type { KnownBlock } from '@slack/types';
import type { Nudge } from '../../domain/nudges.js';
import type { ActionItem } from '../../domain/types.js';
import { formatDate } from '../../i18n/format.js';
import { catalogue, type Catalogue, type Lang } from '../../i18n/index.js';
import { context, header, section, truncate, type Reply } from '../blocks.js';
import { ACTION_IDS, keyedActionId } from '../interaction-ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { button } from './buttons.js';
import { actionDoneButton } from './record-buttons.js';

/** Items shown with their buttons (two blocks each): the message stays far within Slack's 50 blocks. */
const MAX_ITEMS = 20;
const TEXT_TITLES = 10;
const TEXT_MAX = 3000;

/**
 * A person's weekly nudge, in their language: their overdue action items, then those due within
 * 7 days, each with *Done* and *Postpone a week*. Only ever sent to an internal person, so the
 * buttons and due dates are theirs to see.
 */
export function nudgeView(nudge: Nudge, lang: Lang): Reply {
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
    context(t.nudges.footer),
  ];
  const titles = items.slice(0, TEXT_TITLES).map((item) => item.title[lang]);
  const rest = items.length > TEXT_TITLES ? [t.common.andMore(items.length - TEXT_TITLES)] : [];
  return { text: truncate(t.nudges.text(items.length, [...titles, ...rest].join('; ')), TEXT_MAX), blocks };
}

function itemBlocks(item: ActionItem, lang: Lang, t: Catalogue): KnownBlock[] {
  return [
    section(t.nudges.line(escapeMrkdwn(item.title[lang]), formatDate(item.dueOn!, lang, { weekday: true }))),
    {
      type: 'actions',
      block_id: `nudge:${item.id}`.slice(0, 255),
      elements: [actionDoneButton(item, t), button(t.nudges.postpone, keyedActionId(ACTION_IDS.actionPostpone, item.id), item.id)],
    },
  ];
}
