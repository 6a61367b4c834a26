import { isOpen } from './action-items.js';
import { contactSummary } from './contact-log.js';
import { addDays } from './dates.js';
import type { ActionItem, ContactEntry, Partner } from './types.js';

/**
 * Personal nudges: once a week each person is told, in a direct message, what is theirs to do.
 * Pure: which items are whose, and under which key the week's message is recorded.
 */

/** How far ahead an item counts as due soon. */
export const NUDGE_HORIZON_DAYS = 7;

/** What one person is nudged about: their open action items, overdue first, then due within the horizon; the adhesions they follow whose next follow-up is due by then. */
export interface Nudge {
  userId: string;
  overdue: ActionItem[];
  dueSoon: ActionItem[];
  followUps: FollowUpDue[];
}

/** A pending adhesion a person follows, with the follow-up date its contact log asks for. */
export interface FollowUpDue {
  partner: Partner;
  dueOn: string;
}

/** What a nudge reads: the action items, the partners and their contact logs. */
export interface NudgeSources {
  items: readonly ActionItem[];
  partners: readonly Partner[];
  contacts: readonly ContactEntry[];
}

/** The run-ledger key of a person's nudge for a week (`U123@2026-W49`), as event reminders key theirs. */
export function nudgeKey(userId: string, week: string): string {
  return `${userId}@${week}`;
}

/** Everyone who owns an open action item or follows a pending adhesion, in a stable order. */
export function nudgedPeople({ items, partners }: Pick<NudgeSources, 'items' | 'partners'>): string[] {
  const owners = items.filter((item) => isOpen(item) && !item.removedAt && item.ownerUserId).map((item) => item.ownerUserId!);
  const followers = pendingFollowedBy(partners).map((partner) => partner.followUpUserId!);
  return [...new Set([...owners, ...followers])].sort();
}

function pendingFollowedBy(partners: readonly Partner[], userId?: string): Partner[] {
  return partners.filter((partner) => partner.status === 'pending' && !partner.removedAt && partner.followUpUserId && (userId === undefined || partner.followUpUserId === userId));
}

/** A person's nudge on `today`; undefined when there is nothing to say. */
export function nudgeFor(userId: string, { items, partners, contacts }: NudgeSources, today: string): Nudge | undefined {
  const horizon = addDays(today, NUDGE_HORIZON_DAYS);
  // As for action items: a follow-up due by the end of the coming week is named now, one that has passed stays named.
  const followUps = pendingFollowedBy(partners, userId)
    .flatMap((partner) => {
      const dueOn = contactSummary(partner.id, contacts).nextFollowUpOn;
      return dueOn !== undefined && dueOn <= horizon ? [{ partner, dueOn }] : [];
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.partner.id.localeCompare(b.partner.id));
  const theirs = items
    .filter((item) => item.ownerUserId === userId && isOpen(item) && !item.removedAt && item.dueOn !== null && item.dueOn <= horizon)
    .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.id.localeCompare(b.id));
  const overdue = theirs.filter((item) => item.dueOn! < today);
  const dueSoon = theirs.filter((item) => item.dueOn! >= today);
  return overdue.length + dueSoon.length + followUps.length > 0 ? { userId, overdue, dueSoon, followUps } : undefined;
}

/** The due date a week later, for *Postpone a week*: from the item's due date, or from today when it has none. */
export function postponedDue(item: Pick<ActionItem, 'dueOn'>, today: string): string {
  return addDays(item.dueOn ?? today, NUDGE_HORIZON_DAYS);
}
