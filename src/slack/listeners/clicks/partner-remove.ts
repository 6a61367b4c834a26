import { RecordNotFoundError, VersionConflictError } from '../../../store/corridor-store.js';
import type { SlackDeps } from '../../deps.js';
import { parseRecordRef } from '../../interaction-ids.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { whoChanged } from '../../views/modals/outcome-modals.js';
import type { Partner } from '../../../domain/types.js';
import { readClick, refuse, tell, type ClickArgs } from './click.js';

/** *Remove* under a partner card (after Slack's confirmation): marked removed, never deleted. */
export function partnerRemoveClicked(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    if (!click.isAdmin) return refuse(args, click, deps);
    const { t } = click;
    const ref = parseRecordRef(click.value);
    try {
      const removed = await deps.store.partners.remove(ref.id, { actor: click.userId, expectedVersion: ref.version, now: click.now });
      await tell(args, click, t.modals.saved.title, t.changes.partnerRemoved(escapeMrkdwn(removed.name)));
    } catch (error) {
      if (error instanceof RecordNotFoundError) return tell(args, click, t.modals.gone.title, t.changes.gone);
      if (!(error instanceof VersionConflictError)) throw error;
      const current = error.current as Partner;
      return tell(args, click, t.modals.conflict.title, t.changes.conflict(escapeMrkdwn(current.name), whoChanged(current.updatedBy, t)));
    }
    await deps.home.refresh(args.client, [click.userId], args.logger);
  };
}
