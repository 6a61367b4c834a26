import { RecordNotFoundError, VersionConflictError } from '../../../store/repository.js';
import type { SlackDeps } from '../../deps.js';
import { parseRecordRef } from '../../interaction-ids.js';
import { escapeMrkdwn, mentionUser } from '../../mrkdwn.js';
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
      const who = current.updatedBy?.match(/^[UW][A-Z0-9]{2,}$/) ? mentionUser(current.updatedBy) : t.modals.conflict.someone;
      return tell(args, click, t.modals.conflict.title, t.changes.conflict(escapeMrkdwn(current.name), who));
    }
    await deps.home.refresh(args.client, [click.userId], args.logger);
  };
}
