/** A follow-up owner named with an @-mention in the reminder of one adhesion, in one ISO week. */
export interface ReminderMention {
  partnerId: string;
  userId: string;
}

/**
 * Who the reminder has @-mentioned this week, shared by every replica: an owner is pinged at most
 * once a week per adhesion, however often the reminder runs.
 */
export interface ReminderMentions {
  /** Mentions recorded for the week (`2026-W48`). */
  inWeek(week: string): Promise<ReminderMention[]>;
  /** Records mentions posted in the week; recording one twice keeps the first. */
  record(week: string, mentions: readonly ReminderMention[], at: Date): Promise<void>;
}
