import type { SlackDeps } from '../../deps.js';
import { parseRecordRef } from '../../interaction-ids.js';
import { eventModalFor } from '../../modal-loaders.js';
import { openView, readClick, refuse, tell, type ClickArgs } from './click.js';

/** *Edit* under an event card: the event modal, for coordinators. */
export function eventEditClicked(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    if (!click.isAdmin) return refuse(args, click, deps);
    const event = await deps.store.events.get(parseRecordRef(click.value).id);
    if (!event || event.removedAt) return tell(args, click, click.t.modals.gone.title, click.t.changes.gone);
    await openView(args, click, await eventModalFor(deps.store, click.lang, deps.config.CORRIDOR_TZ, event));
  };
}
