import type { Audience } from '../../domain/permissions.js';
import { nextStepState, UNDATED_NEXT_STEP_WEEKS } from '../../domain/next-step.js';
import { sortPending } from '../../domain/partner-order.js';
import type { Snooze } from '../../domain/snooze.js';
import type { ContactEntry, Partner } from '../../domain/types.js';
import { contactSummary, type ContactSummary } from '../../domain/contact-log.js';
import { contactSummaryText } from './contact-log-view.js';
import { formatDate } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { header, section, type Reply } from '../blocks.js';
import { FIRST_PAGE, pagedListView, type PageChoice } from './paged-list.js';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.js';
import { partnerName } from './partner-text.js';
import { stageText } from './stage-text.js';

export interface PendingTextOptions {
  /** 'quiet' when the reminder already @-mentioned the owner this week: no second ping. */
  followUp?: 'mention' | 'quiet';
  /** The adhesion's running snooze, shown with who asked for it. */
  snooze?: Snooze | undefined;
  /** What its contact log says: last contact and next follow-up (the coordinators' side). */
  contacts?: ContactSummary;
  /** Who reads it (the Home tab's owner): their own follow-up reads "yours", not their name. */
  viewerId?: string;
}

/**
 * One pending adhesion as mrkdwn: name, stage and how long, next step and, inside, when it is due
 * or how it is late, its follow-up owner and snooze (the coordinators' side).
 */
export function pendingText(partner: Partner, lang: Lang, t: Catalogue, today: string, audience: Audience, options: PendingTextOptions = {}): string {
  const inside = audience === 'internal';
  return [
    t.pending.line(partnerName(partner), stageText(partner, lang, t, today, audience)),
    partner.nextStep ? t.pending.nextStep(escapeMrkdwn(partner.nextStep[lang])) : '',
    // Whether a step is late is the coordinators' business: another organisation reads no "overdue".
    ...(inside
      ? [
          nextStepLine(partner, lang, t, today),
          options.contacts ? contactSummaryText(options.contacts, lang, t, today) : '',
          partner.followUpUserId && partner.followUpUserId === options.viewerId ? t.pending.followUpYours : followUpText(partner, t, options.followUp),
          snoozeText(options.snooze, lang, t),
        ]
      : []),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Who follows the adhesion up; 'quiet' names no one to ping (the reminder did, this week). */
export function followUpText(partner: Partner, t: Catalogue, followUp: PendingTextOptions['followUp'] = 'mention'): string {
  if (!partner.followUpUserId) return t.pending.noFollowUp;
  return followUp === 'quiet' ? t.pending.followUpQuiet : t.pending.followUp(mentionUser(partner.followUpUserId));
}

function snoozeText(snooze: Snooze | undefined, lang: Lang, t: Catalogue): string {
  return snooze ? t.pending.snoozed(formatDate(snooze.until, lang), mentionUser(snooze.snoozedBy)) : '';
}

/** When the next step is due, or how it is overdue; nothing for a step neither dated nor late. */
export function nextStepLine(partner: Partner, lang: Lang, t: Catalogue, today: string): string {
  const state = nextStepState(partner, today);
  if (state.overdue) return 'dueOn' in state ? t.pending.overdueSince(formatDate(state.dueOn, lang)) : t.pending.overdueUndated(UNDATED_NEXT_STEP_WEEKS);
  return partner.nextStepDueOn ? t.pending.dueOn(formatDate(partner.nextStepDueOn, lang)) : '';
}

/** `snoozes`: the snoozes running today (SnoozeStore.active). One page at a time, each adhesion a section. */
export function pendingView(
  partners: Partner[],
  lang: Lang,
  t: Catalogue,
  today: string,
  audience: Audience,
  snoozes: readonly Snooze[] = [],
  contacts: readonly ContactEntry[] = [],
  { choice = FIRST_PAGE, title = t.pending.title }: { choice?: PageChoice; title?: string } = {},
): Reply {
  const pending = sortPending(partners);
  if (pending.length === 0) return { text: t.pending.none, blocks: [header(title), section(t.pending.none)] };
  // Each partner's snooze and contacts found once, not by reading every entry for each of hundreds of partners.
  const snoozeOf = new Map<string, Snooze>();
  for (const snooze of snoozes) if (!snoozeOf.has(snooze.partnerId)) snoozeOf.set(snooze.partnerId, snooze);
  const contactsOf = new Map<string, ContactEntry[]>();
  for (const entry of contacts) {
    const theirs = contactsOf.get(entry.partnerId);
    if (theirs) theirs.push(entry);
    else contactsOf.set(entry.partnerId, [entry]);
  }
  const entries = pending.map((partner) => ({
    text: pendingText(partner, lang, t, today, audience, { snooze: snoozeOf.get(partner.id), contacts: contactSummary(partner.id, contactsOf.get(partner.id) ?? []) }),
  }));
  return pagedListView({ title, summary: t.pending.summary(pending.length), entries, layout: 'sections', ...choice, t });
}
