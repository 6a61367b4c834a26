import { canSnooze } from '../../../domain/permissions.js';
import { snoozeUntil } from '../../../domain/snooze.js';
import { formatDate } from '../../../i18n/format.js';
import type { SlackDeps } from '../../deps.js';
import { partnerName } from '../../views/partner-text.js';
import { messageView } from '../../views/message-view.js';
import { refusalView } from '../../views/refusal-view.js';
import { readClick, type ClickArgs } from './click.js';
import { replyEphemeral } from './reply-ephemeral.js';

/**
 * *Snooze 1 week* on a reminder: the partner is left out of the reminders for seven days. Only the
 * coordinators and the partner's follow-up owner may; anyone else is told so and nothing changes.
 */
export function snoozeClicked(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    const { t, lang } = click;
    // Only from inside: a partner's people never silence reminders about themselves.
    if (click.audience === 'public') {
      await replyEphemeral(args, click, refusalView(deps.config.CORRIDOR_ADMINS, t, click.audience));
      return;
    }
    const partner = click.value ? await deps.store.partners.get(click.value) : undefined;
    if (!partner || partner.removedAt !== null) {
      await replyEphemeral(args, click, messageView(t.snooze.notFound));
      return;
    }
    if (!canSnooze(click.userId, partner, deps.config.CORRIDOR_ADMINS, click.audience)) {
      await replyEphemeral(args, click, messageView(t.snooze.refused(partnerName(partner))));
      return;
    }
    const until = snoozeUntil(click.today);
    await deps.store.snoozes.snooze({ partnerId: partner.id, until, snoozedBy: click.userId, snoozedAt: click.now.toISOString() });
    await replyEphemeral(args, click, messageView(t.snooze.done(partnerName(partner), formatDate(until, lang))));
  };
}
