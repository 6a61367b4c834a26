import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { canUpdateActionStatus } from '../../../domain/permissions.js';
import type { Partner } from '../../../domain/types.js';
import type { SlackDeps } from '../../deps.js';
import { aboutModalFor, actionModalFor, actionStatusModalFor, eventModalFor, partnerModalFor, personModalFor } from '../../modal-loaders.js';
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
    // Every form but an action item's status is the coordinators' alone: refused before any read.
    if (meta.kind !== 'actionStatus' && !isAdmin) return ack(refused);
    let view: ModalView | undefined;
    switch (meta.kind) {
      case 'partner':
        view = await whenLive(await store.partners.get(id), (partner) => partnerModalFor(lang, partner));
        break;
      case 'person':
        view = await whenLive(await store.people.get(id), (person) => personModalFor(store, lang, person));
        break;
      case 'event':
        view = await whenLive(await store.events.get(id), (event) => eventModalFor(store, lang, config.CORRIDOR_TZ, event));
        break;
      case 'action':
        view = await whenLive(await store.actions.get(id), (item) => actionModalFor(store, lang, item));
        break;
      case 'about':
        view = await whenLive(await store.about.get(id), (profile) => aboutModalFor(lang, profile));
        break;
      case 'markSigned':
        view = await whenLive(await store.partners.get(id), (partner) => markSignedAgain(partner, submission));
        break;
      case 'actionStatus': {
        const item = await store.actions.get(id);
        if (item && !canUpdateActionStatus(userId, item, config.CORRIDOR_ADMINS, audience)) return ack(refused);
        view = await whenLive(item, (live) => actionStatusModalFor(lang, live));
        break;
      }
    }
    await ack(view ? updateAction(view) : gone);
  };
}

/** The form `open` gives for a record still on file; undefined for one missing or removed. */
async function whenLive<T extends { removedAt: string | null }>(
  record: T | undefined,
  open: (record: T) => ModalView | Promise<ModalView>,
): Promise<ModalView | undefined> {
  return record && record.removedAt === null ? open(record) : undefined;
}

/** The mark-as-signed form on the current version; a partner no longer pending has nothing to mark. */
function markSignedAgain(partner: Partner, { lang, t, today, meta }: Submission): ModalView {
  if (partner.status !== 'pending') return noticeModal(t.markSigned.modalTitle, t.markSigned.notPending(partnerName(partner)), t);
  return markSignedModal({ partner, today, lang, t, origin: meta });
}
