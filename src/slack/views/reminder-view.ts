import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { Audience } from '../../domain/permissions.js';
import { nextStepState } from '../../domain/next-step.js';
import { sortPending } from '../../domain/partner-order.js';
import type { ContactEntry, Partner } from '../../domain/types.js';
import { contactSummary, followUpOverdue } from '../../domain/contact-log.js';
import { catalogue, type Catalogue, type Lang } from '../../i18n/index.js';
import { blockChars, context, fitBlocks, header, LIMITS, lineSections, section, truncate, type Reply } from '../blocks.js';
import { ACTION_IDS, keyedActionId } from '../interaction-ids.js';
import { mentionUser } from '../mrkdwn.js';
import { multilingualMessage } from './channel-message.js';
import { partnerName } from './partner-text.js';
import { pendingText } from './pending-view.js';
import { stageText } from './stage-text.js';

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
  /** Partners whose follow-up owner this post @-mentions (the others were mentioned this week). */
  mentioned: ReadonlySet<string>;
  /** The contact log, for the coordinators' details: last contact and next follow-up. */
  contacts?: readonly ContactEntry[];
}

/** The reminder: a short summary in the channel, its details and buttons in a reply in its thread. */
export interface ReminderPost {
  summary: Reply;
  details: Reply;
}

/** How many adhesions the channel summary names per language before "… and N more". */
export const SUMMARY_LINES = 20;

/** Closing line of the details when partners are left out. */
const DETAILS_FRAME_BLOCKS = 1;
/** What the closing line and the brackets of the blocks may take. */
const DETAILS_FRAME_CHARS = 600;

/** Block IDs of one partner's details and buttons in the thread reply (chat.update finds them). */
export const reminderBlockIds = (partnerId: string) => ({
  details: `reminder_partner:${partnerId}`.slice(0, 255),
  buttons: `reminder_buttons:${partnerId}`.slice(0, 255),
});

/** The reminder of pending adhesions; undefined when nothing is pending. */
export function reminderView(input: ReminderInput): ReminderPost | undefined {
  const pending = sortPending(input.partners);
  if (pending.length === 0) return undefined;
  return { summary: summaryView(pending, input), details: detailsView(pending, input) };
}

/** One line per adhesion, in each language of the channel: what a coordinator reads without opening the thread. */
function summaryView(pending: Partner[], { today, langs, mentioned, audience, contacts = [] }: ReminderInput): Reply {
  return multilingualMessage(langs, (lang, maxBlocks) => {
    const t = catalogue(lang);
    const lines = pending.slice(0, SUMMARY_LINES).map((partner) => summaryLine(partner, lang, t, today, audience, mentioned.has(partner.id), contacts));
    const left = pending.length - lines.length;
    const blocks: KnownBlock[] = [
      header(t.reminder.title),
      ...lineSections([...lines, ...(left > 0 ? [`_${t.common.andMore(left)} ${t.reminder.seeAll}_`] : [])]),
      // The public thread holds no buttons: it says so.
      context(audience === 'internal' ? t.reminder.inThread : t.reminder.inThreadPublic),
    ];
    return { text: `${t.reminder.summary(pending.length)} ${pending.map(partnerName).join(', ')}`, blocks: fitBlocks(blocks, t.common.andMore, maxBlocks) };
  });
}

function summaryLine(partner: Partner, lang: Lang, t: Catalogue, today: string, audience: Audience, mention: boolean, contacts: readonly ContactEntry[]): string {
  const line = t.reminder.line(partnerName(partner), stageText(partner, lang, t, today, audience));
  if (audience === 'public') return line;
  // Needs attention, each for what it is: a late or long-undated next step, a follow-up date that has passed.
  const overdue = [
    ...(nextStepState(partner, today).overdue ? [t.reminder.overdue] : []),
    ...(followUpOverdue(contactSummary(partner.id, contacts), today) ? [t.reminder.followUpPassed] : []),
  ];
  const followUp = !partner.followUpUserId
    ? t.reminder.noFollowUp
    : mention
      ? t.reminder.followUp(mentionUser(partner.followUpUserId))
      : t.reminder.followUpQuiet;
  return [line, ...overdue, followUp].join(' · ');
}

/**
 * The thread reply: each adhesion with its age, next step and follow-up in every language of the
 * channel, and its buttons once. It names the follow-up owner the summary mentions; an owner already
 * mentioned earlier this week is not named (nor pinged) again.
 */
function detailsView(pending: Partner[], { today, notionUrls, langs, audience, mentioned, contacts = [] }: ReminderInput): Reply {
  const ts = langs.map((lang) => catalogue(lang));
  const partnerBlocks = (partner: Partner): KnownBlock[] => [
    { ...section(langs.map((lang, i) => pendingText(partner, lang, ts[i]!, today, audience, { followUp: mentioned.has(partner.id) ? 'mention' : 'quiet', contacts: contactSummary(partner.id, contacts) })).join('\n\n')), block_id: reminderBlockIds(partner.id).details },
    ...(audience === 'internal' ? [partnerButtons(partner, ts, notionUrls.get(partner.id))] : []),
  ];
  // As many adhesions as the message holds, in blocks and in characters, the closing line kept free.
  const blocks: KnownBlock[] = [];
  let chars = DETAILS_FRAME_CHARS;
  let shown = 0;
  for (const partner of pending) {
    const next = partnerBlocks(partner);
    const size = next.reduce((sum, block) => sum + blockChars(block), 0);
    if (blocks.length + next.length > LIMITS.messageBlocks - DETAILS_FRAME_BLOCKS || chars + size > LIMITS.messageChars) break;
    blocks.push(...next);
    chars += size;
    shown += 1;
  }
  const left = pending.length - shown;
  if (left > 0) blocks.push(context(...ts.map((t) => `${t.common.andMore(left)} ${t.reminder.seeAll}`)));
  return { text: ts.map((t) => t.reminder.summary(pending.length)).join(' / '), blocks };
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
    block_id: reminderBlockIds(partner.id).buttons,
    elements: [
      button(ACTION_IDS.reminderMarkSigned, label((t) => t.reminder.markSigned), { style: 'primary' }),
      button(ACTION_IDS.reminderSnooze, label((t) => t.reminder.snooze)),
      button(ACTION_IDS.logContact, label((t) => t.contactLog.button)),
      ...(notionUrl ? [button(ACTION_IDS.reminderOpenNotion, label((t) => t.reminder.openNotion), { url: notionUrl })] : []),
    ],
  };
}

/**
 * The reminder reply once a partner has signed: its details say so (by whom), its buttons are gone;
 * the other partners' stay as they were. Undefined when the message does not show the partner.
 */
export function signedInReminder(blocks: readonly KnownBlock[], partnerId: string, signedText: string): KnownBlock[] | undefined {
  const ids = reminderBlockIds(partnerId);
  if (!blocks.some((block) => block.block_id === ids.details)) return undefined;
  return blocks
    .filter((block) => block.block_id !== ids.buttons)
    .map((block) => (block.block_id === ids.details ? { ...section(signedText), block_id: ids.details } : block));
}
