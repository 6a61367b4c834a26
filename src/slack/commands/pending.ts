import { pendingView } from '../views/pending-view.js';
import type { CorridorCommand } from './command.js';

export const pendingCommand: CorridorCommand = {
  name: 'pending',
  aliases: ['adhesions', 'adhesion'],
  frenchAliases: ['attente', 'en-attente'],
  help: (t) => t.commands.pending,
  async run(_args, { store, lang, t, today, audience }) {
    const [partners, snoozes, contacts] = await Promise.all([
      store.partners.list(),
      store.snoozes.active(today),
      audience === 'internal' ? store.contacts.list() : [],
    ]);
    return pendingView(partners, lang, t, today, audience, snoozes, contacts);
  },
};
