import { parseEventForm } from '../../../domain/forms/event-form.js';
import { VersionConflictError } from '../../../store/corridor-store.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { eventDateText } from '../../views/event-views.js';
import { saveRecordForm } from './record-form.js';
import { readAdminSubmission, type SubmissionArgs } from './submission.js';

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
    const saved = await saveRecordForm(ack, submission, store, {
      entity: 'event',
      records: store.events,
      existing,
      parse: () => parseEventForm(values, { existing, events, partners, people }),
      draft: (value) => value.event,
      name: (event) => escapeMrkdwn(event.title[lang]),
      said: (title, event) => {
        const when = eventDateText(event, lang);
        return { added: t.modals.saved.eventAdded(title, when), updated: t.modals.saved.eventUpdated(title, when) };
      },
      // People are added once the event is accepted, so a refused submission adds nobody. Should the
      // database turn busy here, submitting again adds the ones missing (the others now match by name).
      afterSave: async ({ newPeople }) => {
        for (const person of newPeople) {
          // Added meanwhile under the same ID (the same submission delivered twice at once): the same person.
          await store.people.save(person, { actor: userId, now, expectedVersion: 0 }).catch((error: unknown) => {
            if (!(error instanceof VersionConflictError)) throw error;
          });
        }
      },
    });
    if (!saved) return;
    await deps.home.refresh(client, [userId], logger);
  };
}
