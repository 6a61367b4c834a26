import type { App, BlockAction } from '@slack/bolt';
import { PARTNER_FIELDS } from '../../domain/forms/partner-form.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_IDS, actionIdPattern, CALLBACK_IDS, PARTNER_OPTIONS_ACTION } from '../interaction-ids.js';
import { actionDoneClicked } from './actions/action-done.js';
import { addActionClicked } from './actions/add-action.js';
import { addEventClicked } from './actions/add-event.js';
import { addPartnerClicked } from './actions/add-partner.js';
import { eventCancelClicked } from './actions/event-cancel.js';
import { eventEditClicked } from './actions/event-edit.js';
import { markSignedButtonListener } from './actions/mark-signed.js';
import { openNotionButtonListener } from './actions/open-notion.js';
import { partnerEditClicked } from './actions/partner-edit.js';
import { partnerRemoveClicked } from './actions/partner-remove.js';
import { partnerStatusSwitched } from './actions/partner-status-switched.js';
import { snoozeButtonListener } from './actions/snooze.js';
import { corridorCommandListener } from './commands/corridor-command.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { otherEvents } from './events/other-events.js';
import { partnerOptions } from './options/partner-options.js';
import { actionStatusSubmitted } from './views/action-status-submitted.js';
import { actionSubmitted } from './views/action-submitted.js';
import { conflictSubmitted } from './views/conflict-submitted.js';
import { eventSubmitted } from './views/event-submitted.js';
import { markSignedSubmissionListener } from './views/mark-signed-submission.js';
import { partnerSubmitted } from './views/partner-submitted.js';
import { clickRouter, submissionRouter } from './routes.js';
import { busyClick, busyForm } from './store-busy.js';

/** Every listener the app has, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.command('/corridor', corridorCommandListener(deps));

  app.view(
    { type: 'view_submission', callback_id: /.*/ },
    submissionRouter([
      { callbackId: CALLBACK_IDS.partner, listener: partnerSubmitted(deps) },
      { callbackId: CALLBACK_IDS.event, listener: eventSubmitted(deps) },
      { callbackId: CALLBACK_IDS.action, listener: actionSubmitted(deps) },
      { callbackId: CALLBACK_IDS.actionStatus, listener: actionStatusSubmitted(deps) },
      { callbackId: CALLBACK_IDS.conflict, listener: conflictSubmitted(deps) },
      { callbackId: CALLBACK_IDS.markSigned, listener: markSignedSubmissionListener(deps) },
    ], deps.unknown, busyForm(deps)),
  );

  app.action<BlockAction>(
    { type: 'block_actions' },
    clickRouter([
      { actionId: actionIdPattern(ACTION_IDS.partnerEdit), listener: partnerEditClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.partnerRemove), listener: partnerRemoveClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.eventEdit), listener: eventEditClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.eventCancel), listener: eventCancelClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.actionDone), listener: actionDoneClicked(deps) },
      { actionId: actionIdPattern(ACTION_IDS.reminderMarkSigned), listener: markSignedButtonListener(deps) },
      { actionId: actionIdPattern(ACTION_IDS.reminderSnooze), listener: snoozeButtonListener(deps) },
      { actionId: actionIdPattern(ACTION_IDS.reminderOpenNotion), listener: openNotionButtonListener() },
      { actionId: ACTION_IDS.addPartner, listener: addPartnerClicked(deps) },
      { actionId: ACTION_IDS.addEvent, listener: addEventClicked(deps) },
      { actionId: ACTION_IDS.addAction, listener: addActionClicked(deps) },
      { actionId: PARTNER_FIELDS.status, callbackId: CALLBACK_IDS.partner, listener: partnerStatusSwitched(deps) },
    ], deps.unknown, busyClick(deps)),
  );

  app.options(PARTNER_OPTIONS_ACTION, partnerOptions(deps));

  app.event('app_home_opened', appHomeOpened(deps));
  // Bolt acknowledges every event itself, so only a catch-all can tell which ones nobody handles.
  app.event(/.*/, otherEvents(['app_home_opened'], deps.unknown));
}
