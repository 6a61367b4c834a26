import { parseActionForm } from '../../../domain/forms/action-item-form.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { conflictModal, goneModal, savedModal } from '../../views/modals/outcome-modals.js';
import { errorsAction, fieldContext, readAdminSubmission, saveUnlessChanged, updateAction, type SubmissionArgs } from './submission.js';

/** Action item modal submitted: add one, or assign, re-date or complete it. */
export function actionItemSubmitted(deps: SlackDeps) {
  return async (args: SubmissionArgs): Promise<void> => {
    const { ack, client, logger } = args;
    const submission = await readAdminSubmission(args, deps, 'action item');
    if (!submission) return;
    const { userId, viewId, meta, t, lang, values, today, now } = submission;
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
      // A new item is keyed on the form: delivered twice, the second finds the first's item.
      () => store.actions.save(form.value, { actor: userId, now, ...(existing ? { expectedVersion: meta.version ?? 0 } : { expectedVersion: 0, formId: viewId }) }),
      (current) => conflictModal({ entity: 'action', reopen: 'action', what: escapeMrkdwn(current.title[lang]), current, attempted: form.value, ...fields }),
    );
    if (!saved) return;
    const title = escapeMrkdwn(saved.title[lang]);
    const message = !existing
      ? t.modals.saved.actionAdded(title)
      : saved.version === existing.version
        ? t.modals.saved.unchanged
        : t.modals.saved.actionUpdated(title);
    await ack(updateAction(savedModal({ entity: 'action', record: saved, message, ...fields })));
    // The previous and the new owner both see their list change.
    await deps.home.refresh(client, [userId, existing?.ownerUserId, saved.ownerUserId], logger);
  };
}
