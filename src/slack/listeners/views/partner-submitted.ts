import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { parsePartnerForm } from '../../../domain/forms/partner-form.js';
import { VersionConflictError } from '../../../store/repository.js';
import type { Partner } from '../../../domain/types.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { conflictModal, goneModal, refusedModal, savedModal } from '../../views/modals/outcome-modals.js';
import { errorsAction, fieldContext, readSubmission, updateAction } from './submission.js';

/** Partner modal submitted: validate, save over the version shown (or refuse), then refresh Home tabs. */
export function partnerSubmitted(deps: SlackDeps) {
  return async ({ ack, body, client, logger }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const submission = readSubmission(body, deps);
    if (!submission) {
      logger.warn('Ignoring a malformed partner submission');
      await ack();
      return;
    }
    const { userId, meta, t, lang, values, today, now } = submission;
    if (!submission.isAdmin) {
      await ack(updateAction(refusedModal(deps.config.CORRIDOR_ADMINS, t)));
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
    try {
      // Version 0 means "must not exist yet": two coordinators adding the same partner cannot overwrite each other.
      const saved = await deps.store.partners.save(form.value, { actor: userId, expectedVersion: existing ? (meta.version ?? 0) : 0, now });
      const name = escapeMrkdwn(saved.name);
      const message = !existing
        ? t.modals.saved.partnerAdded(name)
        : saved.version === existing.version
          ? t.modals.saved.unchanged
          : t.modals.saved.partnerUpdated(name);
      await ack(updateAction(savedModal({ entity: 'partner', record: saved, message, ...fields })));
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      const current = error.current as Partner;
      await ack(
        updateAction(
          conflictModal({ entity: 'partner', reopen: 'partner', what: escapeMrkdwn(current.name), current, attempted: form.value, ...fields }),
        ),
      );
      return;
    }
    await deps.home.refresh(client, [userId], logger);
  };
}
