import { normalize } from '../../../domain/text.js';
import type { SlackDeps } from '../../deps.js';
import { personChoices } from '../../views/modals/person-choices.js';
import { recordOptions } from './record-options.js';

/** The people on record whose name contains what the user typed (the event form's invitees and attendees). */
export function peopleOptions(deps: SlackDeps) {
  return recordOptions(async (typed) => personChoices(await deps.store.people.list()).filter((choice) => normalize(choice.text).includes(typed)));
}
