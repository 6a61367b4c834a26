import type { ActionItem } from '../../../domain/types.js';
import { canUpdateActionStatus } from '../../../domain/permissions.js';
import { VersionConflictError } from '../../../store/corridor-store.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { whoChanged } from '../../views/modals/outcome-modals.js';
import { readClick, refuse, tell, type Click, type ClickArgs } from './click.js';

/**
 * A button on one action item (*Done*, *Postpone a week*): for its owner or a coordinator, from
 * inside; a removed item is said gone. `act` changes it; the Home tabs concerned are refreshed after.
 * Two clicks at the same moment (a double click, a colleague on the Home tab): the later one is
 * answered with who changed the item meanwhile, and changes nothing.
 */
export function actionItemClicked(deps: SlackDeps, act: (item: ActionItem, click: Click, args: ClickArgs) => Promise<void>) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    const item = await deps.store.actions.get(click.value);
    if (!item || item.removedAt) return tell(args, click, click.t.modals.gone.title, click.t.changes.gone);
    if (!canUpdateActionStatus(click.userId, item, deps.config.CORRIDOR_ADMINS, click.audience)) return refuse(args, click, deps);
    try {
      await act(item, click, args);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      const current = error.current as ActionItem;
      await tell(args, click, click.t.modals.conflict.title, click.t.changes.conflict(escapeMrkdwn(current.title[click.lang]), whoChanged(current.updatedBy, click.t)));
    }
    await deps.home.refresh(args.client, [click.userId, item.ownerUserId], args.logger);
  };
}
