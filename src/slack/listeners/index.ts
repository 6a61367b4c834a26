import type { App } from '@slack/bolt';
import { MARK_SIGNED_CALLBACK_ID, REMINDER_ACTIONS, reminderActionPattern } from '../action-ids.js';
import type { SlackDeps } from '../deps.js';
import { markSignedButtonListener } from './actions/mark-signed.js';
import { openNotionButtonListener } from './actions/open-notion.js';
import { snoozeButtonListener } from './actions/snooze.js';
import { corridorCommandListener } from './commands/corridor-command.js';
import { markSignedSubmissionListener } from './views/mark-signed-submission.js';

/** Every listener the app has, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.command('/corridor', corridorCommandListener(deps));
  app.action({ type: 'block_actions', action_id: reminderActionPattern(REMINDER_ACTIONS.markSigned) }, markSignedButtonListener(deps));
  app.action({ type: 'block_actions', action_id: reminderActionPattern(REMINDER_ACTIONS.snooze) }, snoozeButtonListener(deps));
  app.action({ type: 'block_actions', action_id: reminderActionPattern(REMINDER_ACTIONS.openNotion) }, openNotionButtonListener());
  app.view({ callback_id: MARK_SIGNED_CALLBACK_ID, type: 'view_submission' }, markSignedSubmissionListener(deps));
}
