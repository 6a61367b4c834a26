import { draftOf } from '../../../domain/draft.js';
import type { CorridorEvent } from '../../../domain/types.js';
import { VersionConflictError } from '../../../store/corridor-store.js';
import type { SlackDeps } from '../../deps.js';
import { parseRecordRef } from '../../interaction-ids.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { whoChanged } from '../../views/modals/outcome-modals.js';
import { readClick, refuse, tell, type ClickArgs } from './click.js';

/** *Cancel event* under an event card (after Slack's confirmation): marked cancelled, kept on record. */
export function eventCancelClicked(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    if (!click.isAdmin) return refuse(args, click, deps);
    const { t, lang } = click;
    const ref = parseRecordRef(click.value);
    const event = await deps.store.events.get(ref.id);
    if (!event || event.removedAt) return tell(args, click, t.modals.gone.title, t.changes.gone);
    try {
      const saved = await deps.store.events.save(
        { ...draftOf(event), status: 'cancelled' },
        { actor: click.userId, expectedVersion: ref.version ?? event.version, now: click.now },
      );
      await tell(args, click, t.modals.saved.title, t.changes.eventCancelled(escapeMrkdwn(saved.title[lang])));
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      const current = error.current as CorridorEvent;
      return tell(args, click, t.modals.conflict.title, t.changes.conflict(escapeMrkdwn(current.title[lang]), whoChanged(current.updatedBy, t)));
    }
    await deps.home.refresh(args.client, [click.userId], args.logger);
  };
}
