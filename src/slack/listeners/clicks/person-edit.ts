import type { SlackDeps } from '../../deps.js';
import { personModalFor } from '../../modal-loaders.js';
import { editClicked } from './click.js';

/** *Edit* under a person card: the person modal, for coordinators. */
export function personEditClicked(deps: SlackDeps) {
  return editClicked(deps, (id) => deps.store.people.get(id), (person, click) => personModalFor(deps.store, click.lang, person));
}
