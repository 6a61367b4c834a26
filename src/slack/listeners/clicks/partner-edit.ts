import type { SlackDeps } from '../../deps.js';
import { parseRecordRef } from '../../interaction-ids.js';
import { partnerModalFor } from '../../modal-loaders.js';
import { openView, readClick, refuse, tell, type ClickArgs } from './click.js';

/** *Edit* under a partner card: the partner modal, for coordinators. */
export function partnerEditClicked(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    if (!click.isAdmin) return refuse(args, click, deps);
    const partner = await deps.store.partners.get(parseRecordRef(click.value).id);
    if (!partner || partner.removedAt) return tell(args, click, click.t.modals.gone.title, click.t.changes.gone);
    await openView(args, click, await partnerModalFor(click.lang, partner));
  };
}
