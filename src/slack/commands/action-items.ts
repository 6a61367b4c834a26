import { findTrack, groupByTrack } from '../../domain/action-items.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { actionListView } from '../views/action-item-list-view.js';
import { messageView } from '../views/message-view.js';
import type { CorridorCommand } from './command.js';

export const actionsCommand: CorridorCommand = {
  name: 'actions',
  aliases: ['action-items', 'tracks'],
  frenchAliases: ['pistes', 'taches'],
  help: (t) => t.commands.actions,
  async run(args, { store, lang, t, today, audience }) {
    const [items, tracks] = await Promise.all([store.actions.list(), store.listTracks()]);
    if (!args.trim()) return actionListView(groupByTrack(items, tracks), lang, t, today, audience);
    const track = findTrack(args, tracks);
    if (!track) return messageView(t.actions.unknownTrack(escapeMrkdwn(args)));
    const groups = groupByTrack(items, [track]).filter((group) => group.track !== null);
    return actionListView(groups, lang, t, today, audience, t.actions.titleTrack(track.title[lang]));
  },
};
