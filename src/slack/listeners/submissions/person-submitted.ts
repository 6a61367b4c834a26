import { parsePersonForm } from '../../../domain/forms/person-form.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { conflictModal, goneModal, savedModal } from '../../views/modals/outcome-modals.js';
import { errorsAction, fieldContext, formWrite, readAdminSubmission, savedMessage, saveUnlessChanged, updateAction, type SubmissionArgs } from './submission.js';

/** Person modal submitted: validate, save over the version shown (or refuse), as the partner form does. */
export function personSubmitted(deps: SlackDeps) {
  return async (args: SubmissionArgs): Promise<void> => {
    const { ack } = args;
    const submission = await readAdminSubmission(args, deps, 'person');
    if (!submission) return;
    const { viewId, meta, t, lang, values } = submission;
    const { store } = deps;
    // The same submission delivered again: its person exists (and would clash with their own name).
    const created = meta.id ? undefined : await store.people.createdByForm(viewId);
    if (created) {
      const fields = await fieldContext(store, lang);
      await ack(updateAction(savedModal({ entity: 'person', record: created, message: t.modals.saved.personAdded(escapeMrkdwn(created.name)), ...fields })));
      return;
    }
    const [people, partners] = await Promise.all([store.people.list({ includeRemoved: true }), store.partners.list({ includeRemoved: true })]);
    const existing = meta.id ? people.find((person) => person.id === meta.id) : undefined;
    if (meta.id && (!existing || existing.removedAt !== null)) {
      await ack(updateAction(goneModal(t)));
      return;
    }
    const form = parsePersonForm(values, { existing, people, partners });
    if (!form.ok) {
      await ack(errorsAction(form.errors, t));
      return;
    }
    const fields = await fieldContext(store, lang);
    const saved = await saveUnlessChanged(
      ack,
      () => store.people.save(form.value, formWrite(submission, existing)),
      (current) => conflictModal({ entity: 'person', reopen: 'person', what: escapeMrkdwn(current.name), current, attempted: form.value, ...fields }),
    );
    if (!saved) return;
    const name = escapeMrkdwn(saved.name);
    const message = savedMessage(existing, saved, t, { added: t.modals.saved.personAdded(name), updated: t.modals.saved.personUpdated(name) });
    await ack(updateAction(savedModal({ entity: 'person', record: saved, message, ...fields })));
  };
}
