import type { SlackDeps } from '../../deps.js';
import { eventModalFor } from '../../modal-loaders.js';
import { addClicked } from './click.js';

/** *Add event* in the Home tab's coordinator tools. */
export const addEventClicked = (deps: SlackDeps) => addClicked(deps, (click) => eventModalFor(deps.store, click.lang, deps.config.CORRIDOR_TZ));
