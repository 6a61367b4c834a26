import { parseActionStatusForm } from '../../../domain/forms/action-item-form.js';
import { canUpdateActionStatus } from '../../../domain/permissions.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { conflictModal, goneModal, refusedModal, savedModal } from '../../views/modals/outcome-modals.js';
import { errorsAction, fieldContext, readSubmission, saveUnlessChanged, updateAction, type SubmissionArgs } from './submission.js';

/** Status-only modal submitted, by an item's owner (or a coordinator). */
export function actionItemStatusSubmitted(deps: SlackDeps) {
  return async ({ ack, body, client, logger }: SubmissionArgs): Promise<void> => {
    const submission = await readSubmission(body, deps);
    if (!submission?.meta.id) {
      logger.warn('Ignoring a malformed action status submission');
      await ack();
      return;
    }
    const { userId, meta, t, lang, values, today, now, audience } = submission;
    const { store } = deps;
    const existing = await store.actions.get(meta.id!);
    if (!existing || existing.removedAt !== null) {
      await ack(updateAction(goneModal(t)));
      return;
    }
    if (!canUpdateActionStatus(userId, existing, deps.config.CORRIDOR_ADMINS, audience)) {
      await ack(updateAction(refusedModal(deps.config.CORRIDOR_ADMINS, t, audience)));
      return;
    }
    const form = parseActionStatusForm(values, existing, today);
    if (!form.ok) {
      await ack(errorsAction(form.errors, t));
      return;
    }
    const fields = await fieldContext(store, lang);
    const saved = await saveUnlessChanged(
      ack,
      () => store.actions.save(form.value, { actor: userId, expectedVersion: meta.version ?? 0, now }),
      (current) =>
        conflictModal({ entity: 'action', reopen: 'actionStatus', what: escapeMrkdwn(current.title[lang]), current, attempted: form.value, ...fields }),
    );
    if (!saved) return;
    const title = escapeMrkdwn(saved.title[lang]);
    const message = saved.version === existing.version ? t.modals.saved.unchanged : t.modals.saved.actionUpdated(title);
    await ack(updateAction(savedModal({ entity: 'action', record: saved, message, ...fields })));
    await deps.home.refresh(client, [userId, saved.ownerUserId], logger);
  };
}
