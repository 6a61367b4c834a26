import { withStatus } from '../../../domain/forms/action-item-form.js';
import { draftOf } from '../../../domain/draft.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { actionItemClicked } from './action-item-click.js';
import { tell } from './click.js';

/** *Done* next to an action item (Home tab, item card, a personal nudge): for its owner or a coordinator. */
export function actionItemDoneClicked(deps: SlackDeps) {
  return actionItemClicked(deps, async (item, click, args) => {
    const { t, lang } = click;
    const title = escapeMrkdwn(item.title[lang]);
    if (item.status === 'done') {
      await tell(args, click, t.modals.saved.title, t.changes.alreadyDone(title));
      return;
    }
    // Completing is the same whatever else changed meanwhile, so it is based on the version just read.
    await deps.store.actions.save(
      { ...draftOf(item), ...withStatus(item, 'done', click.today) },
      { actor: click.userId, expectedVersion: item.version, now: click.now },
    );
    // In the Home tab, the refreshed list is the answer; under a card, a short reply.
    if (args.body.response_url) await tell(args, click, t.modals.saved.title, t.changes.actionDone(title));
  });
}
