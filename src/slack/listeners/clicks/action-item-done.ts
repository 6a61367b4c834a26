import { withStatus } from '../../../domain/forms/action-item-form.js';
import { draftOf } from '../../../domain/draft.js';
import { canUpdateActionStatus } from '../../../domain/permissions.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { readClick, refuse, tell, type ClickArgs } from './click.js';

/** *Done* next to an action item (Home tab or item card): for its owner or a coordinator. */
export function actionItemDoneClicked(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    const { t, lang } = click;
    const item = await deps.store.actions.get(click.value);
    if (!item || item.removedAt) return tell(args, click, t.modals.gone.title, t.changes.gone);
    if (!canUpdateActionStatus(click.userId, item, deps.config.CORRIDOR_ADMINS, click.audience)) return refuse(args, click, deps);
    const title = escapeMrkdwn(item.title[lang]);
    if (item.status === 'done') {
      await tell(args, click, t.modals.saved.title, t.changes.alreadyDone(title));
    } else {
      // Completing is the same whatever else changed meanwhile, so it is based on the version just read.
      await deps.store.actions.save(
        { ...draftOf(item), ...withStatus(item, 'done', click.today) },
        { actor: click.userId, expectedVersion: item.version, now: click.now },
      );
      // In the Home tab, the refreshed list is the answer; under a card, a short reply.
      if (args.body.response_url) await tell(args, click, t.modals.saved.title, t.changes.actionDone(title));
    }
    await deps.home.refresh(args.client, [click.userId, item.ownerUserId], args.logger);
  };
}
