import { eventWhenArgument } from '../../domain/event-when.js';
import { eventsWhen } from '../../domain/events.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { eventListView } from '../views/event-views.js';
import { messageView } from '../views/message-view.js';
import type { CorridorCommand } from './command.js';

export const eventsCommand: CorridorCommand = {
  name: 'events',
  aliases: ['agenda'],
  frenchAliases: ['evenements', 'evenement-list'],
  help: (t) => t.commands.events,
  async run(args, { store, lang, t, today }) {
    const when = eventWhenArgument.safeParse(args);
    if (!when.success) return messageView(t.events.unknownWhen(escapeMrkdwn(args)));
    return eventListView(eventsWhen(await store.events.list(), when.data, today), when.data, lang, t);
  },
};
