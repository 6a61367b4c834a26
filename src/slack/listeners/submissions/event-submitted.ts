import { parseEventForm } from '../../../domain/forms/event-form.js';
import { VersionConflictError } from '../../../store/corridor-store.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { eventDateText } from '../../views/event-views.js';
import { conflictModal, goneModal, savedModal } from '../../views/modals/outcome-modals.js';
import { errorsAction, fieldContext, formWrite, readAdminSubmission, savedMessage, saveUnlessChanged, updateAction, type SubmissionArgs } from './submission.js';

/** Event modal submitted: add, edit or cancel an event; speakers not on record are added as people. */
export function eventSubmitted(deps: SlackDeps) {
  return async (args: SubmissionArgs): Promise<void> => {
    const { ack, client, logger } = args;
    const submission = await readAdminSubmission(args, deps, 'event');
    if (!submission) return;
    const { userId, meta, t, lang, values, now } = submission;
    const { store } = deps;
    const [events, partners, people] = await Promise.all([
      store.events.list({ includeRemoved: true }),
      store.partners.list({ includeRemoved: true }),
      store.people.list({ includeRemoved: true }),
    ]);
    const existing = meta.id ? events.find((event) => event.id === meta.id) : undefined;
    if (meta.id && (!existing || existing.removedAt !== null)) {
      await ack(updateAction(goneModal(t)));
      return;
    }
    const form = parseEventForm(values, { existing, events, partners, people });
    if (!form.ok) {
      await ack(errorsAction(form.errors, t));
      return;
    }
    const saved = await saveUnlessChanged(
      ack,
      () => store.events.save(form.value.event, formWrite(submission, existing)),
      async (current) => {
        const fields = await fieldContext(store, lang);
        return conflictModal({ entity: 'event', reopen: 'event', what: escapeMrkdwn(current.title[lang]), current, attempted: form.value.event, ...fields });
      },
    );
    if (!saved) return;
    // People are added once the event is accepted, so a refused submission adds nobody. Should the
    // database turn busy here, submitting again adds the ones missing (the others now match by name).
    for (const person of form.value.newPeople) {
      // Added meanwhile under the same ID (the same submission delivered twice at once): the same person.
      await store.people.save(person, { actor: userId, now, expectedVersion: 0 }).catch((error: unknown) => {
        if (!(error instanceof VersionConflictError)) throw error;
      });
    }
    const title = escapeMrkdwn(saved.title[lang]);
    const when = eventDateText(saved, lang);
    const message = savedMessage(existing, saved, t, { added: t.modals.saved.eventAdded(title, when), updated: t.modals.saved.eventUpdated(title, when) });
    const fields = await fieldContext(store, lang);
    await ack(updateAction(savedModal({ entity: 'event', record: saved, message, ...fields })));
    await deps.home.refresh(client, [userId], logger);
  };
}
