import { withStatus } from '../../../domain/forms/action-item-form.js';
import { draftOf } from '../../../domain/draft.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { actionItemClicked } from './action-item-click.js';
import { tell } from './click.js';
import { alreadyHandled, clickedNudge, showHandledInNudge, stillOffered } from './nudge-message.js';

/** *Done* next to an action item (Home tab, item card, a personal nudge): for its owner or a coordinator. */
export function actionItemDoneClicked(deps: SlackDeps) {
  return actionItemClicked(deps, async (item, click, args) => {
    const { t, lang } = click;
    const title = escapeMrkdwn(item.title[lang]);
    const nudge = await clickedNudge(args, click);
    if (item.status === 'done' || !stillOffered(nudge, item)) {
      await tell(args, click, t.modals.saved.title, alreadyHandled(item, click));
      return;
    }
    // Completing is the same whatever else changed meanwhile, so it is based on the version just read.
    await deps.store.actions.save(
      { ...draftOf(item), ...withStatus(item, 'done', click.today) },
      { actor: click.userId, expectedVersion: item.version, now: click.now },
    );
    // In a nudge, the item shown done is the answer; in the Home tab, the refreshed list; under a card, a short reply.
    if (nudge && (await showHandledInNudge(args, nudge, item, t.nudges.doneLine(title)))) return;
    if (args.body.response_url) await tell(args, click, t.modals.saved.title, t.changes.actionDone(title));
  });
}
