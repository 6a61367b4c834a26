import { addDays } from './dates.js';
import type { Partner } from './types.js';

/** How long *Snooze 1 week* keeps a partner out of the reminders. */
export const SNOOZE_DAYS = 7;

/** A partner left out of the reminders until a date (exclusive: reminded again on `until`). */
export interface Snooze {
  partnerId: string;
  until: string;
  snoozedBy: string;
  snoozedAt: string;
}

export function snoozeUntil(today: string, days = SNOOZE_DAYS): string {
  return addDays(today, days);
}

export function isSnoozed(partnerId: string, snoozes: readonly Snooze[], today: string): boolean {
  return snoozes.some((snooze) => snooze.partnerId === partnerId && snooze.until > today);
}

/** Pending partners the reminder names today: every pending adhesion not snoozed. */
export function partnersToRemind(partners: readonly Partner[], snoozes: readonly Snooze[], today: string): Partner[] {
  return partners.filter(
    (partner) => partner.status === 'pending' && partner.removedAt === null && !isSnoozed(partner.id, snoozes, today),
  );
}
