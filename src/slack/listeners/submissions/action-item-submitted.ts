import { parseActionForm } from '../../../domain/forms/action-item-form.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { conflictModal, goneModal, savedModal } from '../../views/modals/outcome-modals.js';
import { errorsAction, fieldContext, formWrite, readAdminSubmission, savedMessage, saveUnlessChanged, updateAction, type SubmissionArgs } from './submission.js';

/** Action item modal submitted: add one, or assign, re-date or complete it. */
export function actionItemSubmitted(deps: SlackDeps) {
  return async (args: SubmissionArgs): Promise<void> => {
    const { ack, client, logger } = args;
    const submission = await readAdminSubmission(args, deps, 'action item');
    if (!submission) return;
    const { userId, meta, t, lang, values, today } = submission;
    const { store } = deps;
    const [actions, partners, tracks] = await Promise.all([
      store.actions.list({ includeRemoved: true }),
      store.partners.list({ includeRemoved: true }),
      store.listTracks(),
    ]);
    const existing = meta.id ? actions.find((item) => item.id === meta.id) : undefined;
    if (meta.id && (!existing || existing.removedAt !== null)) {
      await ack(updateAction(goneModal(t)));
      return;
    }
    const form = parseActionForm(values, { existing, actions, partners, tracks, today });
    if (!form.ok) {
      await ack(errorsAction(form.errors, t));
      return;
    }
    const fields = await fieldContext(store, lang);
    const saved = await saveUnlessChanged(
      ack,
      () => store.actions.save(form.value, formWrite(submission, existing)),
      (current) => conflictModal({ entity: 'action', reopen: 'action', what: escapeMrkdwn(current.title[lang]), current, attempted: form.value, ...fields }),
    );
    if (!saved) return;
    const title = escapeMrkdwn(saved.title[lang]);
    const message = savedMessage(existing, saved, t, { added: t.modals.saved.actionAdded(title), updated: t.modals.saved.actionUpdated(title) });
    await ack(updateAction(savedModal({ entity: 'action', record: saved, message, ...fields })));
    // The previous and the new owner both see their list change.
    await deps.home.refresh(client, [userId, existing?.ownerUserId, saved.ownerUserId], logger);
  };
}
