import { matchPartner } from '../../domain/partner-match.js';
import { normalize } from '../../domain/text.js';
import { partnerCardView } from '../views/partner-card-view.js';
import { partnerNotFoundView, partnerSeveralView } from '../views/partner-matches-view.js';
import { partnerButtons } from '../views/record-buttons.js';
import { messageView } from '../views/message-view.js';
import { partnerModalFor } from '../modal-loaders.js';
import type { CommandContext, CorridorCommand } from './command.js';
import { openModal, readVerb, refusal } from './modal-command.js';
import type { Partner } from '../../domain/types.js';
import type { Reply } from '../blocks.js';

export const partnerCommand: CorridorCommand = {
  name: 'partner',
  aliases: ['partenaire', 'card', 'fiche'],
  help: (t) => t.commands.partner,
  async run(args, context) {
    if (!args.trim()) return messageView(context.t.partner.missingName);
    const partners = await context.store.partners.list();
    const verb = readVerb(args, (query) => partners.some((partner) => namesOf(partner).includes(normalize(query))));
    if (verb.kind === 'add') {
      if (!context.isAdmin) return refusal(context);
      return openModal(context, () => partnerModalFor(context.lang, undefined, verb.rest || undefined));
    }
    const query = verb.kind === 'edit' ? verb.rest : verb.query;
    if (verb.kind === 'edit') {
      if (!context.isAdmin) return refusal(context);
      if (!query) return messageView(context.t.partner.missingEdit);
    }
    const match = matchPartner(query, partners);
    if (match.kind === 'many') return partnerSeveralView(query, match.partners, context.t);
    if (match.kind === 'none') return partnerNotFoundView(query, match.suggestion, context.t);
    if (verb.kind === 'edit') return openModal(context, () => partnerModalFor(context.lang, match.partner));
    return partnerCard(match.partner, context);
  },
};

function namesOf(partner: Partner): string[] {
  return [partner.name, partner.acronym, partner.officialName, partner.id].filter((name): name is string => Boolean(name)).map(normalize);
}

export async function partnerCard(partner: Partner, { store, lang, t, today, isAdmin, slack }: CommandContext): Promise<Reply> {
  const people = (await store.people.list()).filter((person) => person.partnerId === partner.id);
  // Buttons only where they can be clicked: in Slack, for the coordinators.
  const actions = isAdmin && slack ? [partnerButtons(partner, t)] : [];
  return partnerCardView({ partner, people, lang, t, today, actions });
}
