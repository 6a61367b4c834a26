/**
 * Identifiers of the reminder's buttons and the mark-as-signed modal. Slack wants action IDs
 * unique within a message, so each button's ID ends with the partner it acts on; the listeners
 * match the prefix and read the partner from the button's value.
 */
export const REMINDER_ACTIONS = {
  markSigned: 'reminder.mark_signed',
  snooze: 'reminder.snooze',
  openNotion: 'reminder.open_notion',
} as const;

export type ReminderAction = (typeof REMINDER_ACTIONS)[keyof typeof REMINDER_ACTIONS];

const MAX_ACTION_ID = 255;

export function reminderActionId(action: ReminderAction, partnerId: string): string {
  return `${action}.${partnerId}`.slice(0, MAX_ACTION_ID);
}

/** Matches every button of one kind, whatever partner it is for. */
export function reminderActionPattern(action: ReminderAction): RegExp {
  return new RegExp(`^${action.replace(/\./g, '\\.')}\\.`);
}

export const MARK_SIGNED_CALLBACK_ID = 'mark_signed';
export const MARK_SIGNED_DATE_BLOCK = 'signed_on';
export const MARK_SIGNED_DATE_ACTION = 'date';
