import type { SlackDeps } from '../../deps.js';
import { partnerModalFor } from '../../modal-loaders.js';
import { editClicked } from './click.js';

/** *Edit* under a partner card: the partner modal, for coordinators. */
export function partnerEditClicked(deps: SlackDeps) {
  return editClicked(deps, (id) => deps.store.partners.get(id), (partner, click) => partnerModalFor(click.lang, partner));
}
