import type { ActionItem, Partner } from './types.js';

/** Reads are open to everyone; changes to the corridor's records are for its admins. */
export function canChangeRecords(userId: string, admins: readonly string[]): boolean {
  return admins.includes(userId);
}

/** An action item's owner may move its status along, even without admin rights. */
export function canUpdateActionStatus(userId: string, item: ActionItem, admins: readonly string[]): boolean {
  return canChangeRecords(userId, admins) || item.ownerUserId === userId;
}

/** Snoozing an adhesion's reminders is for the coordinators and the partner's follow-up owner. */
export function canSnooze(userId: string, partner: Pick<Partner, 'followUpUserId'>, admins: readonly string[]): boolean {
  return canChangeRecords(userId, admins) || partner.followUpUserId === userId;
}
