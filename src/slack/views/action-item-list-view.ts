import { isOpen, isOverdue, type TrackGroup } from '../../domain/action-items.js';
import type { Audience } from '../../domain/permissions.js';
import type { ActionItem } from '../../domain/types.js';
import { formatDate } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import type { Reply } from '../blocks.js';
import { FIRST_PAGE, pagedListView, type ListEntry, type PageChoice } from './paged-list.js';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.js';

/** An action item in one line: its title and status, and inside its owner, due date and lateness too. */
/** One action item; `viewerId` leaves out the owner where it is the reader (their own list). */
export function actionLine(item: ActionItem, lang: Lang, t: Catalogue, today: string, audience: Audience, viewerId?: string): string {
  const details = audience === 'public' ? [] : [
    item.ownerUserId && item.ownerUserId !== viewerId ? mentionUser(item.ownerUserId) : '',
    item.dueOn ? `${t.fields.due} ${formatDate(item.dueOn, lang)}` : '',
    isOverdue(item, today) ? `*${t.actions.overdue}*` : '',
  ].filter(Boolean);
  const line = t.actions.item(escapeMrkdwn(item.title[lang]), t.actionStatus[item.status]);
  return `• ${line}${details.length ? ` · ${details.join(' · ')}` : ''}`;
}

/**
 * Action items by track, a track with none saying so; one page at a time within Slack's message
 * limits. `viewerId` when every item is the reader's own (`actions mine`): no owner named on them.
 */
export function actionListView(
  groups: TrackGroup[],
  lang: Lang,
  t: Catalogue,
  today: string,
  audience: Audience,
  title = t.actions.title,
  choice: PageChoice = FIRST_PAGE,
  viewerId?: string,
): Reply {
  const items = groups.flatMap((group) => group.items);
  const summary = t.actions.summary(items.filter(isOpen).length, items.length);
  const entries: ListEntry[] = groups.flatMap((group) => {
    const heading = group.track ? t.actions.trackLine(group.track.position, escapeMrkdwn(group.track.title[lang])) : t.actions.noTrack;
    const track = `*${heading}*`;
    if (group.items.length === 0) return [{ group: track, text: `_${t.actions.emptyTrack}_`, note: true as const }];
    return group.items.map((item) => ({ group: track, text: actionLine(item, lang, t, today, audience, viewerId) }));
  });
  return pagedListView({ title, summary, entries, ...choice, t });
}
