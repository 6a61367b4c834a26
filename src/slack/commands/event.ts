import { readVerb } from '../../domain/command-text.js';
import { findEvents } from '../../domain/events.js';
import { normalize } from '../../domain/text.js';
import type { CorridorEvent } from '../../domain/types.js';
import { LIMITS, type Reply } from '../blocks.js';
import { eventCalendarUrl } from '../../http/calendar-links.js';
import { eventModalFor } from '../modal-loaders.js';
import { eventCardView, eventNotFoundView, eventSeveralView } from '../views/event-views.js';
import { eventButtons } from '../views/record-buttons.js';
import { messageView } from '../views/message-view.js';
import type { CommandContext, CorridorCommand } from './command.js';
import { openModal, refusal } from './modal-command.js';

export const eventCommand: CorridorCommand = {
  name: 'event',
  aliases: ['meeting'],
  frenchAliases: ['evenement', 'rencontre'],
  help: (t) => t.commands.event,
  async run(args, context) {
    const { store, t } = context;
    if (!args.trim()) return messageView(t.event.missing);
    const [events, partners, people] = await Promise.all([store.events.list(), store.partners.list(), store.people.list()]);
    const directory = { partners, people };
    const verb = readVerb(args, {
      names: (query) => events.some((event) => [event.id, event.title.fr, event.title.en].map(normalize).includes(normalize(query))),
      finds: (query) => findEvents(query, events, directory).length > 0,
    });
    if (verb.kind === 'add') {
      if (!context.isAdmin) return refusal(context);
      return openModal(context, () => eventModalFor(store, context.lang, context.timeZone));
    }
    const query = verb.kind === 'edit' ? verb.rest : verb.query;
    if (verb.kind === 'edit') {
      if (!context.isAdmin) return refusal(context);
      if (!query) return messageView(t.event.missingEdit);
    }
    const found = findEvents(query, events, directory);
    if (found.length === 0) return eventNotFoundView(query, t);
    if (found.length > 1) return eventSeveralView(query, found, context.lang, t);
    const event = found[0]!;
    if (verb.kind === 'edit') return openModal(context, () => eventModalFor(store, context.lang, context.timeZone, event));
    return eventCard(event, context);
  },
};

async function eventCard(event: CorridorEvent, { store, lang, t, isAdmin, slack, calendar, audience }: CommandContext): Promise<Reply> {
  const [partners, people] = await Promise.all([store.partners.list({ includeRemoved: true }), store.people.list({ includeRemoved: true })]);
  const directory = {
    partners: new Map(partners.map((partner) => [partner.id, partner])),
    people: new Map(people.map((person) => [person.id, person])),
  };
  const card = eventCardView(event, directory, lang, t, calendar && eventCalendarUrl(calendar, event.id, lang, audience));
  // Buttons only where they can be clicked: in Slack, for the coordinators.
  return isAdmin && slack ? { ...card, blocks: [...card.blocks.slice(0, LIMITS.messageBlocks - 1), eventButtons(event, lang, t)] } : card;
}
