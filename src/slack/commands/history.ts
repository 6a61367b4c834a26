import { findHistoryTarget, type HistoryTarget } from '../../domain/history-target.js';
import { trackHistory } from '../../domain/about.js';
import { ABOUT_ID, type HistoryEntry } from '../../domain/types.js';
import type { Reply } from '../blocks.js';
import { actionSeveralView } from '../views/action-item-card-view.js';
import { eventSeveralView } from '../views/event-views.js';
import { historyView } from '../views/history-view.js';
import { partnerNotFoundView, partnerSeveralView } from '../views/partner-matches-view.js';
import { peopleListView } from '../views/person-views.js';
import { directoryOf, type Directory } from '../views/record-fields.js';
import { messageView } from '../views/message-view.js';
import { internalOnlyView } from '../views/refusal-view.js';
import type { CommandContext, CorridorCommand } from './command.js';
import { organisationNamesOf, organisationOf } from './person.js';

/** `history <words>`: every change to a partner's, person's, event's or action item's record (removed ones included), the about card's or a track's. */
export const historyCommand: CorridorCommand = {
  name: 'history',
  aliases: ['changes'],
  frenchAliases: ['historique', 'journal'],
  help: (t) => t.commands.history,
  async run(args, context) {
    const { store, t, audience } = context;
    // Who changed what, and the internal notes' old values: the coordinators' side.
    if (audience === 'public') return internalOnlyView(t);
    const query = args.trim();
    if (!query) return messageView(t.history.missing);
    const everything = { includeRemoved: true };
    const [partners, people, events, actions, tracks] = await Promise.all([
      store.partners.list(everything),
      store.people.list(everything),
      store.events.list(everything),
      store.actions.list(everything),
      store.listTracks(),
    ]);
    const directory = directoryOf(partners, people, tracks);
    const target = findHistoryTarget(query, { partners, people, events, actions, tracks }, organisationNamesOf(directory.partners));
    if (target.kind === 'none') return partnerNotFoundView(query, target.suggestion, t);
    const shown = { lang: context.lang, t, timeZone: context.timeZone, directory };
    if (target.kind === 'about' || target.kind === 'track') {
      const card = await store.history('about', ABOUT_ID);
      if (target.kind === 'about') return historyView({ name: t.aboutEdit.historyName, entries: card, ...shown });
      return historyView({ name: target.track.title[context.lang], entries: trackHistory(card, target.track.id), ...shown });
    }
    if (target.records.length > 1) return severalView(query, target, directory, context);
    const { entity, id, name } = described(target, context);
    return historyView({ name, entries: await store.history(entity, id), ...shown });
  },
};

/** A kind of record `history` finds among several of its kind. */
type RecordTarget = Extract<HistoryTarget, { records: unknown }>;

/** The one record found: its kind as the history knows it, its ID and its name in the user's language. */
function described(target: RecordTarget, { lang }: CommandContext): { entity: HistoryEntry['entity']; id: string; name: string } {
  switch (target.kind) {
    case 'partner':
    case 'person':
      return { entity: target.kind, id: target.records[0]!.id, name: target.records[0]!.name };
    case 'event':
    case 'action':
      return { entity: target.kind, id: target.records[0]!.id, name: target.records[0]!.title[lang] };
  }
}

/** Several records of one kind: the list to choose from, as their own command shows it. */
function severalView(query: string, target: RecordTarget, directory: Directory, context: CommandContext): Reply {
  const { lang, t } = context;
  switch (target.kind) {
    case 'partner':
      return partnerSeveralView(query, target.records, t);
    case 'person':
      return peopleListView({ people: target.records, organisationOf: (person) => organisationOf(directory.partners, person, lang), typed: query, lang, t });
    case 'event':
      return eventSeveralView(query, target.records, lang, t);
    case 'action':
      return actionSeveralView(query, target.records, { lang, t, directory, today: context.today, audience: context.audience });
  }
}
