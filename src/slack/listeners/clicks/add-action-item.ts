import type { SlackDeps } from '../../deps.js';
import { actionModalFor } from '../../modal-loaders.js';
import { addClicked } from './click.js';

/** *Add action item* in the Home tab's coordinator tools. */
export const addActionItemClicked = (deps: SlackDeps) => addClicked(deps, (click) => actionModalFor(deps.store, click.lang));
