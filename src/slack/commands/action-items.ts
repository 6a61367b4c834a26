import { actionItemFilterWord } from '../../domain/action-item-filter.js';
import { findTrack, groupByTrack, isOverdue, type TrackGroup } from '../../domain/action-items.js';
import { matchPartner } from '../../domain/partner-match.js';
import type { ActionItem } from '../../domain/types.js';
import type { Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { actionListView } from '../views/action-item-list-view.js';
import { messageView } from '../views/message-view.js';
import type { PageChoice } from '../views/paged-list.js';
import type { CommandContext, CorridorCommand } from './command.js';
import { listPage } from './list-page.js';

/** `/corridor actions [track | mine | overdue | partner]`: the action items, grouped by track. */
export const actionsCommand: CorridorCommand = {
  name: 'actions',
  aliases: ['action-items', 'tracks'],
  frenchAliases: ['pistes', 'taches'],
  help: (t) => t.commands.actions,
  async run(typed, context) {
    const { store, lang, t, today, audience, userId } = context;
    const page = listPage(typed, t.commands.actions, context);
    if ('answer' in page) return page.answer;
    const { rest: args, choice } = page;
    const [items, tracks] = await Promise.all([store.actions.list(), store.listTracks()]);
    if (!args.trim()) return actionListView(groupByTrack(items, tracks), lang, t, today, audience, undefined, choice);
    const word = actionItemFilterWord(args);
    if (word) {
      // Owners and lateness are the coordinators' side: another organisation is told so.
      if (audience === 'public') return messageView(t.actions.insideOnly);
      const chosen = word === 'mine' ? items.filter((item) => item.ownerUserId === userId) : items.filter((item) => isOverdue(item, today));
      return filteredList(chosen, word === 'mine' ? t.actions.titleMine : t.actions.titleOverdue, context, choice, word === 'mine' ? userId : undefined);
    }
    const track = findTrack(args, tracks);
    if (track) {
      const groups = groupByTrack(items, [track]).filter((group) => group.track !== null);
      return actionListView(groups, lang, t, today, audience, t.actions.titleTrack(track.title[lang]), choice);
    }
    const match = matchPartner(args, await store.partners.list());
    if (match.kind !== 'one') return messageView(t.actions.unknownTrack(escapeMrkdwn(args)));
    return filteredList(items.filter((item) => item.partnerIds.includes(match.partner.id)), t.actions.titlePartner(match.partner.name), context, choice);
  },
};

/** A chosen few, by track, leaving out the tracks with none of them. */
async function filteredList(items: ActionItem[], title: string, { store, lang, t, today, audience }: CommandContext, choice: PageChoice, viewerId?: string): Promise<Reply> {
  const groups: TrackGroup[] = groupByTrack(items, await store.listTracks()).filter((group) => group.items.length > 0);
  return actionListView(groups, lang, t, today, audience, title, choice, viewerId);
}
