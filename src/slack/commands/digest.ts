import { gatherDigest } from '../../store/gather-digest.js';
import { digestView } from '../views/digest-view.js';
import type { CorridorCommand } from './command.js';

/** `/corridor digest`: this week's digest, for the caller only, in the caller's language. */
export const digestCommand: CorridorCommand = {
  name: 'digest',
  aliases: ['recap', 'weekly'],
  frenchAliases: ['resume', 'bilan', 'sommaire', 'hebdo'],
  help: (t) => t.commands.digest,
  async run(_args, { store, lang, t, now, timeZone, audience }) {
    const digest = await gatherDigest(store, store.runs, now, timeZone);
    return digestView(digest, lang, audience, t);
  },
};
