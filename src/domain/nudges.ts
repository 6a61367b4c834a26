import { isOpen } from './action-items.js';
import { addDays } from './dates.js';
import type { ActionItem } from './types.js';

/**
 * Personal nudges: once a week each person is told, in a direct message, what is theirs to do.
 * Pure: which items are whose, and under which key the week's message is recorded.
 */

/** How far ahead an item counts as due soon. */
export const NUDGE_HORIZON_DAYS = 7;

/** What one person is nudged about: their open action items, overdue first, then due within the horizon. */
export interface Nudge {
  userId: string;
  overdue: ActionItem[];
  dueSoon: ActionItem[];
}

/** The run-ledger key of a person's nudge for a week (`U123@2026-W49`), as event reminders key theirs. */
export function nudgeKey(userId: string, week: string): string {
  return `${userId}@${week}`;
}

/** Everyone who owns an open action item, in a stable order. */
export function nudgedPeople(items: readonly ActionItem[]): string[] {
  const owners = items.filter((item) => isOpen(item) && !item.removedAt && item.ownerUserId).map((item) => item.ownerUserId!);
  return [...new Set(owners)].sort();
}

/** A person's nudge on `today`; undefined when there is nothing to say. */
export function nudgeFor(userId: string, items: readonly ActionItem[], today: string): Nudge | undefined {
  const horizon = addDays(today, NUDGE_HORIZON_DAYS);
  const theirs = items
    .filter((item) => item.ownerUserId === userId && isOpen(item) && !item.removedAt && item.dueOn !== null && item.dueOn <= horizon)
    .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.id.localeCompare(b.id));
  const overdue = theirs.filter((item) => item.dueOn! < today);
  const dueSoon = theirs.filter((item) => item.dueOn! >= today);
  return overdue.length + dueSoon.length > 0 ? { userId, overdue, dueSoon } : undefined;
}

/** The due date a week later, for *Postpone a week*: from the item's due date, or from today when it has none. */
export function postponedDue(item: Pick<ActionItem, 'dueOn'>, today: string): string {
  return addDays(item.dueOn ?? today, NUDGE_HORIZON_DAYS);
}
