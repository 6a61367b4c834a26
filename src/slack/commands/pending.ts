import { pendingView } from '../views/pending-view.js';
import type { CorridorCommand } from './command.js';

export const pendingCommand: CorridorCommand = {
  name: 'pending',
  aliases: ['attente', 'en-attente', 'adhesions', 'adhesion'],
  help: (t) => t.commands.pending,
  async run(_args, { store, lang, t, today, audience }) {
    return pendingView(await store.partners.list(), lang, t, today, audience);
  },
};
