import { parsePersonForm } from '../../../domain/forms/person-form.js';
import type { Person } from '../../../domain/types.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { ackedAsAlreadyAdded, saveRecordForm } from './record-form.js';
import { readAdminSubmission, type SubmissionArgs } from './submission.js';

const personName = (person: Person): string => escapeMrkdwn(person.name);

/** Person modal submitted: validate, save over the version shown (or refuse), as the partner form does. */
export function personSubmitted(deps: SlackDeps) {
  return async (args: SubmissionArgs): Promise<void> => {
    const { ack } = args;
    const submission = await readAdminSubmission(args, deps, 'person');
    if (!submission) return;
    const { meta, t, values } = submission;
    const { store } = deps;
    const added = t.modals.saved.personAdded;
    if (await ackedAsAlreadyAdded(ack, submission, store, { entity: 'person', records: store.people, name: personName, added })) return;
    const [people, partners] = await Promise.all([store.people.list({ includeRemoved: true }), store.partners.list({ includeRemoved: true })]);
    const existing = meta.id ? people.find((person) => person.id === meta.id) : undefined;
    await saveRecordForm(ack, submission, store, {
      entity: 'person',
      records: store.people,
      existing,
      parse: () => parsePersonForm(values, { existing, people, partners }),
      draft: (value) => value,
      name: personName,
      said: (name) => ({ added: added(name), updated: t.modals.saved.personUpdated(name) }),
    });
  };
}
