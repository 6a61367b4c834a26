import { matchPartner } from '../../domain/partner-match.js';
import { partnerCardView } from '../views/partner-card-view.js';
import { partnerNotFoundView, partnerSeveralView } from '../views/partner-matches-view.js';
import { messageView } from '../views/unknown-command-view.js';
import type { CommandContext, CorridorCommand } from './command.js';
import type { Partner } from '../../domain/types.js';
import type { Reply } from '../blocks.js';

export const partnerCommand: CorridorCommand = {
  name: 'partner',
  aliases: ['partenaire', 'card', 'fiche'],
  help: (t) => t.commands.partner,
  examples: ['partner c2mi', 'partner udes', 'partner vermont'],
  async run(args, context) {
    const query = args.trim();
    if (!query) return messageView(context.t.partner.missingName);
    const match = matchPartner(query, await context.store.partners.list());
    if (match.kind === 'many') return partnerSeveralView(query, match.partners, context.t);
    if (match.kind === 'none') return partnerNotFoundView(query, match.suggestion, context.t);
    return partnerCard(match.partner, context);
  },
};

export async function partnerCard(partner: Partner, { store, lang, t, today }: CommandContext): Promise<Reply> {
  const people = (await store.people.list()).filter((person) => person.partnerId === partner.id);
  return partnerCardView({ partner, people, lang, t, today });
}
