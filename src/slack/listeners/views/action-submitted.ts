import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { parseActionForm } from '../../../domain/forms/action-form.js';
import type { ActionItem } from '../../../domain/types.js';
import { VersionConflictError } from '../../../store/repository.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { conflictModal, goneModal, refusedModal, savedModal } from '../../views/modals/outcome-modals.js';
import { errorsAction, fieldContext, readSubmission, updateAction } from './submission.js';

/** Action item modal submitted: add one, or assign, re-date or complete it. */
export function actionSubmitted(deps: SlackDeps) {
  return async ({ ack, body, client, logger }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const submission = readSubmission(body, deps);
    if (!submission) {
      logger.warn('Ignoring a malformed action item submission');
      await ack();
      return;
    }
    const { userId, meta, t, lang, values, today, now } = submission;
    if (!submission.isAdmin) {
      await ack(updateAction(refusedModal(deps.config.CORRIDOR_ADMINS, t)));
      return;
    }
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
    let saved: ActionItem;
    try {
      saved = await store.actions.save(form.value, { actor: userId, expectedVersion: existing ? (meta.version ?? 0) : 0, now });
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      const current = error.current as ActionItem;
      await ack(
        updateAction(
          conflictModal({ entity: 'action', reopen: 'action', what: escapeMrkdwn(current.title[lang]), current, attempted: form.value, ...fields }),
        ),
      );
      return;
    }
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
