/** callback_ids of the app's modals and action_ids of its buttons: listeners and views share them. */
export const CALLBACK_IDS = {
  partner: 'partner_modal',
  person: 'person_modal',
  event: 'event_modal',
  action: 'action_modal',
  actionStatus: 'action_status_modal',
  conflict: 'conflict_modal',
  markSigned: 'mark_signed',
  contact: 'contact_log_modal',
  about: 'about_modal',
} as const;

/** callback_ids of the message shortcuts declared in manifest.yml. */
export const SHORTCUT_IDS = {
  addActionItem: 'message_add_action_item',
  logOnPartner: 'message_log_on_partner',
} as const;

/**
 * Button action_ids. Buttons repeated on one surface (one *Done* per action item, the reminder's
 * buttons per partner) carry the record ID after a colon (`keyedActionId`), because action_ids
 * must be unique within a view or message; listeners match them with `actionIdPattern`.
 */
export const ACTION_IDS = {
  partnerEdit: 'partner_edit',
  partnerRemove: 'partner_remove',
  personEdit: 'person_edit',
  eventEdit: 'event_edit',
  eventCancel: 'event_cancel',
  actionDone: 'action_done',
  actionPostpone: 'action_postpone',
  addPartner: 'home_add_partner',
  addEvent: 'home_add_event',
  addAction: 'home_add_action',
  reminderMarkSigned: 'reminder_mark_signed',
  reminderSnooze: 'reminder_snooze',
  reminderOpenNotion: 'reminder_open_notion',
  logContact: 'log_contact',
  aboutEdit: 'about_edit',
  /** *More* under a long list: its value is the command that shows the next page. */
  listMore: 'list_more',
} as const;

/** The mark-as-signed modal's one input: its block_id (where errors show) and its datepicker's action_id. */
export const MARK_SIGNED_DATE = { block: 'signed_on', action: 'date' } as const;

/** action_id of the partner picker whose options are served by block_suggestion. */
export const PARTNER_OPTIONS_ACTION = 'partners_lookup';
/** action_id of the people picker whose options are served by block_suggestion. */
export const PEOPLE_OPTIONS_ACTION = 'people_lookup';

/** Slack's limit on an action_id's length. */
const MAX_ACTION_ID = 255;

export function keyedActionId(base: string, id: string): string {
  return `${base}:${id}`.slice(0, MAX_ACTION_ID);
}

/** Matches `base` and `base:<id>`, for listeners. */
export function actionIdPattern(base: string): RegExp {
  return new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::.+)?$`);
}

/** A record reference carried in a button's value: `<id>@<version>`. */
export function recordRef(id: string, version: number): string {
  return `${id}@${version}`;
}

export function parseRecordRef(value: string): { id: string; version: number | undefined } {
  const match = /^(.+)@(\d+)$/.exec(value);
  return match ? { id: match[1]!, version: Number(match[2]) } : { id: value, version: undefined };
}
