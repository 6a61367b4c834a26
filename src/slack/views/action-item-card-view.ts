import type { KnownBlock } from '@slack/types';
import type { Audience } from '../../domain/permissions.js';
import type { ActionItem } from '../../domain/types.js';
import type { Catalogue } from '../../i18n/index.js';
import { context, fieldsSection, fitBlocks, header, lineSections, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { actionLine } from './action-item-list-view.js';
import { recordFields, type FieldContext } from './record-fields.js';

const CARD_KEYS = ['status', 'ownerUserId', 'dueOn', 'trackId', 'partnerIds', 'completedOn'] as const;
/** Outside, an action item is its title, status and track. */
const PUBLIC_CARD_KEYS = ['status', 'trackId'] as const;

/** One action item: status, owner, due date, track and partners, with any buttons given. */
export function actionCardView(item: ActionItem, input: FieldContext & { audience: Audience; actions?: KnownBlock[] }): Reply {
  const { lang, t } = input;
  const fields = fieldsSection(recordFields('action', item, input.audience === 'public' ? PUBLIC_CARD_KEYS : CARD_KEYS, input));
  return {
    text: `${escapeMrkdwn(item.title[lang])} — ${t.actionStatus[item.status]}`,
    blocks: [header(item.title[lang]), ...(fields ? [fields] : []), ...(input.actions ?? [])],
  };
}

export function actionSeveralView(typed: string, items: ActionItem[], input: FieldContext & { today: string; audience: Audience }): Reply {
  const { lang, t, today, audience } = input;
  const intro = t.action.several(escapeMrkdwn(typed), items.length);
  const lines = items.map((item) => actionLine(item, lang, t, today, audience));
  return {
    text: intro,
    blocks: fitBlocks([section(intro), ...lineSections(lines), context(t.action.pickOne)], t.common.andMore),
  };
}

export function actionNotFoundView(typed: string, t: Catalogue): Reply {
  const said = t.action.notFound(escapeMrkdwn(typed));
  return { text: said, blocks: [section(said), context(`/corridor ${t.commands.actions.usage}`)] };
}
