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
import { partnerOptions } from './options/partner-options.js';
import { actionStatusSubmitted } from './views/action-status-submitted.js';
import { actionSubmitted } from './views/action-submitted.js';
import { conflictSubmitted } from './views/conflict-submitted.js';
import { eventSubmitted } from './views/event-submitted.js';
import { markSignedSubmissionListener } from './views/mark-signed-submission.js';
import { partnerSubmitted } from './views/partner-submitted.js';

/** Every listener the app has, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.command('/corridor', corridorCommandListener(deps));

  app.view(CALLBACK_IDS.partner, partnerSubmitted(deps));
  app.view(CALLBACK_IDS.event, eventSubmitted(deps));
  app.view(CALLBACK_IDS.action, actionSubmitted(deps));
  app.view(CALLBACK_IDS.actionStatus, actionStatusSubmitted(deps));
  app.view(CALLBACK_IDS.conflict, conflictSubmitted(deps));
  app.view(CALLBACK_IDS.markSigned, markSignedSubmissionListener(deps));

  app.action(actionIdPattern(ACTION_IDS.partnerEdit), partnerEditClicked(deps));
  app.action(actionIdPattern(ACTION_IDS.partnerRemove), partnerRemoveClicked(deps));
  app.action(actionIdPattern(ACTION_IDS.eventEdit), eventEditClicked(deps));
  app.action(actionIdPattern(ACTION_IDS.eventCancel), eventCancelClicked(deps));
  app.action(actionIdPattern(ACTION_IDS.actionDone), actionDoneClicked(deps));
  app.action(actionIdPattern(ACTION_IDS.reminderMarkSigned), markSignedButtonListener(deps));
  app.action(actionIdPattern(ACTION_IDS.reminderSnooze), snoozeButtonListener(deps));
  app.action(actionIdPattern(ACTION_IDS.reminderOpenNotion), openNotionButtonListener());
  app.action(ACTION_IDS.addPartner, addPartnerClicked(deps));
  app.action(ACTION_IDS.addEvent, addEventClicked(deps));
  app.action(ACTION_IDS.addAction, addActionClicked(deps));
  app.action<BlockAction>({ type: 'block_actions', callback_id: CALLBACK_IDS.partner, action_id: PARTNER_FIELDS.status }, partnerStatusSwitched(deps));

  app.options(PARTNER_OPTIONS_ACTION, partnerOptions(deps));

  app.event('app_home_opened', appHomeOpened(deps));
}
