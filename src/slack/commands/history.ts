import { matchPartner } from '../../domain/partner-match.js';
import { historyView } from '../views/history-view.js';
import { partnerNotFoundView, partnerSeveralView } from '../views/partner-matches-view.js';
import { directoryOf } from '../views/record-fields.js';
import { messageView } from '../views/message-view.js';
import { internalOnlyView } from '../views/refusal-view.js';
import type { CorridorCommand } from './command.js';

/** `history <partner>`: every change to a partner's record, removed partners included. */
export const historyCommand: CorridorCommand = {
  name: 'history',
  aliases: ['changes'],
  frenchAliases: ['historique', 'journal'],
  help: (t) => t.commands.history,
  async run(args, { store, lang, t, timeZone, audience }) {
    // Who changed what, and the internal notes' old values: the coordinators' side.
    if (audience === 'public') return internalOnlyView(t);
    const query = args.trim();
    if (!query) return messageView(t.history.missing);
    const partners = await store.partners.list({ includeRemoved: true });
    const match = matchPartner(query, partners);
    if (match.kind === 'many') return partnerSeveralView(query, match.partners, t);
    if (match.kind === 'none') return partnerNotFoundView(query, match.suggestion, t);
    const [entries, people, tracks] = await Promise.all([
      store.history('partner', match.partner.id),
      store.people.list({ includeRemoved: true }),
      store.listTracks(),
    ]);
    return historyView({ name: match.partner.name, entries, lang, t, timeZone, directory: directoryOf(partners, people, tracks) });
  },
};
