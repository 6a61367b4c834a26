import { parseActionForm } from '../../../domain/forms/action-item-form.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { saveRecordForm } from './record-form.js';
import { readAdminSubmission, type SubmissionArgs } from './submission.js';

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
    const saved = await saveRecordForm(ack, submission, store, {
      entity: 'action',
      records: store.actions,
      existing,
      parse: () => parseActionForm(values, { existing, actions, partners, tracks, today }),
      draft: (value) => value,
      name: (item) => escapeMrkdwn(item.title[lang]),
      said: (title) => ({ added: t.modals.saved.actionAdded(title), updated: t.modals.saved.actionUpdated(title) }),
    });
    if (!saved) return;
    // The previous and the new owner both see their list change.
    await deps.home.refresh(client, [userId, existing?.ownerUserId, saved.ownerUserId], logger);
  };
}
