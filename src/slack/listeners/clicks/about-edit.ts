import { ABOUT_ID } from '../../../domain/types.js';
import type { SlackDeps } from '../../deps.js';
import { aboutModalFor } from '../../modal-loaders.js';
import { editClicked } from './click.js';

/** *Edit* under the about card: its form, for coordinators. */
export function aboutEditClicked(deps: SlackDeps) {
  return editClicked(deps, () => deps.store.about.get(ABOUT_ID), async (profile, click) => aboutModalFor(click.lang, profile));
}
