import type { App, BlockAction } from '@slack/bolt';
import { PARTNER_FIELDS } from '../../domain/forms/partner-form.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_IDS, actionIdPattern, CALLBACK_IDS, PARTNER_OPTIONS_ACTION, PEOPLE_OPTIONS_ACTION, SHORTCUT_IDS } from '../interaction-ids.js';
import { addActionItemShortcut } from './shortcuts/add-action-item-shortcut.js';
import { logOnPartnerShortcut } from './shortcuts/log-on-partner-shortcut.js';
import { aboutEditClicked } from './clicks/about-edit.js';
import { actionItemDoneClicked } from './clicks/action-item-done.js';
import { actionItemPostponeClicked } from './clicks/action-item-postpone.js';
import { addActionItemClicked } from './clicks/add-action-item.js';
import { addEventClicked } from './clicks/add-event.js';
import { addPartnerClicked } from './clicks/add-partner.js';
import { eventCancelClicked } from './clicks/event-cancel.js';
import { eventEditClicked } from './clicks/event-edit.js';
import { markSignedClicked } from './clicks/mark-signed.js';
import { openNotionClicked } from './clicks/open-notion.js';
import { partnerEditClicked } from './clicks/partner-edit.js';
import { partnerRemoveClicked } from './clicks/partner-remove.js';
import { partnerStatusSwitchClicked } from './clicks/partner-status-switch.js';
import { personEditClicked } from './clicks/person-edit.js';
import { snoozeClicked } from './clicks/snooze.js';
import { logContactClicked } from './clicks/log-contact.js';
import { listMoreClicked } from './clicks/list-more.js';
import { corridorCommandListener } from './commands/corridor-command.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { channelSharingChanged } from './events/channel-sharing.js';
import { eventRouter, type EventArgs } from './events/event-router.js';
import { partnerOptions } from './options/partner-options.js';
import { peopleOptions } from './options/people-options.js';
import { aboutSubmitted } from './submissions/about-submitted.js';
import { actionItemStatusSubmitted } from './submissions/action-item-status-submitted.js';
import { actionItemSubmitted } from './submissions/action-item-submitted.js';
import { conflictSubmitted } from './submissions/conflict-submitted.js';
import { eventSubmitted } from './submissions/event-submitted.js';
import { markSignedSubmitted } from './submissions/mark-signed-submitted.js';
import { partnerSubmitted } from './submissions/partner-submitted.js';
import { personSubmitted } from './submissions/person-submitted.js';
import { contactSubmitted } from './submissions/contact-submitted.js';
import { clickRouter, submissionRouter } from './routes.js';
import { busyClick, formNotSaved } from './store-busy.js';

/** Every listener the app has, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.command('/corridor', corridorCommandListener(deps));

  app.view(
    { type: 'view_submission', callback_id: /.*/ },
    submissionRouter([
      { callbackId: CALLBACK_IDS.partner, listener: partnerSubmitted(deps) },
      { callbackId: CALLBACK_IDS.person, listener: personSubmitted(deps) },
      { callbackId: CALLBACK_IDS.event, listener: eventSubmitted(deps) },
      { callbackId: CALLBACK_IDS.action, listener: actionItemSubmitted(deps) },
      { callbackId: CALLBACK_IDS.actionStatus, listener: actionItemStatusSubmitted(deps) },
      { callbackId: CALLBACK_IDS.conflict, listener: conflictSubmitted(deps) },
      { callbackId: CALLBACK_IDS.markSigned, listener: markSignedSubmitted(deps) },
      { callbackId: CALLBACK_IDS.contact, listener: contactSubmitted(deps) },
      { callbackId: CALLBACK_IDS.about, listener: aboutSubmitted(deps) },
    ], deps.unknown, formNotSaved(deps)),
  );

  app.action<BlockAction>(
    { type: 'block_actions' },
    clickRouter([
      { actionId: actionIdPattern(ACTION_IDS.partnerEdit), listener: partnerEditClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.partnerRemove), listener: partnerRemoveClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.personEdit), listener: personEditClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.eventEdit), listener: eventEditClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.eventCancel), listener: eventCancelClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.actionDone), listener: actionItemDoneClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.actionPostpone), listener: actionItemPostponeClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.reminderMarkSigned), listener: markSignedClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.reminderSnooze), listener: snoozeClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.reminderOpenNotion), listener: openNotionClicked() },
      { actionId: actionIdPattern(ACTION_IDS.logContact), listener: logContactClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.aboutEdit), listener: aboutEditClicked(deps) },
      { actionId: ACTION_IDS.listMore, listener: listMoreClicked(deps) },
      { actionId: ACTION_IDS.addPartner, listener: addPartnerClicked(deps) },
      { actionId: ACTION_IDS.addEvent, listener: addEventClicked(deps) },
      { actionId: ACTION_IDS.addAction, listener: addActionItemClicked(deps) },
      { actionId: PARTNER_FIELDS.status, callbackId: CALLBACK_IDS.partner, listener: partnerStatusSwitchClicked(deps) },
    ], deps.unknown, busyClick(deps)),
  );

  app.options(actionIdPattern(PARTNER_OPTIONS_ACTION), partnerOptions(deps));
  app.options(actionIdPattern(PEOPLE_OPTIONS_ACTION), peopleOptions(deps));

  app.shortcut({ type: 'message_action', callback_id: SHORTCUT_IDS.addActionItem }, addActionItemShortcut(deps));
  app.shortcut({ type: 'message_action', callback_id: SHORTCUT_IDS.logOnPartner }, logOnPartnerShortcut(deps));

  // Bolt acknowledges every event itself, so only a catch-all can tell which ones nobody handles.
  const sharingChanged = channelSharingChanged(deps) as (args: EventArgs) => Promise<void>;
  app.event(
    /.*/,
    eventRouter(
      { app_home_opened: appHomeOpened(deps) as (args: EventArgs) => Promise<void>, channel_shared: sharingChanged, channel_unshared: sharingChanged },
      deps.unknown,
    ),
  );
}
