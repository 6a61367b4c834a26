import { parsePartnerForm } from '../../../domain/forms/partner-form.js';
import type { Partner } from '../../../domain/types.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { ackedAsAlreadyAdded, saveRecordForm } from './record-form.js';
import { readAdminSubmission, type SubmissionArgs } from './submission.js';

const partnerName = (partner: Partner): string => escapeMrkdwn(partner.name);

/** Partner modal submitted: validate, save over the version shown (or refuse), then refresh Home tabs. */
export function partnerSubmitted(deps: SlackDeps) {
  return async (args: SubmissionArgs): Promise<void> => {
    const { ack, client, logger } = args;
    const submission = await readAdminSubmission(args, deps, 'partner');
    if (!submission) return;
    const { userId, meta, t, values, today } = submission;
    const { store } = deps;
    const added = t.modals.saved.partnerAdded;
    if (await ackedAsAlreadyAdded(ack, submission, store, { entity: 'partner', records: store.partners, name: partnerName, added })) return;
    const partners = await store.partners.list({ includeRemoved: true });
    const existing = meta.id ? partners.find((partner) => partner.id === meta.id) : undefined;
    const saved = await saveRecordForm(ack, submission, store, {
      entity: 'partner',
      records: store.partners,
      existing,
      parse: () => parsePartnerForm(values, { existing, partners, today }),
      draft: (value) => value,
      name: partnerName,
      said: (name) => ({ added: added(name), updated: t.modals.saved.partnerUpdated(name) }),
    });
    if (saved) await deps.home.refresh(client, [userId], logger);
  };
}
