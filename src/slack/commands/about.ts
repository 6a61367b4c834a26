import { seesInternalDetails } from '../../domain/permissions.js';
import { PRESS_CONTACT_ID } from '../../store/seed/communique-2025-04-17.js';
import { aboutView } from '../views/about-view.js';
import type { CorridorCommand } from './command.js';

export const aboutCommand: CorridorCommand = {
  name: 'about',
  aliases: ['info', 'corridor'],
  frenchAliases: ['apropos', 'a-propos'],
  help: (t) => t.commands.about,
  async run(_args, { store, lang, t, audience }) {
    const [profile, partners, contact] = await Promise.all([
      store.getProfile(),
      store.partners.list(),
      store.people.get(PRESS_CONTACT_ID),
    ]);
    return aboutView({ profile, partners, contact: contact?.removedAt ? undefined : contact, showEmail: seesInternalDetails(audience), lang, t });
  },
};
