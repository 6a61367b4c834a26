import { isOpen } from '../../../domain/action-items.js';
import { draftOf } from '../../../domain/draft.js';
import { postponedDue } from '../../../domain/nudges.js';
import { formatDate } from '../../../i18n/format.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { actionItemClicked } from './action-item-click.js';
import { tell } from './click.js';
import { alreadyHandled, clickedNudge, showHandledInNudge, stillOffered } from './nudge-message.js';

/**
 * *Postpone a week* on a personal nudge: the item's due date a week later, in its history like any
 * change, shown in the nudge itself; a second click on a stale copy of the nudge postpones nothing.
 */
export function actionItemPostponeClicked(deps: SlackDeps) {
  return actionItemClicked(deps, async (item, click, args) => {
    const { t, lang } = click;
    const title = escapeMrkdwn(item.title[lang]);
    const nudge = await clickedNudge(args, click);
    if (!isOpen(item) || !stillOffered(nudge, item)) {
      await tell(args, click, t.modals.saved.title, alreadyHandled(item, click));
      return;
    }
    const dueOn = postponedDue(item, click.today);
    await deps.store.actions.save({ ...draftOf(item), dueOn }, { actor: click.userId, expectedVersion: item.version, now: click.now });
    const due = formatDate(dueOn, lang, { weekday: true });
    if (nudge && (await showHandledInNudge(args, nudge, item, t.nudges.postponedLine(title, due)))) return;
    await tell(args, click, t.modals.saved.title, t.nudges.postponed(title, due));
  });
}
