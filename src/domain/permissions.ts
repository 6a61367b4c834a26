import type { ActionItem } from './types.js';

/** Reads are open to everyone; changes to the corridor's records are for its admins. */
export function canChangeRecords(userId: string, admins: readonly string[]): boolean {
  return admins.includes(userId);
}

/** An action item's owner may move its status along, even without admin rights. */
export function canUpdateActionStatus(userId: string, item: ActionItem, admins: readonly string[]): boolean {
  return canChangeRecords(userId, admins) || item.ownerUserId === userId;
}

/**
 * Who reads internal details (e-mail addresses): the coordinators. The one place to switch when the
 * app learns to tell internal viewers from external ones.
 */
export function seesInternalDetails(userId: string, admins: readonly string[]): boolean {
  return canChangeRecords(userId, admins);
}
