import type { SlackDeps } from '../../deps.js';
import { partnerModalFor } from '../../modal-loaders.js';
import { addClicked } from './click.js';

/** *Add partner* in the Home tab's coordinator tools. */
export const addPartnerClicked = (deps: SlackDeps) => addClicked(deps, (click) => partnerModalFor(click.lang));
