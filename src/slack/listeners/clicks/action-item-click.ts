import type { ActionItem } from '../../../domain/types.js';
import { canUpdateActionStatus } from '../../../domain/permissions.js';
import type { SlackDeps } from '../../deps.js';
import { readClick, refuse, tell, type Click, type ClickArgs } from './click.js';

/**
 * A button on one action item (*Done*, *Postpone a week*): for its owner or a coordinator, from
 * inside; a removed item is said gone. `act` changes it; the Home tabs concerned are refreshed after.
 */
export function actionItemClicked(deps: SlackDeps, act: (item: ActionItem, click: Click, args: ClickArgs) => Promise<void>) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    const item = await deps.store.actions.get(click.value);
    if (!item || item.removedAt) return tell(args, click, click.t.modals.gone.title, click.t.changes.gone);
    if (!canUpdateActionStatus(click.userId, item, deps.config.CORRIDOR_ADMINS, click.audience)) return refuse(args, click, deps);
    await act(item, click, args);
    await deps.home.refresh(args.client, [click.userId, item.ownerUserId], args.logger);
  };
}
