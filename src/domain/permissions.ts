import type { ActionItem, Partner } from './types.js';

/**
 * Who may see the coordinators' side of the corridor. `internal`: people of the organisation that
 * installed the app; `public`: anyone else (Slack Connect partners, a shared channel's members, and
 * anyone whose organisation could not be told). Decided once per request (see slack/asker.ts).
 */
export type Audience = 'internal' | 'public';

/** The organisation that installed the app, from auth.test. */
export interface Installation {
  teamId: string;
  enterpriseId: string | null;
}

/** What users.info says of a user's organisation. */
export interface UserOrganisation {
  teamId: string | null;
  enterpriseId: string | null;
  /** Slack marks users it shows through Slack Connect without a shared channel as strangers. */
  isStranger: boolean;
  /** A multi-channel or single-channel guest of the workspace (`is_restricted`, `is_ultra_restricted`). */
  isGuest: boolean;
}

/**
 * Internal only when both lookups succeeded and the user is a full member of the installing
 * workspace (or its Enterprise Grid organisation): a lookup that failed never widens what is shown,
 * and guests, invited for a channel or a few, read what other organisations read.
 */
export function audienceOfUser(user: UserOrganisation | undefined, installation: Installation | undefined): Audience {
  if (!user || !installation || user.isStranger || user.isGuest) return 'public';
  if (installation.enterpriseId !== null && user.enterpriseId === installation.enterpriseId) return 'internal';
  return user.teamId !== null && user.teamId === installation.teamId ? 'internal' : 'public';
}

/** A channel shared with other organisations, or one whose sharing is unknown, gets the public view. */
export function audienceOfChannel(isExtShared: boolean | undefined): Audience {
  return isExtShared === false ? 'internal' : 'public';
}

/**
 * Reads are open to everyone; changes to the corridor's records are for its admins, and only
 * from inside the installing organisation, even if an outside user's ID were listed as an admin.
 */
export function canChangeRecords(userId: string, admins: readonly string[], audience: Audience): boolean {
  return audience === 'internal' && admins.includes(userId);
}

/** An action item's owner may move its status along, even without admin rights (never from outside). */
export function canUpdateActionStatus(userId: string, item: ActionItem, admins: readonly string[], audience: Audience): boolean {
  return canChangeRecords(userId, admins, audience) || (audience === 'internal' && item.ownerUserId === userId);
}

/** Internal details (e-mail addresses, notes, owners) are for the installing organisation's people. */
export function seesInternalDetails(audience: Audience): boolean {
  return audience === 'internal';
}

/** Snoozing an adhesion's reminders is for the coordinators and the partner's follow-up owner, inside. */
export function canSnooze(userId: string, partner: Pick<Partner, 'followUpUserId'>, admins: readonly string[], audience: Audience): boolean {
  return canChangeRecords(userId, admins, audience) || (audience === 'internal' && partner.followUpUserId === userId);
}

/** Who acts at the local console: a coordinator at the machine, with admin rights, as on a local install. */
export const CONSOLE_USER_ID = 'ULOCALCONSOLE';
