import { parseRecordRef } from '../../interaction-ids.js';
import type { SlackDeps } from '../../deps.js';
import { contactModal } from '../../views/modals/contact-modal.js';
import { openView, readClick, refuse, type ClickArgs } from './click.js';

/** *Log a contact* on a partner's card or the reminder: the contact-log form, its partner chosen, for coordinators. */
export function logContactClicked(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    if (!click.isAdmin) return refuse(args, click, deps);
    const partners = await deps.store.partners.list();
    const partnerId = parseRecordRef(click.value).id;
    await openView(args, click, contactModal({ partners, partnerId, today: click.today, lang: click.lang, t: click.t, origin: click }));
  };
}
