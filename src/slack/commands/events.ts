import { eventWhenArgument } from '../../domain/event-when.js';
import { eventsWhen } from '../../domain/events.js';
import { matchPartner } from '../../domain/partner-match.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { eventListView } from '../views/event-views.js';
import { messageView } from '../views/message-view.js';
import type { CorridorCommand } from './command.js';
import { listPage } from './list-page.js';

export const eventsCommand: CorridorCommand = {
  name: 'events',
  aliases: ['agenda'],
  frenchAliases: ['evenements', 'evenement-list'],
  help: (t) => t.commands.events,
  async run(typed, context) {
    const { store, lang, t, today } = context;
    const page = listPage(typed, t.commands.events, context);
    if ('answer' in page) return page.answer;
    const { rest: args, choice } = page;
    const when = eventWhenArgument.safeParse(args);
    if (when.success) return eventListView(eventsWhen(await store.events.list(), when.data, today), when.data, lang, t, undefined, choice);
    // `events venture lab`: the events a partner organised or attended.
    const [events, partners] = await Promise.all([store.events.list(), store.partners.list()]);
    const match = matchPartner(args, partners);
    if (match.kind !== 'one') return messageView(t.events.unknownWhen(escapeMrkdwn(args)));
    const id = match.partner.id;
    const theirs = eventsWhen(events, 'all', today).filter((event) => event.organiserIds.includes(id) || event.attendingPartnerIds.includes(id));
    return eventListView(theirs, 'all', lang, t, t.events.titlePartner(match.partner.name), choice);
  },
};
