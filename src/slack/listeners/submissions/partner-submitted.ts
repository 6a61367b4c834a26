import { parsePartnerForm } from '../../../domain/forms/partner-form.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { conflictModal, goneModal, savedModal } from '../../views/modals/outcome-modals.js';
import { errorsAction, fieldContext, formWrite, readAdminSubmission, savedMessage, saveUnlessChanged, updateAction, type SubmissionArgs } from './submission.js';

/** Partner modal submitted: validate, save over the version shown (or refuse), then refresh Home tabs. */
export function partnerSubmitted(deps: SlackDeps) {
  return async (args: SubmissionArgs): Promise<void> => {
    const { ack, client, logger } = args;
    const submission = await readAdminSubmission(args, deps, 'partner');
    if (!submission) return;
    const { userId, viewId, meta, t, lang, values, today } = submission;
    // The same submission delivered again: its partner exists (and would clash with its own name).
    const created = meta.id ? undefined : await deps.store.partners.createdByForm(viewId);
    if (created) {
      const fields = await fieldContext(deps.store, lang);
      await ack(updateAction(savedModal({ entity: 'partner', record: created, message: t.modals.saved.partnerAdded(escapeMrkdwn(created.name)), ...fields })));
      return;
    }
    const partners = await deps.store.partners.list({ includeRemoved: true });
    const existing = meta.id ? partners.find((partner) => partner.id === meta.id) : undefined;
    if (meta.id && (!existing || existing.removedAt !== null)) {
      await ack(updateAction(goneModal(t)));
      return;
    }
    const form = parsePartnerForm(values, { existing, partners, today });
    if (!form.ok) {
      await ack(errorsAction(form.errors, t));
      return;
    }
    const fields = await fieldContext(deps.store, lang);
    const saved = await saveUnlessChanged(
      ack,
      () => deps.store.partners.save(form.value, formWrite(submission, existing)),
      (current) => conflictModal({ entity: 'partner', reopen: 'partner', what: escapeMrkdwn(current.name), current, attempted: form.value, ...fields }),
    );
    if (!saved) return;
    const name = escapeMrkdwn(saved.name);
    const message = savedMessage(existing, saved, t, { added: t.modals.saved.partnerAdded(name), updated: t.modals.saved.partnerUpdated(name) });
    await ack(updateAction(savedModal({ entity: 'partner', record: saved, message, ...fields })));
    await deps.home.refresh(client, [userId], logger);
  };
}
