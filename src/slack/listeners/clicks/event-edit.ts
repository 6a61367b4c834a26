import type { SlackDeps } from '../../deps.js';
import { eventModalFor } from '../../modal-loaders.js';
import { editClicked } from './click.js';

/** *Edit* under an event card: the event modal, for coordinators. */
export function eventEditClicked(deps: SlackDeps) {
  return editClicked(deps, (id) => deps.store.events.get(id), (event, click) => eventModalFor(deps.store, click.lang, deps.config.CORRIDOR_TZ, event));
}
