import { readVerb, type RecordFinder } from '../../domain/command-text.js';
import { seesInternalDetails } from '../../domain/permissions.js';
import { ABOUT_ID } from '../../domain/types.js';
import { PRESS_CONTACT_ID } from '../../store/seed/communique-2025-04-17.js';
import { aboutModalFor } from '../modal-loaders.js';
import { aboutView } from '../views/about-view.js';
import { messageView } from '../views/message-view.js';
import { aboutButtons } from '../views/record-buttons.js';
import type { CorridorCommand } from './command.js';
import { openModal, refusal } from './modal-command.js';

/** The card has no records to name: only `edit` (`modifier`) is a verb after `about`. */
const NO_RECORDS: RecordFinder = { names: () => false, finds: () => false };

/** `about`: the corridor's card, public information; `about edit` (`à propos modifier`): its form, for coordinators. */
export const aboutCommand: CorridorCommand = {
  name: 'about',
  aliases: ['info', 'corridor'],
  frenchAliases: ['apropos', 'a-propos'],
  help: (t) => t.commands.about,
  async run(args, context) {
    const { store, lang, t, audience, isAdmin, slack } = context;
    const edits = readVerb(args, NO_RECORDS).kind === 'edit';
    if (edits && !isAdmin) return refusal(context);
    const [profile, partners, contact] = await Promise.all([store.about.get(ABOUT_ID), store.partners.list(), store.people.get(PRESS_CONTACT_ID)]);
    if (!profile) return messageView(t.aboutEdit.missing);
    if (edits) return openModal(context, () => aboutModalFor(lang, profile));
    return aboutView({
      profile,
      partners,
      contact: contact?.removedAt ? undefined : contact,
      showEmail: seesInternalDetails(audience),
      // Buttons only where they can be clicked: in Slack, for the coordinators.
      actions: isAdmin && slack ? [aboutButtons(profile, t)] : [],
      lang,
      t,
    });
  },
};
