import type { SlackDeps } from '../../deps.js';
import { markSignedModal } from '../../views/mark-signed-view.js';
import { partnerName } from '../../views/partner-text.js';
import { refusalView } from '../../views/refusal-view.js';
import { messageView } from '../../views/message-view.js';
import { openView, readClick, type ClickArgs } from './click.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** *Mark as signed* on a reminder: coordinators get the signing-date form, others a polite refusal. */
export function markSignedClicked(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    const { t } = click;
    if (!click.isAdmin) {
      await replyEphemeral(args, click, refusalView(deps.config.CORRIDOR_ADMINS, t, click.audience));
      return;
    }
    const partner = click.value ? await deps.store.partners.get(click.value) : undefined;
    if (!partner || partner.removedAt !== null) {
      await replyEphemeral(args, click, messageView(t.markSigned.notFound));
      return;
    }
    if (partner.status !== 'pending') {
      await replyEphemeral(args, click, messageView(t.markSigned.notPending(partnerName(partner))));
      return;
    }
    await openView(args, click, markSignedModal({ partner, today: click.today, lang: click.lang, t, origin: click }));
  };
}
