import type { KnownBlock } from '@slack/types';
import { nextStepState, UNDATED_NEXT_STEP_WEEKS } from '../../domain/next-step.js';
import type { Snooze } from '../../domain/snooze.js';
import type { Partner } from '../../domain/types.js';
import { formatAge, formatDate } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { context, fitBlocks, header, section, type Reply } from '../blocks.js';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.js';
import { partnerName } from './partner-text.js';

export interface PendingTextOptions {
  /** 'quiet' when the reminder already @-mentioned the owner this week: no second ping. */
  followUp?: 'mention' | 'quiet';
  /** The adhesion's running snooze, shown with who asked for it. */
  snooze?: Snooze | undefined;
}

/** One pending adhesion as mrkdwn: name, age, next step and when it is due, follow-up owner, snooze. */
export function pendingText(partner: Partner, lang: Lang, t: Catalogue, today: string, options: PendingTextOptions = {}): string {
  const age = partner.pendingSince ? formatAge(partner.pendingSince, today, lang) : t.common.unknown;
  const followUp = !partner.followUpUserId
    ? t.pending.noFollowUp
    : options.followUp === 'quiet'
      ? t.pending.followUpQuiet
      : t.pending.followUp(mentionUser(partner.followUpUserId));
  return [
    t.pending.line(partnerName(partner), age),
    partner.nextStep ? t.pending.nextStep(escapeMrkdwn(partner.nextStep[lang])) : '',
    nextStepLine(partner, lang, t, today),
    followUp,
    options.snooze ? t.pending.snoozed(formatDate(options.snooze.until, lang), mentionUser(options.snooze.snoozedBy)) : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** When the next step is due, or how it is overdue; nothing for a step neither dated nor late. */
export function nextStepLine(partner: Partner, lang: Lang, t: Catalogue, today: string): string {
  const state = nextStepState(partner, today);
  if (state.overdue) return 'dueOn' in state ? t.pending.overdueSince(formatDate(state.dueOn, lang)) : t.pending.overdueUndated(UNDATED_NEXT_STEP_WEEKS);
  return partner.nextStepDueOn ? t.pending.dueOn(formatDate(partner.nextStepDueOn, lang)) : '';
}

/** Oldest first: the adhesions waiting longest need attention first. */
export function sortPending(partners: Partner[]): Partner[] {
  return partners
    .filter((partner) => partner.status === 'pending')
    .sort((a, b) => (a.pendingSince ?? '').localeCompare(b.pendingSince ?? '') || a.name.localeCompare(b.name));
}

/** `snoozes`: the snoozes running today (SnoozeStore.active). */
export function pendingView(partners: Partner[], lang: Lang, t: Catalogue, today: string, snoozes: readonly Snooze[] = []): Reply {
  const pending = sortPending(partners);
  if (pending.length === 0) return { text: t.pending.none, blocks: [header(t.pending.title), section(t.pending.none)] };
  const snoozeOf = (partner: Partner) => snoozes.find((snooze) => snooze.partnerId === partner.id);
  const items: KnownBlock[] = pending.map((partner) => section(pendingText(partner, lang, t, today, { snooze: snoozeOf(partner) })));
  const names = pending.map(partnerName).join(', ');
  return {
    text: `${t.pending.summary(pending.length)} ${names}`,
    blocks: fitBlocks([header(t.pending.title), context(t.pending.summary(pending.length)), ...items], t.common.andMore),
  };
}
