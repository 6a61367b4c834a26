import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { Audience } from '../../domain/permissions.js';
import type { Partner } from '../../domain/types.js';
import { catalogue, type Catalogue, type Lang } from '../../i18n/index.js';
import { context, header, LIMITS, section, truncate, type Reply } from '../blocks.js';
import { ACTION_IDS, keyedActionId } from '../interaction-ids.js';
import { partnerName } from './partner-text.js';
import { pendingText, sortPending } from './pending-view.js';

export interface ReminderInput {
  /** Pending partners to remind about (snoozed ones already left out). */
  partners: Partner[];
  today: string;
  /** Notion pages of the partners already synced. */
  notionUrls: ReadonlyMap<string, string>;
  /** Languages of the post, French first. */
  langs: readonly Lang[];
  /** `public` in a channel shared with other organisations: no follow-up owners, no buttons. */
  audience: Audience;
}

/** Header, summary, and a closing line when partners are left out. */
const FRAME_BLOCKS = 3;
const BLOCKS_PER_PARTNER = 2;

/**
 * The reminder posted to the channel: each pending adhesion with its age, follow-up owner and
 * next step in every language of the channel, and its buttons once. Undefined when nothing is pending.
 */
export function reminderView({ partners, today, notionUrls, langs, audience }: ReminderInput): Reply | undefined {
  const pending = sortPending(partners);
  if (pending.length === 0) return undefined;
  const ts = langs.map((lang) => catalogue(lang));
  const both = (text: (t: Catalogue) => string, separator = ' · ') => ts.map(text).join(separator);
  const fit = Math.floor((LIMITS.messageBlocks - FRAME_BLOCKS) / BLOCKS_PER_PARTNER);
  const shown = pending.slice(0, fit);
  const left = pending.length - shown.length;
  const blocks: KnownBlock[] = [
    header(both((t) => t.reminder.title)),
    context(...ts.map((t) => t.reminder.summary(pending.length))),
    ...shown.flatMap((partner) => [
      section(langs.map((lang, i) => pendingText(partner, lang, ts[i]!, today, audience)).join('\n\n')),
      ...(audience === 'internal' ? [partnerButtons(partner, ts, notionUrls.get(partner.id))] : []),
    ]),
    ...(left > 0 ? [context(...ts.map((t) => `${t.common.andMore(left)} ${t.reminder.seeAll}`))] : []),
  ];
  const names = pending.map(partnerName).join(', ');
  return { text: `${both((t) => t.reminder.summary(pending.length), ' / ')} ${names}`, blocks };
}

function partnerButtons(partner: Partner, ts: Catalogue[], notionUrl: string | undefined): ActionsBlock {
  const label = (text: (t: Catalogue) => string) => truncate(ts.map(text).join(' / '), LIMITS.buttonText);
  const button = (action: string, text: string, extra: Partial<Button> = {}): Button => ({
    type: 'button',
    action_id: keyedActionId(action, partner.id),
    text: { type: 'plain_text', text, emoji: true },
    value: partner.id,
    ...extra,
  });
  return {
    type: 'actions',
    block_id: `reminder_buttons:${partner.id}`.slice(0, 255),
    elements: [
      button(ACTION_IDS.reminderMarkSigned, label((t) => t.reminder.markSigned), { style: 'primary' }),
      button(ACTION_IDS.reminderSnooze, label((t) => t.reminder.snooze)),
      ...(notionUrl ? [button(ACTION_IDS.reminderOpenNotion, label((t) => t.reminder.openNotion), { url: notionUrl })] : []),
    ],
  };
}
