import { findEvents } from '../../domain/events.js';
import { eventCardView, eventNotFoundView, eventSeveralView } from '../views/event-views.js';
import { messageView } from '../views/unknown-command-view.js';
import type { CorridorCommand } from './command.js';

export const eventCommand: CorridorCommand = {
  name: 'event',
  aliases: ['evenement', 'rencontre', 'meeting'],
  help: (t) => t.commands.event,
  examples: ['event 2025-04-16', 'event sherbrooke'],
  async run(args, { store, lang, t }) {
    const query = args.trim();
    if (!query) return messageView(t.event.missing);
    const found = findEvents(query, await store.events.list());
    if (found.length === 0) return eventNotFoundView(query, t);
    if (found.length > 1) return eventSeveralView(query, found, lang, t);
    const [partners, people] = await Promise.all([store.partners.list({ includeRemoved: true }), store.people.list({ includeRemoved: true })]);
    const directory = {
      partners: new Map(partners.map((partner) => [partner.id, partner])),
      people: new Map(people.map((person) => [person.id, person])),
    };
    return eventCardView(found[0]!, directory, lang, t);
  },
};
