import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { canUpdateActionStatus } from '../../../domain/permissions.js';
import type { Partner } from '../../../domain/types.js';
import type { SlackDeps } from '../../deps.js';
import { actionModalFor, actionStatusModalFor, eventModalFor, partnerModalFor, personModalFor } from '../../modal-loaders.js';
import { markSignedModal } from '../../views/mark-signed-view.js';
import { goneModal, noticeModal, refusedModal } from '../../views/modals/outcome-modals.js';
import { partnerName } from '../../views/partner-text.js';
import { readSubmission, updateAction, type Submission } from './submission.js';

/** "Edit again" on the conflict modal: the form again, filled with the record's current values. */
export function conflictSubmitted(deps: SlackDeps) {
  return async ({ ack, body, logger }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const submission = await readSubmission(body, deps);
    if (!submission?.meta.id || !submission.meta.kind) {
      logger.warn('Ignoring a malformed conflict submission');
      await ack();
      return;
    }
    const { meta, lang, t, userId, isAdmin, audience } = submission;
    const { store, config } = deps;
    const id = meta.id!;
    const refused = updateAction(refusedModal(config.CORRIDOR_ADMINS, t, audience));
    const gone = updateAction(goneModal(t));
    let view: ModalView | undefined;
    switch (meta.kind) {
      case 'partner': {
        const partner = await store.partners.get(id);
        if (!isAdmin) return ack(refused);
        view = partner && !partner.removedAt ? await partnerModalFor(lang, partner) : undefined;
        break;
      }
      case 'person': {
        const person = await store.people.get(id);
        if (!isAdmin) return ack(refused);
        view = person && !person.removedAt ? await personModalFor(store, lang, person) : undefined;
        break;
      }
      case 'event': {
        const event = await store.events.get(id);
        if (!isAdmin) return ack(refused);
        view = event && !event.removedAt ? await eventModalFor(store, lang, config.CORRIDOR_TZ, event) : undefined;
        break;
      }
      case 'action': {
        const item = await store.actions.get(id);
        if (!isAdmin) return ack(refused);
        view = item && !item.removedAt ? await actionModalFor(store, lang, item) : undefined;
        break;
      }
      case 'markSigned': {
        const partner = await store.partners.get(id);
        if (!isAdmin) return ack(refused);
        view = partner && !partner.removedAt ? markSignedAgain(partner, submission) : undefined;
        break;
      }
      case 'actionStatus': {
        const item = await store.actions.get(id);
        if (item && !canUpdateActionStatus(userId, item, config.CORRIDOR_ADMINS, audience)) return ack(refused);
        view = item && !item.removedAt ? actionStatusModalFor(lang, item) : undefined;
        break;
      }
    }
    await ack(view ? updateAction(view) : gone);
  };
}

/** The mark-as-signed form on the current version; a partner no longer pending has nothing to mark. */
function markSignedAgain(partner: Partner, { lang, t, today, meta }: Submission): ModalView {
  if (partner.status !== 'pending') return noticeModal(t.markSigned.modalTitle, t.markSigned.notPending(partnerName(partner)), t);
  return markSignedModal({ partner, today, lang, t, origin: meta });
}
