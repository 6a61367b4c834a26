import { parseActionStatusForm } from '../../../domain/forms/action-item-form.js';
import { canUpdateActionStatus } from '../../../domain/permissions.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { refusedModal } from '../../views/modals/outcome-modals.js';
import { saveRecordForm } from './record-form.js';
import { readSubmission, updateAction, type SubmissionArgs } from './submission.js';

/**
 * Status-only modal submitted, by an item's owner (or a coordinator): saved through the one
 * protocol of the record forms (removed meanwhile, field errors, changed meanwhile, saved).
 */
export function actionItemStatusSubmitted(deps: SlackDeps) {
  return async ({ ack, body, client, logger }: SubmissionArgs): Promise<void> => {
    const submission = await readSubmission(body, deps);
    const id = submission?.meta.id;
    if (!submission || !id) {
      logger.warn('Ignoring a malformed action status submission');
      await ack();
      return;
    }
    const { userId, t, lang, values, today, audience } = submission;
    const { store } = deps;
    const existing = await store.actions.get(id);
    if (existing && existing.removedAt === null && !canUpdateActionStatus(userId, existing, deps.config.CORRIDOR_ADMINS, audience)) {
      await ack(updateAction(refusedModal(deps.config.CORRIDOR_ADMINS, t, audience)));
      return;
    }
    const saved = await saveRecordForm(ack, submission, store, {
      entity: 'action',
      reopen: 'actionStatus',
      records: store.actions,
      existing,
      // saveRecordForm answers a removed item before parsing: `existing` is the live item here.
      parse: () => parseActionStatusForm(values, existing!, today),
      draft: (value) => value,
      name: (item) => escapeMrkdwn(item.title[lang]),
      said: (title) => ({ added: t.modals.saved.actionUpdated(title), updated: t.modals.saved.actionUpdated(title) }),
    });
    if (!saved) return;
    await deps.home.refresh(client, [userId, saved.ownerUserId], logger);
  };
}
